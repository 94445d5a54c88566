// The server never dies: 2,000 random seeded edits (positions inside surrogate pairs, past the end
// of lines and of the document, reversed ranges, batches, CRLF) leave it with exactly the
// diagnostics of a fresh parse of the final text; malformed requests get errors, not crashes.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureText, LspClient, WS } from './client.js';

/** mulberry32: a small seeded PRNG, so every run makes the same edits. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pos {
  line: number;
  character: number;
}

/** Line start offsets with `\n`, `\r\n` and `\r` as line breaks (LSP's definition). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

/** The reference model of a position: past the last line is the end; past a line's end is that end. */
function offsetOf(text: string, p: Pos): number {
  const starts = lineStarts(text);
  if (p.line >= starts.length) return text.length;
  const start = starts[p.line]!;
  let end = p.line + 1 < starts.length ? starts[p.line + 1]! : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(start + p.character, end);
}

const SNIPPETS = [
  'x = 1;\n',
  '(',
  ')',
  '{',
  '}',
  '"',
  "'",
  ';',
  '// note\n',
  '😀',
  '\r\n',
  '\n',
  'import file;\n',
  'fn(a) => a',
  'file.read("data/x.csv")',
  'if (x) {',
  'function f(a) {',
  'elif',
  ' ',
  '//',
  'capability C { allow read; }\n',
  'é',
  '\uD83D',
  '[1, 2',
  'return',
  'nonlocal y;',
];

function randomPosition(rand: () => number, text: string): Pos {
  const starts = lineStarts(text);
  const line = Math.floor(rand() * (starts.length + 3));
  const lineText = text.slice(starts[line] ?? text.length, starts[line + 1] ?? text.length);
  // Sometimes exactly inside a surrogate pair, sometimes far past the end of the line.
  const pair = lineText.search(/[\uD800-\uDBFF][\uDC00-\uDFFF]/);
  if (pair >= 0 && rand() < 0.2) return { line, character: pair + 1 };
  return { line, character: Math.floor(rand() * (lineText.length + 8)) };
}

describe('robustness', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test('2,000 random edits end with the diagnostics of a fresh parse of the final text', async () => {
    const rand = prng(20240611);
    let text = `${fixtureText('main.ml')}s = "😀 and 😀";\r\nt = s;\n`;
    const uri = await client.open(path.join(WS, 'fuzz.ml'), text);
    let version = 1;
    let edits = 0;
    while (edits < 2000) {
      const batch: { range?: { start: Pos; end: Pos }; text: string }[] = [];
      const size = rand() < 0.2 ? 1 + Math.floor(rand() * 4) : 1;
      for (let i = 0; i < size && edits < 2000; i++, edits++) {
        if (rand() < 0.01) {
          const full = SNIPPETS.map((s) => (rand() < 0.5 ? s : '')).join('');
          batch.push({ text: full });
          text = full;
          continue;
        }
        const a = randomPosition(rand, text);
        const b = rand() < 0.4 ? a : randomPosition(rand, text);
        const insert = rand() < 0.3 ? '' : SNIPPETS[Math.floor(rand() * SNIPPETS.length)]!;
        batch.push({ range: { start: a, end: b }, text: insert });
        let s = offsetOf(text, a);
        let e = offsetOf(text, b);
        const reversed = b.line < a.line || (b.line === a.line && b.character < a.character);
        if (reversed) [s, e] = [e, s];
        text = text.slice(0, s) + insert + text.slice(e);
      }
      await client.change(uri, ++version, batch);
      if (version % 97 === 0) {
        // Requests in the middle of the storm must be answered, whatever the text looks like.
        const position = randomPosition(rand, text);
        await client.request('textDocument/hover', { textDocument: { uri }, position });
        await client.request('textDocument/completion', { textDocument: { uri }, position });
        await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      }
    }
    const final = await client.diagnosticsFor(uri, version);
    const fresh = await client.open(path.join(WS, 'fuzz-fresh.ml'), text);
    const expected = await client.diagnosticsFor(fresh, 1);
    expect(final.version).toBe(version);
    expect(expected.diagnostics.length).toBeGreaterThan(0);
    expect(final.diagnostics).toEqual(expected.diagnostics);
    expect(client.logs.filter((l) => l.includes('failed'))).toEqual([]);
    expect(client.child.exitCode).toBeNull();
  });

  test('incremental changes apply in order within one notification', async () => {
    const uri = await client.open(path.join(WS, 'incremental.ml'), 'a = 1;\nprint(a);\n');
    await client.change(uri, 2, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'b' },
      { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 7 } }, text: 'b' },
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'print(c);\n' },
    ]);
    const published = await client.diagnosticsFor(uri, 2);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
      ['ML301', 2, 6],
    ]);
    await client.close(uri);
  });

  const MALFORMED: [string, unknown][] = [
    ['textDocument/hover', {}],
    ['textDocument/completion', { textDocument: {} }],
    ['textDocument/definition', null],
    ['textDocument/rename', { textDocument: { uri: 42 }, position: 'here' }],
    ['textDocument/semanticTokens/full', { textDocument: null }],
    ['textDocument/codeAction', { textDocument: { uri: 'file:///x.ml' } }],
    ['ml/securityReport', []],
  ];

  test.each(MALFORMED)(
    'malformed %s params get an error or nothing, and the server keeps serving',
    async (method, params) => {
      const outcome = await client.request(method, params).then(
        (value) => ({ value }),
        (error: { code: number; message: string }) => ({ code: error.code, message: error.message }),
      );
      if ('code' in outcome) expect(outcome.code).toBeLessThan(0);
      else expect(outcome.value === null || (Array.isArray(outcome.value) && outcome.value.length === 0)).toBe(true);
      const uri = await client.open(path.join(WS, 'after-malformed.ml'), 'x = 1;\n');
      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 0 },
      });
      expect(hover.contents.value).toContain('(variable) x');
      await client.close(uri);
    },
  );

  test('a failing feature is logged with its name', async () => {
    await client.request('textDocument/hover', {}).catch(() => undefined);
    expect(client.logs.some((l) => l.startsWith('hover failed:'))).toBe(true);
  });
});
