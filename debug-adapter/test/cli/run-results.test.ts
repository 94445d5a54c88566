// What `mlsec run` reports besides program output: --json (the run result of SANDBOX.md), the
// --audit JSON-lines file, and --audit-only (everything allowed, the needed grants listed).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from './run-harness.js';
import { RESULT_KEYS, STATS_KEYS } from '../run-result-shape.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'mlsec-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('--json', () => {
  test('prints only the run result; a refused request is in error and in the audit', async () => {
    const r = await runCli(['--json', 'read_dynamic.ml']);
    expect(r).toMatchObject({ code: 3, err: '' });
    const result = JSON.parse(r.out);
    expect(Object.keys(result).sort()).toEqual(RESULT_KEYS);
    expect(Object.keys(result.stats).sort()).toEqual(STATS_KEYS);
    expect(result).toMatchObject({
      ok: false,
      exitCode: 3,
      stdout: 'reading\n',
      stderr: '',
      error: {
        kind: 'CapabilityError',
        message: '`file:read:data/notes.txt` is not granted',
        file: 'read_dynamic.ml',
        line: 9,
        column: 10,
        mlStack: [
          { name: 'load', file: 'read_dynamic.ml', line: 9, column: 10 },
          { name: '<module>', file: 'read_dynamic.ml', line: 12, column: 7 },
        ],
      },
      stats: { capabilityChecks: 1, bridgeCalls: 1 },
    });
    expect(result.audit).toHaveLength(1);
    expect(result.audit[0]).toMatchObject({
      resource: 'file',
      operation: 'read',
      result: 'DENIED',
      enforced: true,
      reason: 'not-granted',
    });
    expect(result.audit[0].capability).toMatch(/^file:read:\/.*\/run-project\/data\/notes\.txt$/);
  });

  test('a successful run has no error field', async () => {
    const r = await runCli(['--json', 'args.ml', '--', 'x']);
    const result = JSON.parse(r.out);
    expect(r.code).toBe(0);
    expect(Object.keys(result).sort()).toEqual(RESULT_KEYS.filter((k) => k !== 'error'));
    expect(result).toMatchObject({ ok: true, exitCode: 0, stdout: "['x']\n" });
    expect(result.audit.map((e: { capability: string; result: string }) => `${e.capability} ${e.result}`)).toContain(
      'args:read GRANTED',
    );
  });

  test('a refusal by SEC010 is a CapabilityError naming the capability', async () => {
    const r = await runCli(['--json', 'read_literal.ml']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out).error).toMatchObject({
      kind: 'CapabilityError',
      message: expect.stringMatching(/^SEC010: file\.read\(\.\.\.\) needs 'file:read:data\/notes\.txt'/),
      file: 'read_literal.ml',
      line: 3,
      column: 7,
    });
  });

  test('a limit hit is a typed error with exit 4', async () => {
    const r = await runCli(['--json', '--cpu-time', '0.2', 'spin.ml']);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.out)).toMatchObject({
      ok: false,
      exitCode: 4,
      error: { kind: 'SandboxTimeoutError', file: null },
    });
  });
});

describe('--audit FILE', () => {
  test('writes one JSON line per capability check, granted and denied', async () => {
    const file = path.join(tmp, 'audit.jsonl');
    const r = await runCli(['--audit', file, '--allow', 'file:read:data/notes.txt', 'read_dynamic.ml']);
    expect(r.code).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      resource: 'file',
      operation: 'read',
      result: 'GRANTED',
      by: expect.stringMatching(/^file:read:\/.*\/run-project\/data\/notes\.txt$/),
    });

    await runCli(['--audit', file, '--profile', 'reader', 'read_secret.ml']);
    const denied = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(denied).toEqual([
      expect.objectContaining({
        result: 'DENIED',
        reason: 'denied',
        by: expect.stringMatching(/^!file:read:\/.*\/data\/secret\/\*\*$/),
      }),
    ]);
  });

  test('an audit file that cannot be written is a usage error before anything runs', async () => {
    const r = await runCli(['--audit', path.join(tmp, 'missing', 'audit.jsonl'), 'args.ml']);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: expect.stringMatching(/^mlsec run: cannot write the audit file .*: ENOENT\n$/),
    });
  });
});

describe('--audit-only', () => {
  test('runs with everything allowed and lists the grants the program needs', async () => {
    const r = await runCli(['--audit-only', 'read_dynamic.ml']);
    expect(r).toEqual({
      code: 0,
      out: 'reading\nalpha\nbeta\n',
      err: "mlsec run: audit-only: the program needs 1 capability beyond the grant:\n  --allow 'file:read:data/notes.txt'\n",
    });
  });

  test('SEC010 does not refuse: nothing is enforced, what is used gets recorded', async () => {
    const r = await runCli(['--audit-only', 'read_literal.ml']);
    expect(r.code).toBe(0);
    expect(r.err).toContain("--allow 'file:read:data/notes.txt'");
  });

  test('with --json the list is the minimalGrants field', async () => {
    const r = await runCli(['--audit-only', '--json', '--profile', 'reader', 'read_secret.ml']);
    const result = JSON.parse(r.out);
    expect(result).toMatchObject({ ok: true, stdout: 'hunter2\n\n', minimalGrants: ['file:read:data/secret/key.txt'] });
    expect(result.audit[0]).toMatchObject({ result: 'DENIED', enforced: false });
  });

  test('a program that needs nothing more says so', async () => {
    const r = await runCli(['--audit-only', 'args.ml']);
    expect(r).toEqual({
      code: 0,
      out: '[]\n',
      err: 'mlsec run: audit-only: the program needs nothing beyond the grant\n',
    });
  });

  test('security findings other than SEC010 still refuse the run', async () => {
    const r = await runCli(['--audit-only', 'eval.ml']);
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
  });
});
