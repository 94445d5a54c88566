// textDocument/selectionRange: for each position, the chain of syntax nodes around it from the
// innermost outwards (duplicate ranges collapsed), ending at the whole document.
import { nodeAtOffset, type Program } from '@mlsec/grammar';
import type { SelectionRange } from 'vscode-languageserver';
import { toRange } from './convert.js';

export function selectionRanges(program: Program, offsets: readonly number[]): SelectionRange[] {
  return offsets.map((offset) => {
    let current: SelectionRange | undefined;
    let last = '';
    for (const node of nodeAtOffset(program, offset)) {
      const key = `${node.range.start.offset}:${node.range.end.offset}`;
      if (key === last) continue;
      last = key;
      current = current ? { range: toRange(node.range), parent: current } : { range: toRange(node.range) };
    }
    return current ?? { range: toRange(program.range) };
  });
}
