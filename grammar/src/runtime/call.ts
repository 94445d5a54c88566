// Calling ML function values from runtime code (builtins, stdlib callbacks) and the shared call
// depth counter behind the 1000-frame recursion limit. Must not call anything that is not an ML value.
import type { Value } from './values.js';
import { raise } from './errors.js';
import { pyTypeName } from './text.js';

/** Maximum ML call depth (Python's default recursion limit). */
export const MAX_DEPTH = 1000;

/**
 * Mutable per-run state shared by every transpiled unit and the runtime: `depth` is the number of
 * ML frames currently active (transpiled functions increment it on entry and decrement it on
 * exit); `site` is the call site (sites.ts) of the latest ML call that may reach a capability
 * check, or -1: transpiled code sets it at such calls only, so a check reads where it comes from.
 */
export const callState = { depth: 0, site: -1 };

/**
 * Raised by a transpiled function's prologue, which has already counted its frame, when the depth
 * limit is passed: the frame is taken off the count again (it never ran).
 */
export function recursionError(): never {
  callState.depth--;
  return raise('RecursionError', 'maximum recursion depth exceeded');
}

/**
 * Calls an ML function value with ML arguments (the callee enforces the depth limit itself). The
 * call site register is kept: a stdlib function calling back into ML code and then checking a
 * capability still reports the ML call that invoked it.
 */
export function callValue(f: Value, args: readonly Value[]): Value {
  if (typeof f !== 'function') raise('TypeError', `'${pyTypeName(f)}' object is not callable`);
  const site = callState.site;
  try {
    const r = f(...args);
    return r === undefined ? null : r;
  } finally {
    callState.site = site;
  }
}
