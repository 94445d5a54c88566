// `mlsec run` mistakes that stop it before the program starts (exit 2, a clear message with the
// place): bad flags and values, unknown profiles, invalid capabilities, unreadable files, broken
// mlpy.yaml; and which mlpy.yaml applies (beside the program, in a parent, not above a .git folder).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { configSearchPath } from '../../src/cli/run/config.js';
import { runCli } from './run-harness.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'mlsec-run-usage-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const USAGE_LINE = 'usage: mlsec run [options] FILE [-- ARGS...]\n';

const CASES: { argv: string[]; err: string }[] = [
  { argv: [], err: `mlsec run: missing FILE\n${USAGE_LINE}` },
  { argv: ['missing.ml'], err: 'mlsec run: cannot read missing.ml: no such file\n' },
  {
    argv: ['--profile', 'nope', 'args.ml'],
    err: 'mlsec run: --profile: unknown profile `nope` (known profiles: reader, writer)\n',
  },
  {
    argv: ['--allow', 'file:read:../up', 'args.ml'],
    err: /^mlsec run: --allow: 'file:read:\.\.\/up': .*\.\.[^\n]*\n$/,
  },
  { argv: ['--allow', 'floppy:read', 'args.ml'], err: /^mlsec run: --allow: 'floppy:read': .*floppy.*\n$/ },
  { argv: ['--deny', '', 'args.ml'], err: /^mlsec run: --deny: .*\n$/ },
  {
    argv: ['--memory', 'lots', 'args.ml'],
    err: `mlsec run: --memory needs a positive number of megabytes, not 'lots'\n${USAGE_LINE}`,
  },
  {
    argv: ['--memory', '1.5', 'args.ml'],
    err: `mlsec run: --memory needs a whole number of megabytes, not '1.5'\n${USAGE_LINE}`,
  },
  {
    argv: ['--memory', '4', 'args.ml'],
    err: `mlsec run: --memory is out of range: between 8 and 4096 MB\n${USAGE_LINE}`,
  },
  {
    argv: ['--cpu-time', '0', 'args.ml'],
    err: `mlsec run: --cpu-time needs a positive number of seconds, not '0'\n${USAGE_LINE}`,
  },
  {
    argv: ['--wall-time', '1e3', 'args.ml'],
    err: `mlsec run: --wall-time needs a positive number of seconds, not '1e3'\n${USAGE_LINE}`,
  },
  {
    argv: ['--seed', '2147483647', 'args.ml'],
    err: `mlsec run: --seed needs a whole number between 0 and 2147483646, not '2147483647'\n${USAGE_LINE}`,
  },
  {
    argv: ['--seed', '1.5', 'args.ml'],
    err: `mlsec run: --seed needs a whole number between 0 and 2147483646, not '1.5'\n${USAGE_LINE}`,
  },
  { argv: ['--env', 'NO_VALUE', 'args.ml'], err: `mlsec run: --env needs KEY=VALUE, not 'NO_VALUE'\n${USAGE_LINE}` },
  { argv: ['--env', '=x', 'args.ml'], err: `mlsec run: --env needs KEY=VALUE, not '=x'\n${USAGE_LINE}` },
  {
    argv: ['--config', 'nowhere.yaml', 'args.ml'],
    err: 'mlsec run: cannot read the configuration nowhere.yaml: no such file\n',
  },
  { argv: ['--bogus', 'args.ml'], err: `mlsec run: unknown option '--bogus'\n${USAGE_LINE}` },
  { argv: ['args.ml', 'extra'], err: `mlsec run: too many arguments (expected at most 1 FILE)\n${USAGE_LINE}` },
];

describe('usage and configuration errors: exit 2, nothing runs', () => {
  test.each(CASES)('mlsec run $argv', async ({ argv, err }) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    if (typeof err === 'string') expect(r.err).toBe(err);
    else expect(r.err).toMatch(err);
  });

  test('errors in mlpy.yaml are listed with their positions', async () => {
    const dir = path.join(tmp, 'broken');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'mlpy.yaml'), 'security:\n  profiles_typo: {}\nsandbox:\n  max_memory_mb: lots\n');
    writeFileSync(path.join(dir, 'main.ml'), 'print(1);\n');
    const r = await runCli(['broken/main.ml'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^mlsec run: broken\/mlpy\.yaml:2:3: error CFG002: .*profiles_typo.*\nmlsec run: broken\/mlpy\.yaml:4:18: error CFG003: .*\n$/,
    );
  });
});

describe('which mlpy.yaml applies', () => {
  // outer/mlpy.yaml defines profile `outer`; outer/repo is a repository; outer/plain is not.
  const outer = path.join(tmp, 'outer');
  mkdirSync(path.join(outer, 'repo', '.git'), { recursive: true });
  mkdirSync(path.join(outer, 'repo', 'app'), { recursive: true });
  mkdirSync(path.join(outer, 'plain', 'app'), { recursive: true });
  writeFileSync(path.join(outer, 'mlpy.yaml'), 'security:\n  capability_profiles:\n    outer: [env:read:*]\n');
  for (const d of ['repo', 'plain']) writeFileSync(path.join(outer, d, 'app', 'main.ml'), 'print("ran");\n');

  test('the search goes up from the program to the folder holding .git', () => {
    expect(configSearchPath(path.join(outer, 'repo', 'app'))).toEqual([
      path.join(outer, 'repo', 'app'),
      path.join(outer, 'repo'),
    ]);
    const plain = configSearchPath(path.join(outer, 'plain', 'app'));
    expect(plain.slice(0, 3)).toEqual([path.join(outer, 'plain', 'app'), path.join(outer, 'plain'), outer]);
    expect(plain.at(-1)).toBe(path.parse(outer).root);
  });

  test('a parent folder’s mlpy.yaml applies', async () => {
    expect(await runCli(['--profile', 'outer', 'plain/app/main.ml'], { cwd: outer })).toEqual({
      code: 0,
      out: 'ran\n',
      err: '',
    });
  });

  test('nothing above the repository applies; --config names one explicitly', async () => {
    const r = await runCli(['--profile', 'outer', 'repo/app/main.ml'], { cwd: outer });
    expect(r).toEqual({
      code: 2,
      out: '',
      err: 'mlsec run: --profile: unknown profile `outer` (mlpy.yaml defines no profiles)\n',
    });
    const explicit = await runCli(['--config', 'mlpy.yaml', '--profile', 'outer', 'repo/app/main.ml'], { cwd: outer });
    expect(explicit).toEqual({ code: 0, out: 'ran\n', err: '' });
  });
});
