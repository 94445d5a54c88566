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

/**
 * A frame as the generated code exposes it: `acc(-1)` returns `[function index, position, try
 * count, ...variables]`; `acc(i, x)` sets variable i (see the transpiler's debug-gen.ts).
 */
export type Accessor = (i: number, x?: Value) => (Value | undefined)[];

/** Entries before the variables in an accessor's answer. */
const HEAD = 3;

/** The variables' current values (undefined = not assigned yet). */
export function valuesOf(acc: Accessor): (Value | undefined)[] {
  return acc(-1).slice(HEAD);
}

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

/** A snapshot of one frame (taken while the program is stopped or an error is reported). */
export interface Frame {
  unit: Unit;
  /** Function index into `unit.meta`. */
  fi: number;
  acc: Accessor;
  /** Position index being run (a statement, or a call within it in outer frames). */
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

/**
 * The ML call stack: the accessor and unit of each active frame, by depth. Entering a function
 * stores two references; everything else is read from the accessors only when needed.
 */
export class FrameStack {
  readonly accs: Accessor[] = [];
  readonly units: Unit[] = [];
  depth = 0;

  /** Frame `n` counted from the innermost (0), or undefined. */
  fromTop(n: number): Frame | undefined {
    const i = this.depth - 1 - n;
    if (n < 0 || i < 0) return undefined;
    const acc = this.accs[i]!;
    const head = acc(-1);
    return { unit: this.units[i]!, fi: head[0] as number, acc, p: head[1] as number, c: head[2] as number };
  }

  /** True when some active frame has a `try` with a handler around the current point. */
  inTry(): boolean {
    for (let i = 0; i < this.depth; i++) if ((this.accs[i]!(-1)[2] as number) > 0) return true;
    return false;
  }
}
