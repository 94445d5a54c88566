// Frame and unit records of the debug agent (runs INSIDE the sandbox isolate): what each
// debug-mode unit registered, and the ML call stack its entry/exit hooks maintain. Data only; no
// Node, no DAP, no host calls.
import type { Value } from '@mlsec/grammar';
import type { AgentBreakpoint, AgentFunctionBreakpoint } from '../protocol.js';

/** One function's layout as the transpiler describes it in the unit prelude. */
export interface FnMeta {
  name: string;
  /** The first `own` names are parameters and locals; the rest are enclosing functions' names. */
  own: number;
  names: string[];
}

/** A frame's variable accessor: sets variable i (when i >= 0) and returns all current values. */
export type Accessor = (i: number, x?: Value) => (Value | undefined)[];

/** A transpiled file, registered when it starts running. */
export interface Unit {
  file: string;
  module: string | null;
  /** Position table data: `data[2k]`, `data[2k+1]` = 0-based line and column of position k. */
  data: readonly number[];
  meta: FnMeta[];
  /** 1 where a line breakpoint sits (indexed by position); mutated in place on config changes. */
  flags: Uint8Array;
  bps: Map<number, AgentBreakpoint[]>;
  /** Function breakpoints by function index (null when none). */
  fnBps: (AgentFunctionBreakpoint[] | null)[];
  /** Accessor of the unit's top level (its globals), once it has started. */
  globals: Accessor | null;
}

export interface Frame {
  unit: Unit;
  /** Function index into `unit.meta`. */
  fi: number;
  acc: Accessor;
  /** Position index of the statement being run. */
  p: number;
  /** Active `try` blocks with an `except` handler in this frame. */
  c: number;
}

export function lineOf(u: Unit, k: number): number {
  return u.data[2 * k] ?? 0;
}

export function columnOf(u: Unit, k: number): number {
  return u.data[2 * k + 1] ?? 0;
}

/** The ML call stack, with frame records reused by depth (no allocation per call). */
export class FrameStack {
  readonly frames: Frame[] = [];
  depth = 0;

  /** Frame `n` counted from the innermost (0), or undefined. */
  fromTop(n: number): Frame | undefined {
    return n >= 0 && n < this.depth ? this.frames[this.depth - 1 - n] : undefined;
  }

  /** True when some active frame has a `try` with a handler around the current point. */
  inTry(): boolean {
    for (let i = 0; i < this.depth; i++) if (this.frames[i]!.c > 0) return true;
    return false;
  }
}
