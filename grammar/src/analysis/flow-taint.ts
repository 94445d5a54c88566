// Taint values of the intra-procedural data-flow engine: sets of atoms, where an atom is a source
// (a call or literal at a known place) or "parameter i of the current function". Immutable arrays;
// `null` is the clean value so the common case allocates nothing.
import type { Range } from '../syntax/ast.js';

export interface SourceAtom {
  kind: 'source';
  key: string;
  /** What the data came from (`env.get`, `'eval('`), for messages. */
  label: string;
  range: Range;
  /** Arrived through a parameter from some call site (dropped when a return value is substituted). */
  forwarded: boolean;
}

export interface ParamAtom {
  kind: 'param';
  key: string;
  index: number;
}

export type Atom = SourceAtom | ParamAtom;
export type Taint = readonly Atom[] | null;

export function sourceAtom(label: string, range: Range): SourceAtom {
  return { kind: 'source', key: `${range.start.offset}:${label}`, label, range, forwarded: false };
}

export function paramAtom(index: number): ParamAtom {
  return { kind: 'param', key: `p${index}`, index };
}

const PARAM_TAINTS: Taint[] = [];

/** The taint "parameter i" (shared: taints are never mutated). */
export function paramTaint(index: number): Taint {
  return (PARAM_TAINTS[index] ??= [paramAtom(index)]);
}

/**
 * Atoms kept per value. Reports need one source per sink, so a bound costs nothing in findings and
 * keeps values small and the solver quick on long call chains.
 */
export const MAX_ATOMS = 8;

/** Whether `list` has an atom with the key of `atom` (atoms with one key are mostly one object). */
function hasAtom(list: readonly Atom[], atom: Atom): boolean {
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!;
    if (x === atom || x.key === atom.key) return true;
  }
  return false;
}

export function union(a: Taint, b: Taint): Taint {
  if (!a || a.length === 0) return b && b.length > 0 ? b : null;
  if (!b || b.length === 0 || a === b || a.length >= MAX_ATOMS) return a;
  let out: Atom[] | null = null;
  for (let i = 0; i < b.length; i++) {
    const atom = b[i]!;
    if (hasAtom(out ?? a, atom)) continue;
    (out ??= a.slice()).push(atom);
    if (out.length >= MAX_ATOMS) break;
  }
  return out ?? a;
}

export function unionAll(taints: readonly Taint[]): Taint {
  let t: Taint = null;
  for (const x of taints) t = union(t, x);
  return t;
}

export function size(t: Taint): number {
  return t ? t.length : 0;
}

// Taints and atoms are immutable, so what `forward` makes of one is made once.
const forwardedTaints = new WeakMap<readonly Atom[], Taint>();
const forwardedAtoms = new WeakMap<SourceAtom, SourceAtom>();

/** Source atoms as they enter a callee through a parameter. */
export function forward(t: Taint): Taint {
  if (!t) return null;
  let result = forwardedTaints.get(t);
  if (result !== undefined) return result;
  const out: Atom[] = [];
  for (const a of t) if (a.kind === 'source') out.push(a.forwarded ? a : forwardedAtom(a));
  result = out.length > 0 ? out : null;
  forwardedTaints.set(t, result);
  return result;
}

function forwardedAtom(a: SourceAtom): SourceAtom {
  let f = forwardedAtoms.get(a);
  if (!f) forwardedAtoms.set(a, (f = { ...a, key: `${a.key}~`, forwarded: true }));
  return f;
}

/** A callee's return taint seen at one call: parameters replaced by the arguments' taint. */
export function substitute(returns: Taint, args: readonly Taint[]): Taint {
  if (!returns) return null;
  let t: Taint = null;
  for (const a of returns) {
    if (a.kind === 'param') t = union(t, args[a.index] ?? null);
    else if (!a.forwarded) t = union(t, [a]);
  }
  return t;
}

export function sources(t: Taint): SourceAtom[] {
  return t ? (t.filter((a) => a.kind === 'source') as SourceAtom[]) : [];
}
