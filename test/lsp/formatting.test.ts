// Formatting through LSP: every conformance program formatted twice gives the same text and keeps
// every comment; range formatting touches only the selected statements; documents with syntax
// errors are left alone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@mlsec/grammar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, REPO, WS } from './client.js';
import { applyEdits } from './edits.js';

const CONFORMANCE = path.join(REPO, 'test', 'conformance');
const PROGRAMS = readdirSync(CONFORMANCE)
  .filter((f) => f.endsWith('.ml'))
  .sort();

/** The comments of a program as the lexer sees them (`x // 2` is division, not a comment). */
function comments(text: string): string[] {
  return parse(text).comments.map((c) => c.text.trimEnd());
}

describe('formatting', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  const formatted = async (uri: string, text: string, version: number): Promise<string> => {
    const edits = await client.request<{ range: never; newText: string }[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    const next = applyEdits(text, edits);
    await client.change(uri, version, [{ text: next }]);
    return next;
  };

  test('there are conformance programs', () => {
    expect(PROGRAMS.length).toBeGreaterThan(30);
  });

  test.each(PROGRAMS)('%s: formatting twice gives the same text and keeps every comment', async (name) => {
    const source = readFileSync(path.join(CONFORMANCE, name), 'utf8');
    const uri = await client.open(path.join(WS, 'conformance', name), source);
    const once = await formatted(uri, source, 2);
    const twice = await formatted(uri, once, 3);
    await client.close(uri);
    expect(twice).toBe(once);
    expect(comments(once)).toEqual(comments(source));
    expect(comments(source).length).toBeGreaterThan(0);
  });

  test('range formatting changes only the selected statement', async () => {
    const source = 'x=1;\nif(x){print( x );}\ny  =  2;\n';
    const uri = await client.open(path.join(WS, 'range.ml'), source);
    const edits = await client.request<never[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    await client.close(uri);
    expect(applyEdits(source, edits)).toBe('x=1;\nif (x) {\n  print(x);\n}\ny  =  2;\n');
  });

  test('a document with syntax errors is not formatted', async () => {
    const uri = await client.open(path.join(WS, 'broken.ml'), 'x = ;\ny=2;\n');
    const edits = await client.request<unknown[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    await client.close(uri);
    expect(edits).toEqual([]);
  });

  test('whole-document formatting is one minimal edit', async () => {
    const source = '// keep\nx = 1;\ny=2;\n';
    const uri = await client.open(path.join(WS, 'minimal.ml'), source);
    const edits = await client.request<{ range: unknown; newText: string }[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    await client.close(uri);
    expect(edits).toEqual([
      { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } }, newText: ' = ' },
    ]);
  });
});
