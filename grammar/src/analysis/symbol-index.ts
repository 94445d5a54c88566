// Identifier → symbol for one analysis, by start offset: the analysis looks names up in source order
// (the rule walk) or unit by unit, so a table indexed by offset, with its entries in source order, is
// read almost sequentially where the resolution's hash table is read at random. Answers exactly
// what Resolution.symbolOf answers: entries are confirmed by node identity, and identifiers it has
// no single entry for (copies made by error recovery share an offset) are asked of the resolution.
import type { MlSymbol, Resolution } from '../names/types.js';
import type { Identifier } from '../syntax/ast.js';

export class SymbolIndex {
  /** By start offset: 1 + the occurrence's number in source order; 0: none; -1: several. */
  private readonly at: Int32Array;
  private readonly identifiers: Identifier[];
  private readonly symbols: MlSymbol[];

  constructor(private readonly resolution: Resolution) {
    const n = resolution.program.range.end.offset + 1;
    const at = new Int32Array(n);
    const all = resolution.symbols;
    for (const s of all) {
      for (const o of s.occurrences) {
        const offset = o.identifier.range.start.offset;
        if (offset < n) at[offset] = at[offset] === 0 ? 1 : -1;
      }
    }
    let count = 0;
    for (let offset = 0; offset < n; offset++) if (at[offset] === 1) at[offset] = ++count;
    this.identifiers = new Array<Identifier>(count);
    this.symbols = new Array<MlSymbol>(count);
    for (const s of all) {
      for (const o of s.occurrences) {
        const offset = o.identifier.range.start.offset;
        const k = offset < n ? at[offset]! : 0;
        if (k > 0) {
          this.identifiers[k - 1] = o.identifier;
          this.symbols[k - 1] = s;
        }
      }
    }
    this.at = at;
  }

  symbolOf(id: Identifier): MlSymbol | undefined {
    const offset = id.range.start.offset;
    const k = offset < this.at.length ? this.at[offset]! : 0;
    if (k > 0 && this.identifiers[k - 1] === id) return this.symbols[k - 1];
    return this.resolution.symbolOf(id);
  }
}
