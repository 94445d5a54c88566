// Range formatting as a table: ⟦⟧ marks the selection; the expected edit replaces whole lines of the
// top-level statements the selection touches (and any statement sharing their lines).
import { describe, expect, test } from 'vitest';
import { formatRange } from '@mlsec/grammar';
import { marked } from '../names/marks.js';

const cases: { name: string; src: string; edit: { lines: [number, number]; newText: string } | 'none' }[] = [
  { name: 'one statement', src: 'a=1;\n⟦b=2;⟧\nc=3;\n', edit: { lines: [1, 1], newText: 'b = 2;' } },
  {
    name: 'a cursor-wide selection inside a statement',
    src: 'a=1;\nb=⟦⟧2;\nc=3;\n',
    edit: { lines: [1, 1], newText: 'b = 2;' },
  },
  {
    name: 'a selection inside a function formats the whole function',
    src: 'x=0;\nfunction f(a){\n  if(a){⟦return 1;⟧}\n  return 2;}\n',
    edit: { lines: [1, 3], newText: 'function f(a) {\n  if (a) {\n    return 1;\n  }\n  return 2;\n}' },
  },
  {
    name: 'statements sharing a line come along',
    src: 'a=1; ⟦b=2;⟧\nc=3;\n',
    edit: { lines: [0, 0], newText: 'a = 1;\nb = 2;' },
  },
  {
    name: 'several statements with a comment between',
    src: 'a=1;\n⟦b=2;\n// note\nc=3;⟧ // tail\nd=4;\n',
    edit: { lines: [1, 3], newText: 'b = 2;\n// note\nc = 3; // tail' },
  },
  { name: 'already formatted', src: 'a = 1;\n⟦b = 2;⟧\n', edit: 'none' },
  { name: 'selection only over a comment line', src: 'a=1;\n⟦// just a comment⟧\nb=2;\n', edit: 'none' },
  {
    name: 'CRLF source keeps its other lines',
    src: 'a=1;\r\n⟦b  =  2;⟧\r\nc=3;\r\n',
    edit: { lines: [1, 1], newText: 'b = 2;' },
  },
  {
    name: 'CRLF source gets CRLF inside the edit',
    src: 'a=1;\r\n⟦if(a){b=2;}⟧\r\n',
    edit: { lines: [1, 1], newText: 'if (a) {\r\n  b = 2;\r\n}' },
  },
];

describe('formatRange', () => {
  test.each(cases)('$name', ({ src, edit }) => {
    const { source, ranges } = marked(src);
    const selection = ranges[0]!;
    const edits = formatRange(source, selection.start, selection.end);
    if (edit === 'none') {
      expect(edits).toEqual([]);
      return;
    }
    expect(edits).toHaveLength(1);
    const [e] = edits!;
    expect([e!.range.start.line, e!.range.end.line, e!.range.start.column]).toEqual([...edit.lines, 0]);
    expect(e!.newText).toBe(edit.newText);
    // Applying the edit gives text whose edited lines are formatted and whose others are untouched.
    const applied = source.slice(0, e!.range.start.offset) + e!.newText + source.slice(e!.range.end.offset);
    expect(formatRange(applied, e!.range.start.offset, e!.range.start.offset + e!.newText.length)).toEqual([]);
  });

  test('a source with syntax errors gets no edits', () => {
    expect(formatRange('a=1;\nb = ;\n', 0, 4)).toBeNull();
  });
});
