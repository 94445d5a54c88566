// Signature help for stdlib functions, methods of values of known type, user functions and
// functions of user modules, with the active parameter while arguments are half typed.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, WS } from './client.js';
import { withCursor } from './marker.js';

interface Help {
  signatures: { label: string; parameters: { label: string }[]; documentation: { value: string } }[];
  activeParameter: number;
}

const CASES: { name: string; marked: string; label: string | null; active?: number; needs?: string }[] = [
  {
    name: 'a stdlib function, first argument',
    marked: 'import file;\nfile.read(‸',
    label: "file.read(path, encoding='utf-8') -> string",
    active: 0,
    needs: 'Needs `file:read:<path>`.',
  },
  {
    name: 'a stdlib function, second argument',
    marked: 'import file;\nfile.write("a.txt", ‸)',
    label: "file.write(path, content, encoding='utf-8') -> int",
    active: 1,
  },
  {
    name: 'nested calls: the innermost open one',
    marked: 'import math;\nprint(math.floor(‸',
    label: 'math.floor(x) -> int',
    active: 0,
  },
  {
    name: 'after the inner call closed',
    marked: 'import math;\nprint(math.floor(1.5), ‸',
    label: 'print(*values) -> null',
    active: 0,
  },
  {
    name: 'a string method',
    marked: 's = "a,b";\nparts = s.split(",", ‸',
    label: 'string.split(sep=None, maxsplit=-1) -> array',
    active: 1,
  },
  {
    name: 'a user function',
    marked: 'function area(w, h) {\n  return w * h;\n}\narea(2, ‸',
    label: 'area(w, h)',
    active: 1,
    needs: 'Needs no capability.',
  },
  {
    name: 'a function of a user module',
    marked: 'import lib.util;\nutil.double(‸',
    label: 'util.double(x)',
    active: 0,
  },
  { name: 'not inside a call', marked: 'x = (1 + ‸', label: null },
];

describe('signature help', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test.each(CASES)('$name', async ({ marked, label, active, needs }) => {
    const { text, position } = withCursor(marked);
    const uri = await client.open(path.join(WS, 'signature.ml'), text);
    const help = await client.request<Help | null>('textDocument/signatureHelp', { textDocument: { uri }, position });
    await client.close(uri);
    if (label === null) return expect(help).toBeNull();
    expect(help?.signatures[0]?.label).toBe(label);
    expect(help?.activeParameter).toBe(active);
    if (needs) expect(help?.signatures[0]?.documentation.value).toContain(needs);
  });
});
