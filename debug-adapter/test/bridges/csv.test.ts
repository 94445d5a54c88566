// The csv file bridges read and write exactly as the runtime's read_string/write_string do: the
// cases of grammar/test/csv/cases.ts (CPython's results, checked against read_string there) go through
// the bridges called directly, and through a sandboxed ML program that compares csv.read of a file
// with csv.read_string of the same text (and csv.write with write_string) after the real transport.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeError } from '../../src/bridges/index.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { buildTestArtifacts } from '../sandbox/artifacts.js';
import { READING, WRITING, delimiterOf } from '../../../grammar/test/csv/cases.js';
import { bridgesFor, makeFixture, type Fixture } from './fixture.js';

/** The outcome of a bridge call: its value, or `Kind: message` for the ML error it raises. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof BridgeError) return `${e.kind}: ${e.message}`;
    throw e;
  }
}

/** Objects as their entries, so key order is compared too. */
const entries = (rows: unknown): unknown => (Array.isArray(rows) ? rows.map((r) => Object.entries(r as object)) : rows);

describe('csv bridges called directly', () => {
  let f: Fixture;
  beforeAll(() => {
    f = makeFixture();
    mkdirSync(path.join(f.root, 'data/csv'));
    READING.forEach((c, i) => writeFileSync(path.join(f.root, `data/csv/${i}.csv`), c.text));
  });
  afterAll(() => f.dispose());

  it.each(READING.map((c, i) => ({ ...c, file: `data/csv/${i}.csv` })))('read: $name', (c) => {
    const { bridges } = bridgesFor(f, ['file:read:data/**']);
    const call = (op: string, ...args: unknown[]) => outcome(() => bridges.table.sync[op]!([c.file, ...args]));
    const d = delimiterOf(c);
    expect(call('csv.read', d, false)).toEqual(c.records ?? c.error);
    expect(entries(call('csv.read', d, true))).toEqual(c.rows ?? c.error);
    const nonEmpty = c.records?.filter((r) => r.length > 0);
    expect(call('csv.get_headers', d)).toEqual(nonEmpty ? (nonEmpty[0] ?? []) : c.error);
    expect(call('csv.count_rows', d)).toEqual(c.rows?.length ?? c.error);
  });

  it.each(WRITING.map((c, i) => ({ ...c, file: `out/${i}.csv` })))('write: $name', (c) => {
    const { bridges } = bridgesFor(f, ['file:write:out/**']);
    const result = outcome(() => bridges.table.sync['csv.write']!([c.file, c.data, delimiterOf(c), c.headers ?? true]));
    if (c.error !== undefined) expect(result).toBe(c.error);
    else expect([result, readFileSync(path.join(f.root, c.file), 'utf8')]).toEqual([true, c.text]);
  });

  it('append writes a row as write_string writes it, an object in header order', () => {
    const file = path.join(f.root, 'out/append.csv');
    writeFileSync(file, 'n;x\r\n');
    const { bridges } = bridgesFor(f, ['file:*:out/**']);
    const append = (row: unknown) => outcome(() => bridges.table.sync['csv.append']!(['out/append.csv', row, ';']));
    expect(append(['a;b', 1e-7, null])).toBe(true);
    expect(append({ x: true, n: [1, 'q'] })).toBe(true);
    expect(append({ y: 1 })).toBe("ValueError: dict contains fields not in fieldnames: 'y'");
    expect(readFileSync(file, 'utf8')).toBe('n;x\r\n"a;b";1e-07;\r\n[1, \'q\'];True\r\n');
  });
});

/** A string as an ML string literal (other control characters as \\uXXXX escapes). */
function mlString(s: string): string {
  const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    out += named[ch] ?? (code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : ch);
  }
  return out + '"';
}

/**
 * An ML program printing, per case, one JSON line for the file path and one for the string path
 * (objects as [key, value] entries so key order shows; an error as its message).
 */
const PRELUDE = `import csv;
import file;
import json;
function entries(rows) {
  out = [];
  for (r in rows) {
    e = [];
    for (k in keys(r)) {
      e.append([k, r[k]]);
    }
    out.append(e);
  }
  return out;
}
function shown(f, h) {
  try {
    v = f();
    return json.stringify(h ? entries(v) : v);
  } except (e) {
    return "error: " + str(e);
  }
}
`;

describe('csv.read and csv.write in the sandbox agree with read_string and write_string', () => {
  let f: Fixture;
  let sandbox: ReturnType<typeof createSandbox>;
  beforeAll(async () => {
    const artifacts = await buildTestArtifacts();
    sandbox = createSandbox({ mode: 'worker', workerPath: artifacts.workerPath, runtimePath: artifacts.runtimePath });
    await sandbox.start();
    f = makeFixture();
    mkdirSync(path.join(f.root, 'data/csv'));
    READING.forEach((c, i) => writeFileSync(path.join(f.root, `data/csv/${i}.csv`), c.text));
  });
  afterAll(async () => {
    await sandbox.dispose();
    f.dispose();
  });

  const run = async (body: string): Promise<string[]> => {
    const r = await sandbox.run({
      program: { kind: 'ml', source: PRELUDE + body, file: path.join(f.root, 'main.ml') },
      rootDir: f.root,
      capabilities: { allow: ['console:*', 'json:*', `file:read:${f.root}/**`, `file:write:${f.root}/out/**`] },
    });
    expect(r.error, r.stderr).toBeUndefined();
    return r.stdout.split('\n').slice(0, -1);
  };

  /** Both paths' outputs as [file, string] pairs: JSON values, or `error: message`. */
  const pairs = (lines: string[]): [unknown, unknown][] => {
    const value = (line: string): unknown => (line.startsWith('error: ') ? line : JSON.parse(line));
    return Array.from({ length: lines.length / 2 }, (_, i) => [value(lines[2 * i]!), value(lines[2 * i + 1]!)]);
  };
  /** What a case expects as the program shows it (an ML error shows only its message). */
  const expected = (value: unknown, error: string | undefined): unknown =>
    error !== undefined ? `error: ${error.slice(error.indexOf(': ') + 2)}` : value;

  it('reads every case alike from a file and from a string', async () => {
    const body = READING.flatMap((c, i) =>
      [false, true].map((h) => {
        const args = `${mlString(delimiterOf(c))}, ${h}`;
        const file = `csv.read("data/csv/${i}.csv", ${args})`;
        return `print(shown(fn() => ${file}, ${h}));\nprint(shown(fn() => csv.read_string(${mlString(c.text)}, ${args}), ${h}));\n`;
      }),
    ).join('');
    const got = pairs(await run(body));
    const want = READING.flatMap((c) => [expected(c.records, c.error), expected(c.rows, c.error)]);
    expect(got.map(([file]) => file)).toEqual(want);
    expect(got.map(([, string]) => string)).toEqual(want);
  });

  it('writes every case alike to a file and to a string', async () => {
    const body = WRITING.map((c, i) => {
      const args = `${mlString(delimiterOf(c))}, ${c.headers ?? true}`;
      const data = `json.parse(${mlString(JSON.stringify(c.data))})`;
      const file = `fn() => { csv.write("out/${i}.csv", ${data}, ${args}); return file.read("out/${i}.csv"); }`;
      return `print(shown(${file}, false));\nprint(shown(fn() => csv.write_string(${data}, ${args}), false));\n`;
    }).join('');
    const got = pairs(await run(body));
    const want = WRITING.map((c) => expected(c.text, c.error));
    expect(got.map(([file]) => file)).toEqual(want);
    expect(got.map(([, string]) => string)).toEqual(want);
  });
});
