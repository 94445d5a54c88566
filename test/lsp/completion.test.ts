// Completion: keywords valid at the cursor (contextual), names in scope, module members, methods of
// values of known type, members of user modules, capability strings in `capability` blocks and in
// mlpy.yaml; stdlib items carry their signature and required capabilities.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, WS } from './client.js';
import { withCursor } from './marker.js';

interface Item {
  label: string;
  kind?: number;
  detail?: string;
  sortText?: string;
  textEdit?: { newText: string };
}

interface Case {
  name: string;
  marked: string;
  file?: string;
  /** Labels that must all be offered. */
  includes?: string[];
  /** Labels that must not be offered. */
  excludes?: string[];
  /** The complete list of labels, when it is short. */
  exactly?: string[];
}

const CASES: Case[] = [
  {
    name: 'statement start at the top level',
    marked: 'x = 1;\n‸',
    includes: [
      'capability',
      'import',
      'function',
      'if',
      'while',
      'for',
      'try',
      'return',
      'throw',
      'fn',
      'true',
      'false',
      'x',
      'print',
      'len',
    ],
    excludes: ['break', 'continue', 'nonlocal', 'elif', 'else', 'except', 'in', 'as'],
  },
  {
    name: 'statement start in a function body',
    marked: 'function f(a) {\n  ‸\n}\n',
    includes: ['nonlocal', 'return', 'if', 'a', 'f'],
    excludes: ['capability', 'import', 'break'],
  },
  {
    name: 'statement start in a loop',
    marked: 'while (true) {\n  ‸\n}\n',
    includes: ['break', 'continue'],
    excludes: ['nonlocal'],
  },
  { name: 'after an if block', marked: 'x = 1;\nif (x) {\n  print(x);\n}\n‸', includes: ['elif', 'else', 'while'] },
  { name: 'after a try block', marked: 'try {\n  print(1);\n} ‸', includes: ['except', 'finally'] },
  { name: 'items of a capability block', marked: 'capability C {\n  ‸\n}\n', exactly: ['resource', 'allow'] },
  {
    name: 'permissions after allow',
    marked: 'capability C {\n  allow ‸\n}\n',
    exactly: ['read', 'write', 'execute', 'network', 'system'],
  },
  {
    name: 'standard modules after import',
    marked: 'import ‸',
    includes: ['math', 'file', 'http', 'regex', 'json'],
    excludes: ['if'],
  },
  { name: '`as` after an import path', marked: 'import lib.util ‸', exactly: ['as'] },
  { name: '`in` in a for header', marked: 'for (x ‸', exactly: ['in'] },
  {
    name: 'expression position',
    marked: 'y = 2;\nx = ‸',
    includes: ['fn', 'true', 'false', 'y'],
    excludes: ['if', 'while', 'return'],
  },
  { name: 'object keys are free', marked: 'o = {‸', exactly: [] },
  { name: 'nothing in a comment', marked: '// prin‸t\n', exactly: [] },
  {
    name: 'math members',
    marked: 'import math;\nx = math.‸',
    includes: ['pi', 'sqrt', 'floor'],
    excludes: ['print', 'if'],
  },
  {
    name: 'string methods',
    marked: 's = "abc";\nt = s.‸',
    includes: ['upper', 'lower', 'split', 'length'],
    excludes: ['pi'],
  },
  { name: 'methods of a chained string call', marked: 't = "abc".upper().‸', includes: ['strip', 'replace'] },
  {
    name: 'methods of a stdlib object',
    marked: 'import regex;\np = regex.compile("a");\np.‸',
    includes: ['match', 'search', 'findall'],
  },
  {
    name: 'members of a user module',
    marked: 'import lib.util;\nutil.‸',
    file: 'members.ml',
    exactly: ['double', 'scale'],
  },
  {
    name: 'names visible in a nested function',
    marked: 'function outer(limit) {\n  function inner() {\n    return ‸\n  }\n}\n',
    includes: ['limit', 'inner', 'outer'],
  },
];

function labels(items: Item[] | null): string[] {
  return (items ?? []).map((i) => i.label);
}

describe('completion in ML files', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start({ settings: { profile: 'data_processing' } });
  });
  afterAll(async () => {
    await client.stop();
  });

  const complete = async (marked: string, file = 'completion.ml'): Promise<Item[]> => {
    const { text, position } = withCursor(marked);
    const uri = await client.open(path.join(WS, file), text);
    const items = await client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position });
    await client.close(uri);
    return items;
  };

  test.each(CASES)('$name', async ({ marked, file, includes, excludes, exactly }) => {
    const got = labels(await complete(marked, file));
    if (exactly) expect(got).toEqual(exactly);
    if (includes) expect(got).toEqual(expect.arrayContaining(includes));
    for (const label of excludes ?? []) expect(got).not.toContain(label);
  });

  test('stdlib items show their signature and the capabilities they need', async () => {
    const items = await complete('import file;\nfile.‸');
    const read = items.find((i) => i.label === 'read')!;
    expect(read.detail).toBe("file.read(path, encoding='utf-8') -> string  needs file:read:<path>");
    const exists = items.find((i) => i.label === 'exists')!;
    expect(exists.detail).toMatch(/^file\.exists\(path\) -> boolean {2}needs file:stat:<path>$/);
    const builtin = (await complete('x = 1;\n‸')).find((i) => i.label === 'input')!;
    expect(builtin.detail).toBe("input(prompt='') -> string  needs console:read");
  });

  test('targets the grant names, inside a capability resource string', async () => {
    const items = await complete('capability Data {\n  resource "‸";\n  allow read;\n}\n');
    expect(labels(items)).toEqual(['data/**']);
    expect(items[0]!.detail).toBe('granted by file:read:data/**');
  });
});

describe('completion in mlpy.yaml', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
    await client.open('main.ml');
  });
  afterAll(async () => {
    await client.stop();
  });

  const complete = async (marked: string): Promise<Item[]> => {
    const { text, position } = withCursor(marked);
    const uri = await client.open(path.join(WS, 'scratch', 'mlpy.yaml'), text);
    const items = await client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position });
    await client.close(uri);
    return items;
  };

  test('capability strings in a flow list, what open programs need first', async () => {
    const items = await complete('security:\n  default_capabilities: [console:write, ‸]\n');
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
    expect(sorted.slice(0, 3)).toEqual([
      'file:read:data/x.csv',
      'http:get:https://api.example.com/status',
      'args:read',
    ]);
    expect(labels(items)).toEqual(
      expect.arrayContaining([
        'file:read:data/**',
        'http:get:https://api.example.com/**',
        'env:read:NAME',
        'console:write',
        'math:*',
      ]),
    );
  });

  test('capability strings in a block list of a profile replace what is typed', async () => {
    const items = await complete('security:\n  capability_profiles:\n    web:\n      - http:g‸\n');
    const item = items.find((i) => i.label === 'http:get:https://api.example.com/**')!;
    expect(item.textEdit).toEqual({
      range: { start: { line: 3, character: 8 }, end: { line: 3, character: 14 } },
      newText: 'http:get:https://api.example.com/**',
    });
  });

  test('section keys and analysis levels', async () => {
    expect(labels(await complete('security:\n  ‸'))).toEqual([
      'default_capabilities',
      'capability_profiles',
      'denied_capabilities',
      'analysis_level',
      'suppress',
    ]);
    expect(labels(await complete('‸'))).toEqual(['security', 'sandbox']);
    expect(labels(await complete('security:\n  analysis_level: ‸'))).toEqual(['strict', 'moderate', 'permissive']);
  });

  test('no capability strings outside capability lists', async () => {
    expect(labels(await complete('security:\n  suppress: [‸]\n'))).toEqual([]);
  });
});
