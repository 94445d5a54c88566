// Runs the threat cases (threat-cases.ts) in the worker sandbox. For every case: the outcome is
// the safe one, it ends in bounded time, nothing outside the run root changed, the host and a
// worker are alive, and the next run succeeds. Also checks the suite covers every category.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';
import type { RunResult } from '../../src/sandbox/types.js';
import { makeFixture, subst, type Fixture } from '../bridges/fixture.js';
import { buildTestArtifacts } from './artifacts.js';
import { THREATS, type ThreatCase } from './threat-cases.js';

const artifacts = await buildTestArtifacts();
const JS_HELPERS = 'const call = (op, ...a) => $0.call(op, a); const out = (s) => $0.write(1, String(s) + "\\n");\n';
/** A case may use at most this much wall time (the sandbox's own limits are far lower in cases). */
const BOUND_MS = 20_000;

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('threat model', () => {
  const sandbox = createSandbox({
    mode: 'worker',
    workerPath: artifacts.workerPath,
    runtimePath: artifacts.runtimePath,
  });
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/hello') res.end('hi');
      else if (req.url === '/to-elsewhere') res.writeHead(302, { location: 'http://elsewhere.example.invalid/' }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    await sandbox.start();
  });
  afterAll(async () => {
    await sandbox.dispose();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('covers every category with at least 5 cases', () => {
    for (const category of [1, 2, 3, 4, 5, 6]) {
      expect(THREATS.filter((t) => t.category === category).length, `category ${category}`).toBeGreaterThanOrEqual(5);
    }
  });

  it.each(THREATS.map((t) => [`${t.category}. ${t.name}`, t] as const))('%s', async (_label, t: ThreatCase) => {
    const f: Fixture = makeFixture();
    try {
      const fill = (s: string): string => subst(s, f).replaceAll('${port}', String(port));
      const pidBefore = sandbox.hostPid();
      const envBefore = JSON.stringify(process.env);
      const outsideBefore = f.outsideState();
      const program =
        t.ml !== undefined
          ? { kind: 'ml' as const, source: fill(t.ml), file: `${f.root}/main.ml` }
          : { kind: 'js' as const, code: JS_HELPERS + fill(t.js!), file: `${f.root}/main.js` };
      const started = performance.now();
      const r: RunResult = await sandbox.run(
        {
          program,
          capabilities: { allow: (t.allow ?? ['console:*']).map(fill), deny: (t.deny ?? []).map(fill) },
          env: { PATH: '/usr/bin' },
          ...(t.limits ? { limits: t.limits } : {}),
        },
        t.killOnOutput ? { output: () => process.kill(sandbox.hostPid()!, 'SIGKILL') } : {},
      );
      expect(performance.now() - started).toBeLessThan(BOUND_MS);

      expect(r.ok, JSON.stringify(r.error)).toBe(t.outcome.ok);
      if (!t.outcome.ok) {
        const kinds = Array.isArray(t.outcome.kind) ? t.outcome.kind : [t.outcome.kind];
        expect(kinds, r.error?.message).toContain(r.error?.kind);
        if (t.outcome.message) expect(r.error?.message).toMatch(t.outcome.message);
        // Errors never carry a JavaScript stack or the host path of the sandbox's internals.
        expect(r.error?.message).not.toMatch(/\n\s+at |node_modules|isolated-vm/);
      }
      const stdout = t.outcome.stdout;
      if (typeof stdout === 'string') expect(r.stdout).toBe(stdout);
      else if (stdout) expect(r.stdout).toMatch(stdout);
      expect(r.stdout.length + r.stderr.length).toBeLessThanOrEqual(1024 * 1024 + 100);

      expect(f.outsideState(), 'nothing outside the run root changed').toBe(outsideBefore);
      expect(JSON.stringify(process.env), 'the host environment is untouched').toBe(envBefore);
      const next = await sandbox.run({
        program: { kind: 'ml', source: 'print("next");', file: `${f.root}/next.ml` },
        capabilities: { allow: ['console:*'] },
      });
      expect(next.stdout, JSON.stringify(next.error)).toBe('next\n');
      expect(alive(sandbox.hostPid()), 'a worker is alive').toBe(true);
      if (!t.replacesWorker) expect(sandbox.hostPid(), 'the same worker served the case').toBe(pidBefore);
      else expect(sandbox.hostPid()).not.toBe(pidBefore);
    } finally {
      f.dispose();
    }
  });
});
