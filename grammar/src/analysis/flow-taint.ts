// Taint values of the intra-procedural data-flow engine: sets of atoms, where an atom is a source
// (a call or literal at a known place, possibly as it arrived through a parameter) or "parameter i
// of the current function". Immutable arrays sorted by one total order; `null` is the clean value so
// the common case allocates nothing.
//
// Sources are capped per kind (the MAX_ATOMS first in source order of each): every operation here
// gives the cap of what it would give on uncapped sets, so a value never depends on the order in
// which the engine evaluated functions, and the engine's fixed point is that of the uncapped
// analysis with the cap applied.
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
 * Sources kept per value and kind (sources of this function, sources that arrived through a
 * parameter); parameters are not capped. A bound keeps values small and the solver quick on long
 * call chains; what is kept is the first MAX_ATOMS by source position, whatever the order of work.
 */
export const MAX_ATOMS = 8;

/** 0: parameter, 1: source, 2: forwarded source (the order of kinds in a taint). */
function rank(a: Atom): number {
  return a.kind === 'param' ? 0 : a.forwarded ? 2 : 1;
}

/** The total order of atoms: kind, then parameter index or source position and label. 0: one atom. */
export function compareAtoms(a: Atom, b: Atom): number {
  if (a === b) return 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (a.kind === 'param') return a.index - (b as ParamAtom).index;
  const s = b as SourceAtom;
  const d = a.range.start.offset - s.range.start.offset;
  if (d !== 0) return d;
  return a.label < s.label ? -1 : a.label > s.label ? 1 : 0;
}

/** The union of two taints; `a` itself when nothing of `b` is added (cheap change detection). */
export function union(a: Taint, b: Taint): Taint {
  if (!a || a.length === 0) return b && b.length > 0 ? b : null;
  if (!b || b.length === 0 || a === b) return a;
  // A merge of the two sorted lists that copies `a` only once an atom of `b` is kept.
  let out: Atom[] | null = null;
  let own = 0;
  let forwarded = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let atom: Atom;
    let fromA: boolean;
    if (j >= b.length) {
      atom = a[i++]!;
      fromA = true;
    } else if (i >= a.length) {
      atom = b[j++]!;
      fromA = false;
    } else {
      const c = compareAtoms(a[i]!, b[j]!);
      if (c <= 0) {
        atom = a[i++]!;
        fromA = true;
        if (c === 0) j++;
      } else {
        atom = b[j++]!;
        fromA = false;
      }
    }
    if (atom.kind === 'source') {
      if (atom.forwarded) {
        if (forwarded >= MAX_ATOMS) continue;
        forwarded++;
      } else {
        if (own >= MAX_ATOMS) continue;
        own++;
      }
    }
    if (out) out.push(atom);
    else if (!fromA) {
      out = a.slice(0, i);
      out.push(atom);
    }
  }
  return out ?? a;
}

export function unionAll(taints: readonly Taint[]): Taint {
  let t: Taint = null;
  for (const x of taints) t = union(t, x);
  return t;
}

/** Whether two taints hold the same atoms. */
export function same(a: Taint, b: Taint): boolean {
  if (a === b) return true;
  const n = a ? a.length : 0;
  if (n !== (b ? b.length : 0)) return false;
  for (let i = 0; i < n; i++) if (compareAtoms(a![i]!, b![i]!) !== 0) return false;
  return true;
}

/** Whether a taint has parameter atoms (they come first). */
export function hasParams(t: Taint): boolean {
  return t !== null && t.length > 0 && t[0]!.kind === 'param';
}

// Taints and atoms are immutable, so what `forward` makes of one is made once.
const forwardedTaints = new WeakMap<readonly Atom[], Taint>();
const forwardedAtoms = new WeakMap<SourceAtom, SourceAtom>();

/** Source atoms as they enter a callee through a parameter. */
export function forward(t: Taint): Taint {
  if (!t) return null;
  let result = forwardedTaints.get(t);
  if (result !== undefined) return result;
  const own: Atom[] = [];
  const arrived: Atom[] = [];
  for (const a of t) {
    if (a.kind !== 'source') continue;
    if (a.forwarded) arrived.push(a);
    else own.push(forwardedAtom(a));
  }
  // Both lists are sorted and forwarding keeps the order of sources.
  result = own.length === 0 ? (arrived.length > 0 ? arrived : null) : union(own, arrived);
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
  let own: Atom[] | null = null;
  for (const a of returns) {
    if (a.kind === 'param') t = union(t, args[a.index] ?? null);
    else if (!a.forwarded) (own ??= []).push(a);
  }
  return own ? union(t, own) : t;
}

/**
 * What a taint computed with parameters only (`p0`, ...) becomes once the sources that arrived
 * through those parameters (`forwarded`, by index) are added: every operation carries such sources
 * along with their parameter, so this is what evaluating with them gives.
 */
export function withForwarded(t: Taint, forwarded: readonly Taint[] | null): Taint {
  if (!forwarded || !hasParams(t)) return t;
  let out = t;
  for (const a of t!) {
    if (a.kind !== 'param') break;
    out = union(out, forwarded[a.index] ?? null);
  }
  return out;
}

export function sources(t: Taint): SourceAtom[] {
  return t ? (t.filter((a) => a.kind === 'source') as SourceAtom[]) : [];
}
