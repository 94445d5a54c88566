// textDocument/foldingRange: blocks, capability declarations and multi-line literals (folded up to
// the line before their closing bracket), runs of line comments, and runs of imports.
import { walk, type Program } from '@mlsec/grammar';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';

const BRACKETED = new Set(['Block', 'CapabilityDecl', 'ObjectLiteral', 'ArrayLiteral']);

export function foldingRanges(program: Program): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<number>();
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind): void => {
    if (endLine <= startLine || seen.has(startLine)) return;
    seen.add(startLine);
    out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  walk(program, (node) => {
    if (!BRACKETED.has(node.kind)) return;
    const { start, end } = node.range;
    // Keep the closing bracket's line visible (it may carry `} else {`).
    add(start.line, end.line - 1);
  });
  const runs = (lines: number[], kind: FoldingRangeKind): void => {
    let first = -1;
    let last = -2;
    for (const line of [...lines, Number.MAX_SAFE_INTEGER]) {
      if (line === last + 1) {
        last = line;
        continue;
      }
      if (first >= 0 && last > first) add(first, last, kind);
      first = line;
      last = line;
    }
  };
  const commentLines = program.comments
    .filter((c, i, all) => i === 0 || all[i - 1]!.range.start.line !== c.range.start.line)
    .map((c) => c.range.start.line);
  runs(commentLines, FoldingRangeKind.Comment);
  runs(
    program.body.filter((s) => s.kind === 'ImportStmt').map((s) => s.range.start.line),
    FoldingRangeKind.Imports,
  );
  return out.sort((a, b) => a.startLine - b.startLine);
}
