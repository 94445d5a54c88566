// Go to definition, find references and document highlights: scope-correct within a file
// (locals, `nonlocal`, parameters) and across user modules (`import lib.util;` → lib/util.ml).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureText, LspClient, positionOf, uriOf, WS } from './client.js';

type Spot = [file: string, line: number, character: number];

interface Location {
  uri: string;
  range: { start: { line: number; character: number } };
}

function spot(l: Location): Spot {
  return [path.relative(WS, new URL(l.uri).pathname), l.range.start.line, l.range.start.character];
}

const DEFINITIONS: { name: string; file: string; at: string; delta?: number; nth?: number; expected: Spot | null }[] = [
  { name: 'a user function from its call', file: 'main.ml', at: 'report()', nth: 2, expected: ['main.ml', 14, 9] },
  { name: 'a function of a user module', file: 'main.ml', at: 'double(len', expected: ['lib/util.ml', 1, 9] },
  { name: 'a variable of a user module', file: 'main.ml', at: 'scale)', expected: ['lib/util.ml', 4, 0] },
  {
    name: 'a module alias goes to the module file',
    file: 'main.ml',
    at: 'util.double',
    expected: ['lib/util.ml', 0, 0],
  },
  { name: 'an import path goes to the module file', file: 'main.ml', at: 'util;', expected: ['lib/util.ml', 0, 0] },
  { name: 'through an import alias', file: 'other.ml', at: 'double(21)', expected: ['lib/util.ml', 1, 9] },
  { name: 'a variable: its first binding', file: 'main.ml', at: 'total + item', expected: ['main.ml', 21, 0] },
  { name: 'a parameter', file: 'main.ml', at: 'name)', nth: 2, expected: ['main.ml', 10, 14] },
  { name: 'a stdlib module name: its import', file: 'main.ml', at: 'file.read', expected: ['main.ml', 1, 7] },
  { name: 'a nonlocal write: the global', file: 'scopes.ml', at: 'count + 1', expected: ['scopes.ml', 1, 0] },
  {
    name: 'a local that shadows the global',
    file: 'scopes.ml',
    at: 'count;\n}\nfunction param',
    expected: ['scopes.ml', 7, 2],
  },
  { name: 'a builtin has no definition', file: 'main.ml', at: 'print(report', expected: null },
];

describe('definition', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test.each(DEFINITIONS)('$name', async ({ file, at, delta, nth, expected }) => {
    const uri = await client.open(file);
    const location = await client.request<Location | null>('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(fixtureText(file), at, delta ?? 0, nth ?? 1),
    });
    await client.close(uri);
    expect(location && spot(location)).toEqual(expected);
  });
});

describe('references and highlights', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  const refs = async (
    file: string,
    at: string,
    includeDeclaration: boolean,
    nth = 1,
    workDoneToken?: string,
  ): Promise<Spot[]> => {
    const uri = await client.open(file);
    const found = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: positionOf(fixtureText(file), at, 0, nth),
      context: { includeDeclaration },
      ...(workDoneToken ? { workDoneToken } : {}),
    });
    await client.close(uri);
    return found.map(spot);
  };

  test('a global with nonlocal writes, not the locals and parameters that shadow it', async () => {
    expect(await refs('scopes.ml', 'count = 0', true)).toEqual([
      ['scopes.ml', 1, 0],
      ['scopes.ml', 3, 11],
      ['scopes.ml', 4, 2],
      ['scopes.ml', 4, 10],
      ['scopes.ml', 14, 6],
    ]);
  });

  test('a parameter, without its declaration', async () => {
    expect(await refs('scopes.ml', 'count * 2', false)).toEqual([['scopes.ml', 11, 9]]);
  });

  test('a module function across the workspace, with progress reported on the client token', async () => {
    const before = client.progress.length;
    expect(await refs('lib/util.ml', 'double', true, 1, 'refs-1')).toEqual([
      ['lib/util.ml', 1, 9],
      ['main.ml', 17, 13],
      ['other.ml', 2, 8],
    ]);
    const kinds = client.progress
      .slice(before)
      .map((p) => (p as { token: string; value: { kind: string } }).value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds[kinds.length - 1]).toBe('end');
    expect(client.progress.slice(before).every((p) => (p as { token: string }).token === 'refs-1')).toBe(true);
  });

  test('the same references from an importer, through an alias', async () => {
    expect(await refs('other.ml', 'double(21)', true)).toEqual([
      ['lib/util.ml', 1, 9],
      ['main.ml', 17, 13],
      ['other.ml', 2, 8],
    ]);
  });

  test('document highlights: reads and writes of one symbol in its scope', async () => {
    const uri = await client.open('scopes.ml');
    const highlights = await client.request<{ range: { start: { line: number; character: number } }; kind: number }[]>(
      'textDocument/documentHighlight',
      {
        textDocument: { uri },
        position: positionOf(fixtureText('scopes.ml'), 'count = 5'),
      },
    );
    await client.close(uri);
    expect(highlights.map((h) => [h.range.start.line, h.range.start.character, h.kind])).toEqual([
      [7, 2, 3],
      [8, 9, 2],
    ]);
  });

  test('no highlights on a keyword', async () => {
    const uri = await client.open('scopes.ml');
    const highlights = await client.request<unknown[]>('textDocument/documentHighlight', {
      textDocument: { uri: uriOf(path.join(WS, 'scopes.ml')) },
      position: positionOf(fixtureText('scopes.ml'), 'function bump'),
    });
    await client.close(uri);
    expect(highlights).toEqual([]);
  });
});
