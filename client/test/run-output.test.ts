// Splitting `mlsec run --json` stdout into streamed program output and the final result, for every
// way the chunks can arrive and both result layouts (one compact line, pretty-printed at the end).
import { describe, expect, it } from 'vitest';
import { RunOutputParser } from '../src/run/run-output.js';

const result = { ok: true, exitCode: 0, stdout: 'a\n', stderr: '', stats: { runMs: 1 }, audit: [] };
const compact = JSON.stringify(result);
const pretty = JSON.stringify(result, null, 2);

const table: { name: string; chunks: string[]; emitted: string; ok: boolean | null }[] = [
  {
    name: 'output lines then a compact result',
    chunks: ['hello\nwor', 'ld\n', compact + '\n'],
    emitted: 'hello\nworld\n',
    ok: true,
  },
  {
    name: 'result split across chunks',
    chunks: ['x\n', compact.slice(0, 10), compact.slice(10)],
    emitted: 'x\n',
    ok: true,
  },
  { name: 'pretty-printed result only', chunks: [pretty + '\n'], emitted: '', ok: true },
  { name: 'output then a pretty-printed result', chunks: ['one\n', pretty], emitted: 'one\n', ok: true },
  {
    name: 'ML object-looking output is program output',
    chunks: ['{a: 1}\n', '{"b":2}\n'],
    emitted: '{a: 1}\n{"b":2}\n',
    ok: null,
  },
  { name: 'a lone { line that is not a result is still emitted', chunks: ['{\n', 'x\n'], emitted: '{\nx\n', ok: null },
  { name: 'last line without newline', chunks: ['tail'], emitted: 'tail', ok: null },
];

describe('RunOutputParser', () => {
  for (const row of table) {
    it(row.name, () => {
      let emitted = '';
      const parser = new RunOutputParser((t) => (emitted += t));
      for (const chunk of row.chunks) parser.feed(chunk);
      const parsed = parser.finish();
      expect(emitted).toBe(row.emitted);
      expect(parser.streamedOutput).toBe(row.emitted !== '');
      expect(parsed?.ok ?? null).toBe(row.ok);
    });
  }

  it('emits complete lines as soon as they arrive', () => {
    const seen: string[] = [];
    const parser = new RunOutputParser((t) => seen.push(t));
    parser.feed('first\nsec');
    expect(seen).toEqual(['first\n']);
    parser.feed('ond\n');
    expect(seen).toEqual(['first\n', 'second\n']);
  });
});
