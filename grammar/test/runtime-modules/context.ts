// Test support for the stdlib module tests: a deterministic ModuleContext, a way to call module
// members by name, and the error text an ML program would see. Not a test file itself.
import { MLError, MLFloat, MLNative, MLObject, MLTuple, type MLModule, type Value } from '../../src/runtime/values.js';
import { formatFloat } from '../../src/runtime/ops.js';
import type { ModuleContext, OutputStream } from '../../src/runtime/modules/types.js';

export interface TestContext extends ModuleContext {
  readonly output: { stream: OutputStream; text: string }[];
}

/** A context with a fixed clock (2024-03-15T12:34:56.789Z), a repeatable random sequence and captured output. */
export function testContext(nowMs = Date.UTC(2024, 2, 15, 12, 34, 56, 789)): TestContext {
  let state = 12345;
  const output: { stream: OutputStream; text: string }[] = [];
  return {
    output,
    random() {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    },
    now: () => nowMs,
    write(stream, text) {
      output.push({ stream, text });
    },
    cwd: () => '/work/project',
    argv: () => ['--verbose', 'input.txt'],
  };
}

/** Calls `module.name(...args)` the way transpiled code would. */
export function call(mod: MLModule, name: string, ...args: Value[]): Value {
  const f = mod.members.get(name);
  if (typeof f !== 'function') throw new Error(`no function ${mod.name}.${name}`);
  return f(...args);
}

/** Calls a method of a stdlib object (`obj.m(...)`), with `this` bound as the runtime does. */
export function callMethod(target: Value, name: string, ...args: Value[]): Value {
  const table = (target as { methods?: Record<string, (...a: Value[]) => Value> }).methods;
  const m = table?.[name];
  if (m === undefined) throw new Error(`no method ${name}`);
  return m.call(target, ...args);
}

/**
 * Python's repr of a value as it appears inside a container (so the expected texts can come straight
 * from CPython). Kept independent of the runtime's printer so these tests check only the modules.
 */
export function pyRepr(v: Value): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatFloat(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof MLFloat) return formatFloat(v.value);
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof MLTuple)
    return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(', ')})`;
  if (v instanceof MLObject) return `{${[...v.map].map(([k, x]) => `${quote(k)}: ${pyRepr(x)}`).join(', ')}}`;
  if (v instanceof MLNative) return v.toMLString();
  return '<function>';
}

function quote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0xa0) || c === 0xad)
      out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

/** Runs `f` and renders the outcome (pyRepr by default), or `Kind: message` for an ML error. */
export function outcome(f: () => Value, render: (v: Value) => string = pyRepr): string {
  try {
    return render(f());
  } catch (e) {
    if (e instanceof MLError) return `${e.kind}: ${e.message}`;
    throw e;
  }
}
