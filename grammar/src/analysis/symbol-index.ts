// Identifier → symbol for one analysis, by start offset: an Int32Array indexed by offset leads to the
// occurrence's entry, where the resolution's hash table would hash every identifier. Built in one pass
// over the occurrences. Answers exactly what Resolution.symbolOf answers: entries are confirmed by
// node identity, and identifiers it has no single entry for (copies made by error recovery share an
// offset) are asked of the resolution.
import type { MlSymbol, Resolution } from '../names/types.js';
import type { Identifier } from '../syntax/ast.js';

export class SymbolIndex {
  /** By start offset: 1 + the occurrence's number (in symbol order); 0: none; -1: several. */
  private readonly at: Int32Array;
  private readonly identifiers: Identifier[];
  private readonly symbols: MlSymbol[];

  constructor(private readonly resolution: Resolution) {
    const n = resolution.program.range.end.offset + 1;
    const at = new Int32Array(n);
    const all = resolution.symbols;
    let total = 0;
    for (const s of all) total += s.occurrences.length;
    // One pass over the occurrences (numbered in symbol order): their identifiers lie all over the heap.
    const identifiers = new Array<Identifier>(total);
    const symbols = new Array<MlSymbol>(total);
    let k = 0;
    for (const s of all) {
      for (const o of s.occurrences) {
        const offset = o.identifier.range.start.offset;
        identifiers[k] = o.identifier;
        symbols[k++] = s;
        if (offset < n) at[offset] = at[offset] === 0 ? k : -1;
      }
    }
    this.at = at;
    this.identifiers = identifiers;
    this.symbols = symbols;
  }

  symbolOf(id: Identifier): MlSymbol | undefined {
    const offset = id.range.start.offset;
    const k = offset < this.at.length ? this.at[offset]! : 0;
    if (k > 0 && this.identifiers[k - 1] === id) return this.symbols[k - 1];
    return this.resolution.symbolOf(id);
  }
}
