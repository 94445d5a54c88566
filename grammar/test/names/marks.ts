// Test helper: sources annotated with ⟦range⟧ markers and a ‸ cursor, so expectations are written
// in the source itself (rust-analyzer's fixture style). Returns the clean text and the positions.

export interface Marked {
  source: string;
  ranges: { start: number; end: number }[];
  cursor: number | undefined;
}

export function marked(annotated: string): Marked {
  let source = '';
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  let cursor: number | undefined;
  for (const ch of annotated) {
    if (ch === '⟦') open.push(source.length);
    else if (ch === '⟧') ranges.push({ start: open.pop()!, end: source.length });
    else if (ch === '‸') cursor = source.length;
    else source += ch;
  }
  ranges.sort((a, b) => a.start - b.start);
  return { source, ranges, cursor };
}
