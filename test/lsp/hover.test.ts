// Hover: stdlib signatures and docs with the capabilities a call needs (concrete for literal
// targets, ✓/✗ under the active grant), user functions with what they need transitively,
// capability declarations, variables and parameters with where they are bound.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureText, LspClient, positionOf, WS } from './client.js';

interface Case {
  name: string;
  file: string;
  at: string;
  delta?: number;
  nth?: number;
  /** Exact markdown (with `${WS}` for the workspace folder), or null for no hover. */
  value: string | null;
}

const READ_SIGNATURE =
  "```ml\nfile.read(path, encoding='utf-8') -> string\n```\nWhole file as text.\n\nNeeds `file:read:<path>`.";

const DEFAULT_GRANT_CASES: Case[] = [
  {
    name: 'a stdlib call with a literal target: concrete capability, not granted',
    file: 'main.ml',
    at: 'read("data/x',
    value: `${READ_SIGNATURE}\n\n**This call needs:**\n- \`file:read:\${WS}/data/x.csv\` ✗ not granted by the default grant`,
  },
  {
    name: 'a stdlib call with a computed target',
    file: 'main.ml',
    at: 'read("data/" +',
    value: `${READ_SIGNATURE}\n\n**This call needs:**\n- \`file:read:<dynamic>\` decided at run time (the target is not known statically)`,
  },
  {
    name: 'a user function: what it needs through everything it calls',
    file: 'main.ml',
    at: 'report()',
    nth: 2,
    delta: 2,
    value:
      '```ml\nfunction report()\n```\nNeeds (with everything it calls):\n- `file:read:${WS}/data/x.csv`\n- `http:get:https://api.example.com/status`',
  },
  {
    name: 'a capability declaration: its mapping and verdict',
    file: 'main.ml',
    at: 'DataAccess',
    delta: 3,
    value:
      '```ml\ncapability DataAccess\n```\nA request: the run gets the intersection of these with the grant.\n\n- `file:read:data/*.csv` (allow read) ✗ not granted by the default grant',
  },
  {
    name: 'a variable: where it is bound',
    file: 'main.ml',
    at: 'total + item',
    value: '```ml\n(variable) total\n```\nBound at the top level at lines 22, 24.',
  },
  {
    name: 'a parameter',
    file: 'main.ml',
    at: 'name)',
    nth: 2,
    value: '```ml\n(parameter) name\n```\nParameter of function `load` (line 11).',
  },
  {
    name: 'a function of an imported user module',
    file: 'main.ml',
    at: 'double(len',
    value: '```ml\nfunction double(x)\n```\nFrom `lib/util.ml`.\n\nNeeds no capability.',
  },
  {
    name: 'a stdlib module',
    file: 'main.ml',
    at: 'http;',
    value: '```ml\nimport http;\n```\nHTTP client (each URL must be granted; private addresses need a literal grant).',
  },
  {
    name: 'a builtin call',
    file: 'main.ml',
    at: 'print(report',
    value:
      '```ml\nprint(*values) -> null\n```\nWrite the values separated by spaces and a newline to standard output.\n\nNeeds no capability.',
  },
  {
    name: 'a stdlib constant',
    file: 'values.ml',
    at: 'pi *',
    value: "```ml\nmath.pi = 3.141592653589793\n```\nThe ratio of a circle's circumference to its diameter.",
  },
  {
    name: 'a method of a stdlib object',
    file: 'values.ml',
    at: 'match("aaa")',
    value:
      '```ml\nPattern.match(text, pos=0, endpos=None) -> Match\n```\nMatch at the start of text, or null.\n\nNeeds `regex:match`.\n\n**This call needs:**\n- `regex:match` ✓ granted by the default grant',
  },
  {
    name: 'a method of a string',
    file: 'values.ml',
    at: 'upper()',
    value: '```ml\nstring.upper() -> string\n```\nCopy in upper case.\n\nNeeds no capability.',
  },
  {
    name: 'a variable holding a stdlib object shows its class',
    file: 'values.ml',
    at: 'pattern.match',
    value: '```ml\n(variable) pattern: Pattern\n```\nBound at the top level at line 5.',
  },
  {
    name: 'an env read with a literal name',
    file: 'values.ml',
    at: 'get("HOME")',
    value:
      '```ml\nenv.get(key, default=None) -> string\n```\nValue of a variable, or default.\n\nNeeds `env:read:<KEY>`.\n\n**This call needs:**\n- `env:read:HOME` ✗ not granted by the default grant',
  },
  { name: 'nothing inside a comment', file: 'main.ml', at: 'Reads a data', value: null },
];

function expand(value: string): string {
  return value.replaceAll('${WS}', WS);
}

describe('hover under the default grant', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test.each(DEFAULT_GRANT_CASES)('$name', async ({ file, at, delta, nth, value }) => {
    const uri = await client.open(file);
    const position = positionOf(fixtureText(file), at, delta ?? 0, nth ?? 1);
    const hover = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position,
    });
    await client.close(uri);
    if (value === null) return expect(hover).toBeNull();
    expect(hover?.contents.kind).toBe('markdown');
    expect(hover?.contents.value).toBe(expand(value));
  });
});

describe('hover under a profile', () => {
  test('the same call is granted by the data_processing profile', async () => {
    const client = await LspClient.start({ settings: { profile: 'data_processing' } });
    try {
      const uri = await client.open('main.ml');
      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: positionOf(fixtureText('main.ml'), 'read("data/x'),
      });
      expect(hover.contents.value).toBe(
        `${READ_SIGNATURE}\n\n**This call needs:**\n- \`file:read:${WS}/data/x.csv\` ✓ granted by profile 'data_processing'`,
      );
      const decl = await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: positionOf(fixtureText('main.ml'), 'allow read', 7),
      });
      expect(decl.contents.value).toContain(
        "- `file:read:data/*.csv` (allow read) ✓ granted by profile 'data_processing'",
      );
    } finally {
      await client.stop();
    }
  });
});
