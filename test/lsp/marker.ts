// Test texts with a cursor marker: `‸` marks the position and is removed from the text.
export const CURSOR = '‸';

export function withCursor(marked: string): { text: string; position: { line: number; character: number } } {
  const index = marked.indexOf(CURSOR);
  if (index < 0) throw new Error(`no ${CURSOR} in ${JSON.stringify(marked)}`);
  const text = marked.slice(0, index) + marked.slice(index + CURSOR.length);
  const lines = marked.slice(0, index).split('\n');
  return { text, position: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}
