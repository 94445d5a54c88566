// The built `mlsec` as a real process on examples/*.ml: programs needing no grant run; word_count,
// sales_report, env_config and fetch_status need their grants; --json, --audit, --audit-only, a
// security refusal, a limit, stdin (read, and left open but unread), and transpile output running.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, describe, expect, test } from 'vitest';
import { MLSEC, mlsec, REPO } from './built-cli.js';

const EXPECTED = path.join(REPO, 'debug-adapter', 'test', 'cli', 'expected', 'examples');
const expected = (name: string): string => readFileSync(path.join(EXPECTED, `${name}.out`), 'utf8');
const tmp = mkdtempSync(path.join(tmpdir(), 'mlsec-built-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.concurrent('examples through the built mlsec run', () => {
  test.each(['fizzbuzz_stats', 'grades', 'hello', 'inventory', 'text_tools'])('%s needs no grant', async (name) => {
    expect(await mlsec(['run', `examples/${name}.ml`])).toEqual({ code: 0, stdout: expected(name), stderr: '' });
  });

  test('word_count: refused without file:read, runs with --allow file:read:data/**', async () => {
    const refused = await mlsec(['run', 'examples/word_count.ml']);
    expect(refused).toMatchObject({ code: 3, stdout: '' });
    expect(refused.stderr).toMatch(
      /^examples\/word_count\.ml:7:8: error SEC010: file\.read\(\.\.\.\) needs 'file:read:data\/poem\.txt'/,
    );
    const json = JSON.parse((await mlsec(['run', '--json', 'examples/word_count.ml'])).stdout);
    expect(json.error).toMatchObject({ kind: 'CapabilityError', message: expect.stringContaining('file:read') });
    expect(await mlsec(['run', '--allow', 'file:read:data/**', 'examples/word_count.ml'])).toEqual({
      code: 0,
      stdout: expected('word_count'),
      stderr: '',
    });
  });

  test('sales_report with --profile data_processing writes examples/output/report.json', async () => {
    const report = path.join(REPO, 'examples', 'output', 'report.json');
    try {
      expect(await mlsec(['run', '--profile', 'data_processing', 'examples/sales_report.ml'])).toEqual({
        code: 0,
        stdout: expected('sales_report'),
        stderr: '',
      });
      expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({
        orders: 5,
        paid: 3,
        revenue: 174.75,
        byCustomer: { alice: 132.75, bob: 42 },
      });
    } finally {
      rmSync(report, { force: true });
    }
  });

  test('env_config reads only what --env gives it, under env:read:APP_*', async () => {
    const args = ['run', '--allow', 'env:read:APP_*', '--env', 'APP_MODE=production', '--env', 'APP_DEBUG=true'];
    const r = await mlsec([...args, '--env', 'APP_PORT=9090', 'examples/env_config.ml'], {
      env: { ...process.env, APP_PORT: '1' },
    });
    expect(r).toEqual({
      code: 0,
      stdout: 'port: 9090\nmode: production\ndebug: true\nwarning: debug output enabled in production\n',
      stderr: '',
    });
    const defaults = await mlsec(['run', '--allow', 'env:read:APP_*', 'examples/env_config.ml'], {
      env: { ...process.env, APP_MODE: 'production' },
    });
    expect(defaults.stdout).toBe('port: 8080\nmode: development\ndebug: false\n');
  });

  test('fetch_status is refused without an http grant (nothing leaves the machine)', async () => {
    const r = await mlsec(['run', 'examples/fetch_status.ml']);
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toContain("needs 'http:get:https://status.example.com/api/v1/status.json'");
  });

  test('--json prints exactly the run result', async () => {
    const r = await mlsec(['run', '--json', 'examples/hello.ml']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result).sort()).toEqual(['audit', 'exitCode', 'ok', 'stats', 'stderr', 'stdout']);
    expect(result).toMatchObject({ ok: true, exitCode: 0, stdout: expected('hello'), stderr: '', audit: [] });
    for (const v of Object.values(result.stats)) expect(typeof v).toBe('number');
  });

  test('--audit writes JSON lines; --audit-only lists the grant word_count needs', async () => {
    const audit = path.join(tmp, 'audit.jsonl');
    const r = await mlsec(['run', '--allow', 'file:read:data/**', '--audit', audit, 'examples/word_count.ml']);
    expect(r.code).toBe(0);
    const events = readFileSync(audit, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.filter((e) => e.resource === 'file')).toEqual([
      expect.objectContaining({
        operation: 'read',
        result: 'GRANTED',
        capability: expect.stringMatching(/\/examples\/data\/poem\.txt$/),
      }),
    ]);
    const only = await mlsec(['run', '--audit-only', 'examples/word_count.ml']);
    expect(only).toEqual({
      code: 0,
      stdout: expected('word_count'),
      stderr:
        "mlsec run: audit-only: the program needs 1 capability beyond the grant:\n  --allow 'file:read:data/poem.txt'\n",
    });
  });

  test('a program using eval is refused: exit 3', async () => {
    const r = await mlsec(['run', 'debug-adapter/test/cli/run-project/eval.ml']);
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toContain('error SEC001');
  });

  test('while (true) {} with --cpu-time 1 ends with exit 4', async () => {
    const spin = path.join(tmp, 'spin.ml');
    writeFileSync(spin, 'while (true) {}\n');
    const r = await mlsec(['run', '--cpu-time', '1', spin]);
    expect(r).toEqual({
      code: 4,
      stdout: '',
      stderr:
        'spin.ml: SandboxTimeoutError: CPU time limit of 1 s exceeded; raise it with --cpu-time SECONDS or sandbox.max_execution_time in mlpy.yaml\n',
    });
  });

  test('input() reads the process stdin; a program that never reads exits with stdin still open', async () => {
    const input = await mlsec(['run', 'debug-adapter/test/cli/run-project/input.ml'], { stdin: 'one\ntwo\n' });
    expect(input).toEqual({ code: 0, stdout: 'first? got one and two\nthen: EOF when reading a line\n', stderr: '' });
    expect(await mlsec(['run', 'examples/hello.ml'], { stdin: null })).toEqual({
      code: 0,
      stdout: expected('hello'),
      stderr: '',
    });
  });

  test('output is streamed: the program prints, waits for input, and gets it only once its output was seen', async () => {
    const child = spawn(
      process.execPath,
      ['--no-node-snapshot', MLSEC, 'run', 'debug-adapter/test/cli/run-project/prompt.ml'],
      {
        cwd: REPO,
      },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (stdout === 'ready\n') child.stdin.end('streamed\n');
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'ready\ngot streamed\n' });
  });

  test('transpile -o --source-map: the written JavaScript runs on the shipped runtime', async () => {
    const out = path.join(tmp, 'text_tools.js');
    const r = await mlsec(['transpile', 'examples/text_tools.ml', '-o', out, '--source-map']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(`${out}.map`)).toBe(true);
    const context = vm.createContext({});
    vm.runInContext(readFileSync(path.join(REPO, 'debug-adapter', 'dist', 'runtime.js'), 'utf8'), context);
    let stdout = '';
    const rt = vm.runInContext('__mlsecRuntime', context).createRuntime({
      write: (_stream: string, text: string) => void (stdout += text),
      readLine: () => null,
      checkCapability: () => true,
      queryCapability: () => true,
      listCapabilities: () => [],
      random: () => 0.5,
      now: () => 0,
    });
    expect(rt.run(vm.runInContext(readFileSync(out, 'utf8'), context)).ok).toBe(true);
    expect(stdout).toBe(expected('text_tools'));
  });
});
