// Folding ranges (blocks, declarations, multi-line literals, comment runs, import runs) and
// selection ranges (the chain of syntax nodes around each position).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, WS } from './client.js';
import { withCursor } from './marker.js';

const FOLDING_SOURCE = `// Header comment,
// two lines long.
import math;
import json;
config = {
  size: 3,
  name: "x"
};
if (config.size > 2) {
  print("big");
} elif (config.size > 1) {
  print("medium");
} else {
  print("small");
}
`;

describe('folding and selection ranges', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test('main.ml folds its imports, declaration, functions and loop', async () => {
    const uri = await client.open('main.ml');
    const ranges = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
    await client.close(uri);
    expect(ranges).toEqual([
      { startLine: 1, endLine: 3, kind: 'imports' },
      { startLine: 5, endLine: 7 },
      { startLine: 10, endLine: 11 },
      { startLine: 14, endLine: 18 },
      { startLine: 22, endLine: 23 },
    ]);
  });

  test('comment runs, multi-line literals and each branch of an if chain', async () => {
    const uri = await client.open(path.join(WS, 'folding.ml'), FOLDING_SOURCE);
    const ranges = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
    await client.close(uri);
    expect(ranges).toEqual([
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 2, endLine: 3, kind: 'imports' },
      { startLine: 4, endLine: 6 },
      { startLine: 8, endLine: 9 },
      { startLine: 10, endLine: 11 },
      { startLine: 12, endLine: 13 },
    ]);
  });

  test('selection ranges grow from the name to the whole program', async () => {
    const { text, position } = withCursor('y = 1;\nx = f(‸a + b, 2);\n');
    const uri = await client.open(path.join(WS, 'selection.ml'), text);
    const [first] = await client.request<
      {
        range: { start: { line: number; character: number }; end: { line: number; character: number } };
        parent?: unknown;
      }[]
    >('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [position],
    });
    await client.close(uri);
    const lines = text.split('\n');
    const slices: string[] = [];
    for (
      let s = first as
        | {
            range: { start: { line: number; character: number }; end: { line: number; character: number } };
            parent?: unknown;
          }
        | undefined;
      s;
      s = s.parent as typeof s
    ) {
      const { start, end } = s.range;
      slices.push(
        start.line === end.line
          ? lines[start.line]!.slice(start.character, end.character)
          : `${start.line}-${end.line}`,
      );
    }
    expect(slices).toEqual(['a', 'a + b', 'f(a + b, 2)', 'x = f(a + b, 2);', '0-2']);
  });
});
