// ML programs through the whole pipeline (parse → resolve → transpile → isolate) in the worker:
// exact output, stdin, refusals with every error listed, user modules, capability declarations,
// audit streaming, seeded randomness, and run control (terminate, paused wall clock).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';
import type { AuditRecord, RunControl, RunRequest } from '../../src/sandbox/types.js';
import { buildTestArtifacts } from './artifacts.js';
import { workerSandbox } from './worker-programs.js';

const artifacts = await buildTestArtifacts();

interface Case {
  name: string;
  source: string;
  allow?: string[];
  stdin?: string;
  seed?: number;
  ok: boolean;
  stdout?: string;
  stderr?: string | RegExp;
  kind?: string;
  message?: RegExp;
  where?: [number, number];
  exitCode?: number;
}

const CASES: Case[] = [
  {
    name: 'print',
    source: 'print("hello", 1 + 2, [true, null], {"a": 1.5});',
    ok: true,
    stdout: "hello 3 [True, None] {'a': 1.5}\n",
  },
  {
    name: 'input reads stdin lines',
    source: 'a = input("name? "); b = input(); print(a + "/" + b);',
    allow: ['console:*'],
    stdin: 'ann\nbob\n',
    ok: true,
    stdout: 'name? ann/bob\n',
  },
  {
    name: 'input at end of stdin',
    source: 'a = input();\nb = input();',
    allow: ['console:*'],
    stdin: 'only\n',
    ok: false,
    kind: 'EOFError',
    where: [2, 5],
  },
  {
    name: 'input needs console:read',
    source: 'x = input();',
    allow: ['console:write'],
    ok: false,
    kind: 'CapabilityError',
    message: /console:read/,
  },
  {
    name: 'a pure module needs its capability',
    source: 'import math;\nprint(math.sqrt(4));',
    allow: ['console:*'],
    ok: false,
    kind: 'CapabilityError',
    message: /math:compute/,
    where: [2, 7],
  },
  {
    name: 'runtime error location is 1-based',
    source: 'x = 1;\n  y = x / 0;',
    ok: false,
    kind: 'ZeroDivisionError',
    where: [2, 3],
    exitCode: 1,
  },
  {
    name: 'syntax errors refuse the run and are all listed',
    source: 'x = ;\ny = (;\n',
    ok: false,
    kind: 'SyntaxError',
    where: [1, 5],
    stderr: /main\.ml:1:5: error ML\d+.*\nmain\.ml:2:\d+: error ML\d+/,
    exitCode: 1,
  },
  {
    name: 'hasCapability sees the grant',
    source: 'print(hasCapability("file:read:data/x"), hasCapability("file:write:data/x"));',
    allow: ['console:*', 'file:read:**'],
    ok: true,
    stdout: 'true false\n',
  },
  {
    name: 'a declaration narrows the grant',
    source:
      'capability Data { resource "data/**"; allow read; }\nprint(hasCapability("file:read:data/x"), hasCapability("file:read:other/x"));',
    allow: ['console:*', 'file:read:**'],
    ok: true,
    stdout: 'true false\n',
  },
  {
    name: 'a declaration beyond the grant refuses the run',
    source: 'capability Data { resource "data/**"; allow write; }\nprint("never");',
    allow: ['console:*', 'file:read:**'],
    ok: false,
    kind: 'CapabilityError',
    message: /Data/,
    exitCode: 3,
  },
  {
    name: 'invalid grant strings refuse the run',
    source: 'print(1);',
    allow: ['console:*', 'file:read:../x'],
    ok: false,
    kind: 'CapabilityError',
    message: /invalid capabilities/,
  },
];

describe('ML programs in the worker', () => {
  const sandbox = workerSandbox(artifacts);
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mlsec-ml-'));
    mkdirSync(path.join(dir, 'lib'));
    writeFileSync(path.join(dir, 'lib/util.ml'), 'function twice(x) { return x * 2; }\nname = "util";\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const request = (source: string, extra: Partial<RunRequest> = {}): RunRequest => ({
    program: { kind: 'ml', source, file: path.join(dir, 'main.ml') },
    capabilities: { allow: ['console:*'] },
    ...extra,
  });

  it.each(CASES)('$name', async (c) => {
    const r = await sandbox.run(
      request(c.source, {
        capabilities: { allow: c.allow ?? ['console:*'] },
        ...(c.stdin !== undefined ? { stdin: c.stdin } : {}),
        ...(c.seed !== undefined ? { randomSeed: c.seed } : {}),
      }),
    );
    expect(r.ok, JSON.stringify(r.error)).toBe(c.ok);
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    if (typeof c.stderr === 'string') expect(r.stderr).toBe(c.stderr);
    else if (c.stderr) expect(r.stderr).toMatch(c.stderr);
    if (c.kind) expect(r.error?.kind).toBe(c.kind);
    if (c.message) expect(r.error?.message).toMatch(c.message);
    if (c.where) expect([r.error?.line, r.error?.column]).toEqual(c.where);
    if (c.exitCode !== undefined) expect(r.exitCode).toBe(c.exitCode);
  });

  it('output is exact across many runs of pooled snapshot isolates', async () => {
    for (let i = 0; i < 25; i++) {
      const r = await sandbox.run(request(`print("hello", ${i});`));
      expect(r.stdout).toBe(`hello ${i}\n`);
    }
  });

  it('imports user modules from the run root', async () => {
    const r = await sandbox.run(request('import lib.util;\nprint(util.twice(21), util.name);'));
    expect(r.stdout, JSON.stringify(r.error)).toBe('42 util\n');
    const missing = await sandbox.run(request('import lib.nope;'));
    expect(missing.error?.kind).toBe('ImportError');
  });

  it('a fixed random seed reproduces a run; another seed does not', async () => {
    const program = 'import math; print(math.random(), math.random());';
    const run = (seed: number) =>
      sandbox.run(request(program, { capabilities: { allow: ['console:*', 'math:*'] }, randomSeed: seed }));
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(a.stdout).toMatch(/^0\.\d+ 0\.\d+\n$/);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('asks the caller for stdin lines after showing the prompt', async () => {
    const seen: string[] = [];
    const r = await sandbox.run(request('x = input("who? "); print("hi " + x);'), {
      output: (_s, t) => seen.push(`out:${t}`),
      input: async (prompt) => {
        seen.push(`ask:${prompt}`);
        return 'zoe';
      },
    });
    expect(r.stdout).toBe('who? hi zoe\n');
    expect(seen[0]).toBe('out:who? ');
  });

  it('streams audit events as checks happen', async () => {
    const streamed: AuditRecord[] = [];
    const r = await sandbox.run(
      request('import math;\nprint(math.floor(2.5));', { capabilities: { allow: ['console:*'], deny: [] } }),
      { audit: (e) => streamed.push(e) },
    );
    expect(r.error?.kind).toBe('CapabilityError');
    expect(streamed.map((e) => [e.capability, e.result])).toEqual([['math:compute', 'DENIED']]);
    expect(r.audit).toEqual(streamed);
    expect(r.stats.capabilityChecks).toBe(1);
  });

  it('terminate ends a run', async () => {
    let control: RunControl | undefined;
    const r = await sandbox.run(request('print("go"); while (true) {}'), {
      control: (c) => (control = c),
      output: () => control?.terminate(),
    });
    expect(r.error?.kind).toBe('TerminatedError');
  });

  it('a paused wall clock does not expire (the CPU limit still applies)', async () => {
    const r = await sandbox.run(request('while (true) {}', { limits: { wallTimeMs: 150, cpuTimeMs: 600 } }), {
      control: (c) => c.pauseWallClock(),
    });
    expect(r.error?.message).toMatch(/CPU time limit of 600 ms/);
  });
});

describe('ML programs in-process', () => {
  it('runs hello world', async () => {
    const sandbox = createSandbox({ mode: 'inprocess', runtimePath: artifacts.runtimePath });
    const r = await sandbox.run({
      program: { kind: 'ml', source: 'print("hi");', file: '/virtual/main.ml' },
      capabilities: { allow: ['console:*'] },
    });
    await sandbox.dispose();
    expect(r.stdout).toBe('hi\n');
  });
});
