// Last step of name resolution: one Occurrence per binding, use and `nonlocal` name, in source order,
// appended to its symbol and indexed by identifier. Builds data only; every decision was made before.
import type { Identifier } from '../syntax/ast.js';
import type { Bound } from './bind.js';
import { BINDING, CALL, KINDS, NONLOCAL, READ, type Collected } from './collect.js';
import type { ResolvedUses } from './lookup.js';
import type { MlSymbol, Occurrence } from './types.js';

/**
 * Every occurrence by start offset, and lookup by identifier node: an open-addressing table keyed by
 * the identifier's start offset, confirmed by node identity (nodes copied by error recovery share
 * an offset with their original).
 */
export class OccurrenceIndex {
  private readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly shift: number;
  /** Identifier and symbol of each occurrence (parallel to `sorted`): lookups touch no occurrence. */
  private readonly identifiers: Identifier[];
  private readonly symbols: MlSymbol[];

  constructor(
    readonly sorted: Occurrence[],
    offsets: ArrayLike<number>,
  ) {
    this.identifiers = sorted.map((o) => o.identifier);
    this.symbols = sorted.map((o) => o.symbol);
    let bits = 4;
    while (1 << bits < sorted.length * 2) bits++;
    this.shift = 32 - bits;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.slots = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    for (let i = 0; i < sorted.length; i++) {
      const offset = offsets[i]!;
      let slot = Math.imul(offset, 0x9e3779b1) >>> this.shift;
      while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = offset;
      this.slots[slot] = i;
    }
  }

  get(identifier: Identifier): Occurrence | undefined {
    const i = this.indexOf(identifier);
    return i < 0 ? undefined : this.sorted[i];
  }

  symbolOf(identifier: Identifier): MlSymbol | undefined {
    const i = this.indexOf(identifier);
    return i < 0 ? undefined : this.symbols[i];
  }

  private indexOf(identifier: Identifier): number {
    const offset = identifier.range.start.offset;
    const keys = this.keys;
    const mask = keys.length - 1;
    let slot = Math.imul(offset, 0x9e3779b1) >>> this.shift;
    for (let key = keys[slot]!; key !== -1; key = keys[slot]!) {
      if (key === offset) {
        const i = this.slots[slot]!;
        if (this.identifiers[i] === identifier) return i;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }
}

export function placeOccurrences(collected: Collected, bound: Bound, uses: ResolvedUses): OccurrenceIndex {
  const order = collected.order;
  const sorted = new Array<Occurrence>(order.length);
  const offsets = new Int32Array(order.length);
  const useColumns = collected.uses;
  let last = -1;
  let ordered = true;
  for (let k = 0; k < order.length; k++) {
    const entry = order.at(k);
    const kind = entry & (KINDS - 1);
    const i = entry >>> 3;
    let occurrence: Occurrence;
    let offset: number;
    if (kind === READ || kind === CALL) {
      occurrence = {
        identifier: useColumns.identifiers[i]!,
        symbol: uses.symbols[i]!,
        role: kind === CALL ? 'call' : 'read',
        scope: collected.scopes[useColumns.scopes.at(i)]!,
      };
      offset = useColumns.offsets.at(i);
    } else if (kind === BINDING) {
      const raw = collected.bindings[i]!;
      occurrence = {
        identifier: raw.identifier,
        symbol: bound.bindingSymbols[i]!,
        role: 'declaration',
        scope: raw.scope,
      };
      offset = collected.bindingOffsets.at(i);
    } else if (kind === NONLOCAL) {
      const raw = collected.nonlocals[i]!;
      occurrence = {
        identifier: raw.identifier,
        symbol: bound.nonlocalSymbols[i]!,
        role: 'nonlocal',
        scope: raw.scope,
      };
      offset = raw.identifier.range.start.offset;
    } else {
      const identifier = collected.strayNonlocals[i]!;
      occurrence = { identifier, symbol: bound.straySymbols[i]!, role: 'nonlocal', scope: collected.scopes[0]! };
      offset = identifier.range.start.offset;
    }
    sorted[k] = occurrence;
    offsets[k] = offset;
    if (offset <= last) ordered = false;
    last = offset;
  }
  if (!ordered) sortByOffset(sorted, offsets, collected, bound);
  for (let k = 0; k < sorted.length; k++) {
    const o = sorted[k]!;
    o.symbol.occurrences.push(o);
  }
  return new OccurrenceIndex(sorted, offsets);
}

/**
 * Error recovery copies nodes (`x += 1` keeps `x = x + 1`), so some identifiers share an offset or
 * come out of order. Ties keep the order in which bind.ts and lookup.ts assigned the symbols.
 */
function sortByOffset(sorted: Occurrence[], offsets: Int32Array, collected: Collected, bound: Bound): void {
  const keys = Array.from({ length: collected.order.length }, (_, k) => {
    const entry = collected.order.at(k);
    const kind = entry & (KINDS - 1);
    const i = entry >>> 3;
    const rank =
      kind === READ || kind === CALL
        ? bound.ranks + i
        : kind === BINDING
          ? bound.bindingRanks[i]!
          : kind === NONLOCAL
            ? bound.nonlocalRanks[i]!
            : bound.strayRanks[i]!;
    return { occurrence: sorted[k]!, offset: offsets[k]!, rank };
  });
  keys.sort((a, b) => a.offset - b.offset || a.rank - b.rank);
  keys.forEach((key, k) => {
    sorted[k] = key.occurrence;
    offsets[k] = key.offset;
  });
}
