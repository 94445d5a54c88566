// Names that ML code can never reach through `.` or `[]` (ML-LANGUAGE.md §6): one list shared by
// the analyzer (SEC005/SEC006), the runtime's member access and the debugger's expression compiler.
// A leaf module: no imports, so the isolate runtime bundle can include it.

/** JavaScript internals that member access must never resolve. */
export const JS_INTERNAL_MEMBERS: ReadonlySet<string> = new Set([
  'constructor',
  'prototype',
  '__proto__',
  'caller',
  'callee',
  'arguments',
]);

/** True for names no member access may resolve on non-object values: `__x` and JS internals. */
export function isForbiddenName(name: string): boolean {
  return name.startsWith('__') || JS_INTERNAL_MEMBERS.has(name);
}
