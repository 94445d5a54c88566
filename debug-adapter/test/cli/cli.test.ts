// The mlsec CLI run in-process with a fake CliIO over fixture files: global options, dispatch,
// usage errors (exit 2), `check` in text and JSON form, and `fmt` with and without --check.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DYNAMIC } from '@mlsec/grammar/analysis';
import { EXIT, type Command } from '../../src/cli/command.js';
import { capsCommand, DYNAMIC_MARKER } from '../../src/cli/commands/caps.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/cli/version.js';
import { fakeIO, fixture } from './fake-io.js';

const expected = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./expected/${name}`, import.meta.url)), 'utf8');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string; files: Map<string, string> }> {
  const io = fakeIO();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err, files: io.files };
}

describe('global options and dispatch', () => {
  test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    for (const flag of ['--version', '-V']) {
      expect(await run([flag])).toMatchObject({ code: 0, out: `mlsec ${VERSION}\n`, err: '' });
    }
  });

  test("caps's help names the analysis's marker of a target known only at run time", () => {
    expect(DYNAMIC_MARKER).toBe(DYNAMIC);
    expect(capsCommand.usage).toContain(`with ${DYNAMIC} where it is known only at run time`);
  });

  test('--help lists every registered command', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS)
      expect(r.out).toMatch(new RegExp(`^  ${c.name} +${c.summary.replace(/[()]/g, '\\$&')}$`, 'm'));
  });

  test.each([
    ['check', '--help'],
    ['check', 'x.ml', '-h'],
    ['help', 'check'],
  ])('%s %s shows the command usage', async (...argv) => {
    const r = await run(argv);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.startsWith('usage: mlsec check [options] FILE...\n')).toBe(true);
    expect(r.out).toMatch(/--format FORMAT +output format \(default text\) \(text\|json\|sarif\)/);
  });

  const usageErrors: { argv: string[]; message: string }[] = [
    { argv: [], message: 'usage: mlsec <command> [options] [arguments]\n' },
    { argv: ['frobnicate'], message: "mlsec: unknown command 'frobnicate'\n" },
    { argv: ['--verbose'], message: "mlsec: unknown option '--verbose'\n" },
    { argv: ['help', 'nope'], message: "mlsec: unknown command 'nope'\n" },
    { argv: ['check'], message: 'mlsec check: missing FILE\nusage: mlsec check [options] FILE...\n' },
    { argv: ['check', '--bogus', 'clean.ml'], message: "mlsec check: unknown option '--bogus'\n" },
    {
      argv: ['check', '--format=xml', 'clean.ml'],
      message: "mlsec check: option '--format' must be one of text, json, sarif (got 'xml')\n",
    },
    { argv: ['check', 'clean.ml', '--format'], message: "mlsec check: option '--format' needs a value\n" },
    {
      argv: ['check', '--format', 'json', '--format', 'text', 'clean.ml'],
      message: "mlsec check: option '--format' given more than once\n",
    },
    { argv: ['check', 'clean.ml', '--', 'x'], message: "mlsec check: '--' is not accepted here\n" },
    { argv: ['fmt', '--check=yes', 'clean.ml'], message: "mlsec fmt: option '--check' takes no value\n" },
    { argv: ['check', 'missing.ml'], message: 'mlsec check: cannot read missing.ml: no such file\n' },
    { argv: ['check', 'data/'], message: 'mlsec check: cannot read data/: is a directory\n' },
  ];
  test.each(usageErrors)('usage error: mlsec $argv', async ({ argv, message }) => {
    const r = await run(argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.out).toBe('');
    expect(r.err.startsWith(message)).toBe(true);
  });

  test('an unexpected failure inside a command is reported without a stack trace', async () => {
    const broken: Command = {
      name: 'boom',
      summary: 'fails',
      usage: 'usage: mlsec boom\n',
      run: async () => {
        throw new TypeError('something odd');
      },
    };
    const io = fakeIO();
    expect(await main(['boom'], io, [broken])).toBe(EXIT.findings);
    expect(io.err).toBe('mlsec boom: internal error: something odd\n');
  });
});

describe('mlsec check', () => {
  test('a clean file prints nothing and exits 0', async () => {
    expect(await run(['check', 'clean.ml'])).toMatchObject({ code: 0, out: '', err: '' });
  });

  test('text format: file:line:col: severity CODE: message, exit 1 on errors', async () => {
    expect(await run(['check', 'errors.ml'])).toMatchObject({ code: 1, out: expected('check-errors.txt'), err: '' });
  });

  test('warnings alone exit 0', async () => {
    const r = await run(['check', 'warnings.ml']);
    expect(r.code).toBe(0);
    expect(
      r.out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(': ')[1]),
    ).toEqual(['warning ML305', 'warning ML302']);
  });

  test('syntax errors are reported with their codes', async () => {
    const r = await run(['check', 'syntax.ml']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^syntax\.ml:1:5: error ML2\d\d: /);
    expect(r.out).toMatch(/^syntax\.ml:2:1: error ML2\d\d: .*let/m);
  });

  test('several files, one unreadable: the others are still checked, exit 2', async () => {
    const r = await run(['check', 'errors.ml', 'missing.ml', 'clean.ml']);
    expect(r).toMatchObject({
      code: 2,
      out: expected('check-errors.txt'),
      err: 'mlsec check: cannot read missing.ml: no such file\n',
    });
  });

  test('JSON format: exact shape, 0-based LSP positions, one entry per file', async () => {
    const r = await run(['check', '--format=json', 'errors.ml', 'clean.ml', 'warnings.ml']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as unknown;
    expect(Array.isArray(report)).toBe(true);
    const files = report as Record<string, unknown>[];
    expect(files.map((f) => f['file'])).toEqual(['errors.ml', 'clean.ml', 'warnings.ml']);
    for (const f of files) {
      expect(Object.keys(f).sort()).toEqual(['diagnostics', 'file', 'score']);
      for (const d of f['diagnostics'] as Record<string, unknown>[]) {
        expect(Object.keys(d).sort()).toEqual(['code', 'message', 'range', 'severity']);
        expect(['error', 'warning', 'info', 'hint']).toContain(d['severity']);
        expect(d['code']).toMatch(/^[A-Z]+\d+$/);
        const range = d['range'] as Record<string, Record<string, unknown>>;
        expect(Object.keys(range).sort()).toEqual(['end', 'start']);
        for (const p of [range['start']!, range['end']!]) {
          expect(Object.keys(p).sort()).toEqual(['character', 'line']);
          expect(Number.isInteger(p['line']) && Number.isInteger(p['character'])).toBe(true);
        }
      }
    }
    const first = (files[0]!['diagnostics'] as unknown[])[0];
    expect(first).toEqual({
      code: 'ML301',
      severity: 'error',
      message: "Unknown identifier 'cout'. Did you mean 'count'?",
      range: { start: { line: 2, character: 6 }, end: { line: 2, character: 10 } },
    });
    expect(files[1]!['diagnostics']).toEqual([]);
  });

  test('JSON and text report the same diagnostics', async () => {
    const text = (await run(['check', 'errors.ml'])).out.trim().split('\n');
    const json = JSON.parse((await run(['check', '--format', 'json', 'errors.ml'])).out) as {
      diagnostics: {
        code: string;
        severity: string;
        message: string;
        range: { start: { line: number; character: number } };
      }[];
    }[];
    expect(
      json[0]!.diagnostics.map(
        (d) =>
          `errors.ml:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`,
      ),
    ).toEqual(text);
  });
});

describe('mlsec fmt', () => {
  test('rewrites an unformatted file in place', async () => {
    const r = await run(['fmt', 'unformatted.ml']);
    expect(r).toMatchObject({ code: 0, out: '', err: '' });
    expect(r.files.get('unformatted.ml')).toBe(expected('unformatted.ml'));
  });

  test('--check lists unformatted files, changes nothing, exits 1', async () => {
    const r = await run(['fmt', '--check', 'unformatted.ml', 'clean.ml']);
    expect(r).toMatchObject({ code: 1, out: 'unformatted.ml: not formatted\n', err: '' });
    expect(r.files.get('unformatted.ml')).toBe(fixture('unformatted.ml'));
  });

  test('--check on formatted files exits 0', async () => {
    expect(await run(['fmt', '--check', 'clean.ml', 'errors.ml'])).toMatchObject({ code: 0, out: '', err: '' });
  });

  test('a file with syntax errors is left untouched, exit 1', async () => {
    const r = await run(['fmt', 'syntax.ml']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('mlsec fmt: syntax.ml has syntax errors and was not formatted (see: mlsec check syntax.ml)\n');
    expect(r.files.get('syntax.ml')).toBe(fixture('syntax.ml'));
  });

  test('a missing file is a usage error (exit 2)', async () => {
    const r = await run(['fmt', 'missing.ml']);
    expect(r).toMatchObject({ code: 2, err: 'mlsec fmt: cannot access missing.ml: no such file\n' });
  });
});
