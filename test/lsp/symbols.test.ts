// Document symbols (an outline with nested functions and locals) and workspace symbols (top-level
// names of every ML file, matched by subsequence), with cancellation honoured.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node.js';
import { LspClient } from './client.js';

interface DocSymbol {
  name: string;
  kind: number;
  detail?: string;
  selectionRange: { start: { line: number } };
  children?: DocSymbol[];
}

type Outline = [name: string, kind: number, line: number, children?: Outline[]];

function outline(symbols: DocSymbol[]): Outline[] {
  return symbols.map((s) =>
    s.children && s.children.length > 0
      ? [s.name, s.kind, s.selectionRange.start.line, outline(s.children)]
      : [s.name, s.kind, s.selectionRange.start.line],
  );
}

// LSP SymbolKind: Module 2, Interface 11, Function 12, Variable 13.
const MAIN_OUTLINE: Outline[] = [
  ['file', 2, 1],
  ['http', 2, 2],
  ['util', 2, 3],
  ['DataAccess', 11, 5],
  ['load', 12, 10],
  [
    'report',
    12,
    14,
    [
      ['text', 13, 15],
      ['status', 13, 16],
    ],
  ],
  ['total', 13, 21],
  ['item', 13, 22],
];

const VALUES_OUTLINE: Outline[] = [
  ['math', 2, 1],
  ['regex', 2, 2],
  ['env', 2, 3],
  ['pattern', 13, 4],
  ['found', 13, 5],
  ['radius', 13, 6],
  ['shout', 13, 7],
  ['home', 13, 8],
  ['outer', 12, 9, [['inner', 12, 10]]],
];

describe('symbols', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test.each([
    ['main.ml', MAIN_OUTLINE],
    ['values.ml', VALUES_OUTLINE],
  ] as const)('outline of %s', async (file, expected) => {
    const uri = await client.open(file);
    const symbols = await client.request<DocSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    await client.close(uri);
    expect(outline(symbols)).toEqual(expected);
  });

  test.each([
    ['dbl', [['double', 'lib/util.ml']]],
    ['rep', [['report', 'main.ml']]],
    ['count', [['count', 'scopes.ml']]],
    ['zzz', []],
  ] as const)('workspace symbols matching %s', async (query, expected) => {
    const found = await client.request<{ name: string; containerName: string }[]>('workspace/symbol', { query });
    expect(found.map((s) => [s.name, s.containerName])).toEqual(expected);
  });

  test('an empty query lists every top-level name', async () => {
    const found = await client.request<{ name: string }[]>('workspace/symbol', { query: '' });
    expect(found.map((s) => s.name)).toEqual(
      expect.arrayContaining(['double', 'scale', 'load', 'report', 'DataAccess', 'bump', 'outer', 'pattern']),
    );
  });

  test('a cancelled request answers RequestCancelled and the server keeps serving', async () => {
    const source = new CancellationTokenSource();
    const uri = await client.open('fresh-for-cancel.ml', 'x = 1;\n');
    const pending = client.connection.sendRequest(
      'textDocument/documentSymbol',
      { textDocument: { uri } },
      source.token,
    );
    source.cancel();
    await expect(pending).rejects.toMatchObject({ code: -32800 });
    const symbols = await client.request<DocSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['x']);
    await client.close(uri);
  });
});
