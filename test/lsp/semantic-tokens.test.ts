// Semantic tokens (full, range, delta): keyword/name classes from the parser and the resolver,
// stdlib members as defaultLibrary, the custom `securitySensitive` modifier on calls that need
// capabilities, and multi-line strings split per line.
import path from 'node:path';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '@mlsec/grammar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, WS } from './client.js';

type Token = [line: number, character: number, length: number, type: string, ...modifiers: string[]];

function decode(data: number[]): Token[] {
  const out: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length, type, mods] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += dl;
    character = dl === 0 ? character + dc : dc;
    const modifiers = SEMANTIC_TOKEN_MODIFIERS.filter((_, bit) => (mods & (1 << bit)) !== 0);
    out.push([line, character, length, SEMANTIC_TOKEN_TYPES[type]!, ...modifiers]);
  }
  return out;
}

const SOURCE = `import file;
// read it
function load(name) {
  return file.read(name);
}
x = load("a");
ok = true && "two
lines";
o = {in: 1};
print(o.in);
`;

const EXPECTED: Token[] = [
  [0, 0, 6, 'keyword'],
  [0, 7, 4, 'namespace'],
  [1, 0, 10, 'comment'],
  [2, 0, 8, 'keyword'],
  [2, 9, 4, 'function', 'declaration'],
  [2, 14, 4, 'parameter', 'declaration'],
  [3, 2, 6, 'keyword'],
  [3, 9, 4, 'namespace'],
  [3, 14, 4, 'function', 'defaultLibrary', 'securitySensitive'],
  [3, 19, 4, 'parameter'],
  [5, 0, 1, 'variable', 'declaration'],
  [5, 2, 1, 'operator'],
  [5, 4, 4, 'function', 'securitySensitive'],
  [5, 9, 3, 'string'],
  [6, 0, 2, 'variable', 'declaration'],
  [6, 3, 1, 'operator'],
  [6, 5, 4, 'keyword'],
  [6, 10, 2, 'operator'],
  [6, 13, 4, 'string'],
  [7, 0, 6, 'string'],
  [8, 0, 1, 'variable', 'declaration'],
  [8, 2, 1, 'operator'],
  [8, 5, 2, 'property'],
  [8, 9, 1, 'number'],
  [9, 0, 5, 'function', 'defaultLibrary'],
  [9, 6, 1, 'variable'],
  [9, 8, 2, 'property'],
];

describe('semantic tokens', () => {
  let client: LspClient;
  let uri: string;
  beforeAll(async () => {
    client = await LspClient.start();
    uri = await client.open(path.join(WS, 'tokens.ml'), SOURCE);
  });
  afterAll(async () => {
    await client.stop();
  });

  test('the legend is the shared one', () => {
    const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: unknown }).legend;
    expect(legend).toEqual({ tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] });
  });

  test('full: every token classified', async () => {
    const result = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', {
      textDocument: { uri },
    });
    expect(decode(result.data)).toEqual(EXPECTED);
  });

  test('range: only the tokens in the range', async () => {
    const result = await client.request<{ data: number[] }>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } },
    });
    expect(decode(result.data)).toEqual(EXPECTED.filter((t) => t[0] === 3));
  });

  test('delta: edits from the previous result that rebuild the new full result', async () => {
    const first = await client.request<{ resultId: string; data: number[] }>('textDocument/semanticTokens/full', {
      textDocument: { uri },
    });
    await client.change(uri, 2, [
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } }, text: 'renamed' },
    ]);
    const delta = await client.request<{
      resultId: string;
      edits: { start: number; deleteCount: number; data?: number[] }[];
    }>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: first.resultId,
    });
    expect(delta.edits.length).toBeGreaterThan(0);
    const rebuilt = [...first.data];
    for (const e of [...delta.edits].sort((a, b) => b.start - a.start))
      rebuilt.splice(e.start, e.deleteCount, ...(e.data ?? []));
    const fresh = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', {
      textDocument: { uri },
    });
    expect(rebuilt).toEqual(fresh.data);
    expect(decode(fresh.data).find((t) => t[0] === 5 && t[1] === 0)).toEqual([5, 0, 7, 'variable', 'declaration']);
  });

  test('delta with an unknown previous result falls back to a full result', async () => {
    const result = await client.request<{ data?: number[] }>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: 'nope',
    });
    expect(Array.isArray(result.data)).toBe(true);
  });
});
