// prepareRename and rename: scope-correct (locals, `nonlocal`, parameters), imports renamed through
// `as`, module functions renamed in every importing file; refusals say why.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureText, LspClient, positionOf, uriOf, WS } from './client.js';
import { applyWorkspaceEdit } from './edits.js';

interface RenameCase {
  name: string;
  file: string;
  at: string;
  nth?: number;
  newName: string;
  /** Expected new text of each changed file (relative path → text). */
  expected: Record<string, string>;
}

const scopes = fixtureText('scopes.ml');
const other = fixtureText('other.ml');
const util = fixtureText('lib/util.ml');
const main = fixtureText('main.ml');

const CASES: RenameCase[] = [
  {
    name: 'a global and its nonlocal uses, not the shadowing local and parameter',
    file: 'scopes.ml',
    at: 'count + 1',
    newName: 'total',
    expected: {
      'scopes.ml': scopes
        .replace('count = 0;', 'total = 0;')
        .replace('nonlocal count;', 'nonlocal total;')
        .replace('count = count + 1;', 'total = total + 1;')
        .replace('print(count,', 'print(total,'),
    },
  },
  {
    name: 'a parameter',
    file: 'scopes.ml',
    at: 'count * 2',
    newName: 'n',
    expected: { 'scopes.ml': scopes.replace('param(count)', 'param(n)').replace('count * 2', 'n * 2') },
  },
  {
    name: 'a module function in its file and every importer',
    file: 'lib/util.ml',
    at: 'double',
    newName: 'twice',
    expected: {
      'lib/util.ml': util.replace('double', 'twice'),
      'main.ml': main.replace('util.double', 'util.twice'),
      'other.ml': other.replace('u.double', 'u.twice'),
    },
  },
  {
    name: 'an import alias',
    file: 'other.ml',
    at: 'u.scale',
    newName: 'helpers',
    expected: {
      'other.ml': other
        .replace('as u;', 'as helpers;')
        .replace('u.double', 'helpers.double')
        .replace('u.scale', 'helpers.scale'),
    },
  },
  {
    name: 'an import without alias gains one',
    file: 'main.ml',
    at: 'util.scale',
    newName: 'tools',
    expected: {
      'main.ml': main
        .replace('import lib.util;', 'import lib.util as tools;')
        .replace('util.double', 'tools.double')
        .replace('util.scale', 'tools.scale'),
    },
  },
  {
    name: 'a capability declaration',
    file: 'main.ml',
    at: 'DataAccess',
    newName: 'Inputs',
    expected: { 'main.ml': main.replace('DataAccess', 'Inputs') },
  },
];

const REFUSALS: { name: string; file: string; at: string; newName: string; message: string }[] = [
  {
    name: 'a builtin',
    file: 'main.ml',
    at: 'print(report',
    newName: 'show',
    message: "'print' is a builtin and cannot be renamed.",
  },
  {
    name: 'an invalid name',
    file: 'scopes.ml',
    at: 'count = 0',
    newName: '2count',
    message: "'2count' is not a valid ML name (letters, digits and _, not starting with a digit).",
  },
  {
    name: 'a reserved word',
    file: 'scopes.ml',
    at: 'count = 0',
    newName: 'fn',
    message: "'fn' is reserved and cannot be a name.",
  },
  {
    name: 'a dunder name',
    file: 'scopes.ml',
    at: 'count = 0',
    newName: '__count',
    message: "'__count' starts with __, which the security rules forbid (SEC003).",
  },
  {
    name: 'a clash with another visible name',
    file: 'scopes.ml',
    at: 'bump()',
    newName: 'local',
    message: "'local' is already a name visible at line 14; renaming would change what that code refers to.",
  },
  {
    name: 'a stdlib member',
    file: 'main.ml',
    at: 'read("data/x',
    newName: 'load',
    message: "'read' is a member, not a name of this program.",
  },
];

describe('rename', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test.each(CASES)('$name', async ({ file, at, nth, newName, expected }) => {
    const uri = await client.open(file);
    const position = positionOf(fixtureText(file), at, 0, nth ?? 1);
    const prepared = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri },
      position,
    });
    expect(prepared.placeholder).toBe(fixtureText(file).slice(...wordAround(fixtureText(file), at, nth ?? 1)));
    const edit = await client.request<{ changes: Record<string, never[]> }>('textDocument/rename', {
      textDocument: { uri },
      position,
      newName,
    });
    await client.close(uri);
    const results = applyWorkspaceEdit(edit);
    const byFile = Object.fromEntries(
      Object.entries(results).map(([u, t]) => [path.relative(WS, new URL(u).pathname), t]),
    );
    expect(byFile).toEqual(expected);
  });

  test.each(REFUSALS)('refuses $name', async ({ file, at, newName, message }) => {
    const uri = await client.open(file);
    const position = positionOf(fixtureText(file), at);
    await expect(
      client.request('textDocument/rename', { textDocument: { uri }, position, newName }),
    ).rejects.toMatchObject({ message });
    await client.close(uri);
  });

  test('prepareRename refuses what cannot be renamed, with the reason', async () => {
    const uri = await client.open('main.ml');
    await expect(
      client.request('textDocument/prepareRename', {
        textDocument: { uri },
        position: positionOf(main, 'print(report'),
      }),
    ).rejects.toMatchObject({
      message: "'print' is a builtin and cannot be renamed.",
    });
    await expect(
      client.request('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(main, 'lib.util') }),
    ).rejects.toMatchObject({
      message: 'A module path names a file or a standard module; it cannot be renamed here.',
    });
    await client.close(uri);
    expect(uriOf(path.join(WS, 'main.ml'))).toBe(uri);
  });
});

/** [start, end) of the identifier at the `nth` occurrence of `needle`. */
function wordAround(text: string, needle: string, nth: number): [number, number] {
  let index = -1;
  for (let i = 0; i < nth; i++) index = text.indexOf(needle, index + 1);
  let end = index;
  while (/[A-Za-z0-9_]/.test(text[end] ?? '')) end++;
  return [index, end];
}
