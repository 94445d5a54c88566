// The sandbox engine against JavaScript harness programs, in both modes: output streaming, limits
// (CPU, wall, memory, output), typed errors, isolation of the isolate's globals, and recovery of
// the worker after it dies. Cases are data; each names the outcome it expects.
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';
import type { RunResult, SandboxLimits } from '../../src/sandbox/types.js';
import { buildTestArtifacts } from './artifacts.js';
import { workerSandbox } from './worker-programs.js';
import { RESULT_KEYS, STATS_KEYS } from '../run-result-shape.js';

interface Case {
  name: string;
  code: string;
  limits?: Partial<SandboxLimits>;
  ok: boolean;
  kind?: string;
  message?: RegExp;
  stdout?: string | RegExp;
  stderr?: string;
  /** Also run in-process (cases that may abort the process stay worker-only). */
  inprocess?: boolean;
}

const CASES: Case[] = [
  { name: 'hello world', code: '$0.write(1, "hello\\n")', ok: true, stdout: 'hello\n', inprocess: true },
  {
    name: 'stderr is separate',
    code: '$0.write(2, "e"); $0.write(1, "o")',
    ok: true,
    stdout: 'o',
    stderr: 'e',
    inprocess: true,
  },
  {
    name: 'many small writes arrive in order',
    code: 'for (let i = 0; i < 5000; i++) $0.write(1, String(i % 10));',
    ok: true,
    stdout: '0123456789'.repeat(500),
    inprocess: true,
  },
  {
    name: 'unknown host operation is an ML error',
    code: '$0.call("no.such", [])',
    ok: false,
    kind: 'RuntimeError',
    message: /unknown host operation 'no\.such'/,
    inprocess: true,
  },
  { name: 'syntax error', code: 'let = ;', ok: false, kind: 'SyntaxError', inprocess: true },
  {
    name: 'infinite loop hits the CPU limit',
    code: 'for (;;) {}',
    limits: { cpuTimeMs: 150 },
    ok: false,
    kind: 'SandboxTimeoutError',
    message: /CPU time limit of 150 ms exceeded; raise it with --cpu-time/,
    inprocess: true,
  },
  {
    name: 'infinite loop hits the wall-time limit first',
    code: 'for (;;) {}',
    limits: { wallTimeMs: 120 },
    ok: false,
    kind: 'SandboxTimeoutError',
    message: /wall-time limit of 120 ms exceeded/,
    inprocess: true,
  },
  {
    name: 'growing array hits the memory limit',
    code: 'const a = []; for (;;) a.push({ x: Math.random() });',
    limits: { memoryMb: 16 },
    ok: false,
    kind: 'SandboxMemoryError',
    message: /memory limit of 16 MB exceeded; raise it with --memory MB/,
  },
  {
    name: 'output flood is truncated with a marker and stops the run',
    code: 'const s = "x".repeat(1000); for (;;) $0.write(1, s);',
    limits: { outputBytes: 10_000 },
    ok: false,
    kind: 'SandboxOutputLimitError',
    stdout: 'x'.repeat(10_000) + '\n[output truncated: limit of 10000 bytes reached]\n',
    inprocess: true,
  },
  {
    name: 'one-character flood is bounded too',
    code: 'for (;;) $0.write(1, "y");',
    limits: { outputBytes: 4096 },
    ok: false,
    kind: 'SandboxOutputLimitError',
    stdout: 'y'.repeat(4096) + '\n[output truncated: limit of 4 KB reached]\n',
    inprocess: true,
  },
  {
    name: 'a huge single write is cut before it is copied out',
    code: 'let s = "z"; for (let i = 0; i < 24; i++) s += s; $0.write(1, s);',
    limits: { outputBytes: 1000 },
    ok: false,
    kind: 'SandboxOutputLimitError',
    stdout: 'z'.repeat(1000) + '\n[output truncated: limit of 1000 bytes reached]\n',
    inprocess: true,
  },
  {
    name: 'multi-byte characters are never split by truncation',
    code: 'for (;;) $0.write(1, "é");',
    limits: { outputBytes: 5 },
    ok: false,
    kind: 'SandboxOutputLimitError',
    stdout: 'éé\n[output truncated: limit of 5 bytes reached]\n',
    inprocess: true,
  },
  {
    name: 'JS stack overflow becomes RecursionError',
    code: 'function f() { return f() + 1; } f();',
    ok: false,
    kind: 'RecursionError',
    message: /^maximum recursion depth exceeded$/,
    inprocess: true,
  },
  {
    name: 'catastrophic regex is stopped by the CPU watchdog',
    code: '/^(a+)+$/.test("a".repeat(40) + "b")',
    limits: { cpuTimeMs: 200 },
    ok: false,
    kind: 'SandboxTimeoutError',
    inprocess: true,
  },
  {
    name: 'oversized argument is refused before it is copied out',
    code: 'let s = "q"; for (let i = 0; i < 22; i++) s += s; $0.call("no.such", [s]);',
    limits: { copyOutChars: 1_000_000 },
    ok: false,
    kind: 'ValueError',
    message: /too large/,
    inprocess: true,
  },
  {
    name: 'cyclic argument is refused',
    code: 'const a = []; a.push(a); $0.call("no.such", [a]);',
    ok: false,
    kind: 'ValueError',
    message: /nested too deeply/,
    inprocess: true,
  },
  {
    name: 'class instances cannot be passed to the host',
    code: '$0.call("no.such", [new Map()]);',
    ok: false,
    kind: 'TypeError',
    message: /only plain data/,
    inprocess: true,
  },
];

const artifacts = await buildTestArtifacts();

function check(c: Case, r: RunResult): void {
  expect(r.ok, JSON.stringify(r.error)).toBe(c.ok);
  if (c.kind) expect(r.error?.kind).toBe(c.kind);
  if (c.message) expect(r.error?.message).toMatch(c.message);
  if (typeof c.stdout === 'string') expect(r.stdout).toBe(c.stdout);
  else if (c.stdout) expect(r.stdout).toMatch(c.stdout);
  if (c.stderr !== undefined) expect(r.stderr).toBe(c.stderr);
  expect(r.exitCode).toBe(c.ok ? 0 : r.exitCode);
}

function request(c: Case) {
  return {
    program: { kind: 'js' as const, code: c.code, file: '/virtual/case.js' },
    capabilities: { allow: [] },
    ...(c.limits ? { limits: c.limits } : {}),
  };
}

describe('sandbox worker mode', () => {
  const sandbox = createSandbox({
    mode: 'worker',
    workerPath: artifacts.workerPath,
    runtimePath: artifacts.runtimePath,
  });
  afterAll(() => sandbox.dispose());

  it.each(CASES)('$name', async (c) => {
    check(c, await sandbox.run(request(c)));
    // The worker stays healthy: the next run works.
    const next = await sandbox.run(request(CASES[0]!));
    expect(next.stdout).toBe('hello\n');
  });
});

describe('sandbox in-process mode', () => {
  const sandbox = createSandbox({ mode: 'inprocess', runtimePath: artifacts.runtimePath });
  afterAll(() => sandbox.dispose());

  it.each(CASES.filter((c) => c.inprocess))('$name', async (c) => {
    check(c, await sandbox.run(request(c)));
  });
});

describe('run result shape', () => {
  const sandbox = workerSandbox(artifacts);

  it('streams output as it happens and reports stats', async () => {
    const chunks: string[] = [];
    const r = await sandbox.run(request(CASES[0]!), { output: (_s, t) => chunks.push(t) });
    expect(chunks.join('')).toBe('hello\n');
    expect(Object.keys(r).sort()).toEqual(RESULT_KEYS.filter((k) => k !== 'error'));
    expect(Object.keys(r.stats).sort()).toEqual(STATS_KEYS);
    expect(r.stats.peakHeapBytes).toBeGreaterThan(0);
  });

  it('exit codes: 1 program error, 4 limit exceeded', async () => {
    expect((await sandbox.run(request(CASES[3]!))).exitCode).toBe(1);
    expect((await sandbox.run(request(CASES[5]!))).exitCode).toBe(4);
  });
});

describe('supervisor', () => {
  it('reports a worker that cannot start, every time, without hanging', async () => {
    const sandbox = createSandbox({ mode: 'worker', workerPath: '/nonexistent/worker.mjs', runtimePath: null });
    for (let i = 0; i < 2; i++) {
      const r = await sandbox.run(request(CASES[0]!));
      expect(r.error?.kind).toBe('SandboxError');
      expect(r.error?.message).toMatch(
        /the sandbox worker exited during start-up \(exit code 1\): .*Cannot find module/,
      );
    }
    await sandbox.dispose();
  });

  it('refuses runs after dispose', async () => {
    const sandbox = createSandbox({ mode: 'worker', workerPath: artifacts.workerPath, runtimePath: null });
    await sandbox.dispose();
    expect((await sandbox.run(request(CASES[0]!))).error?.message).toBe('the sandbox has been disposed');
  });
});
