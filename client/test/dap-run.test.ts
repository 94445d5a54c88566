// Run in Sandbox's backend against the real debug adapter (`node debug-adapter/dist/cli.js dap`, built
// by `npm run build`): output streams as DAP output events, the run result arrives, refusals name the
// capability, and a launch error is reported instead of a result.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startDapRun, type OutputCategory } from '../src/run/dap-run.js';
import type { NodeRuntime } from '../src/node-runtime.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'debug-adapter/dist/cli.js');
const examples = path.join(root, 'examples');
const node: NodeRuntime = { path: process.execPath, source: 'path', electron: false };

async function run(program: string, extra: Record<string, unknown> = {}) {
  const output: [OutputCategory, string][] = [];
  const running = startDapRun(node, cli, { program, cwd: examples, ...extra }, examples, (text, category) =>
    output.push([category, text]),
  );
  return { ...(await running.done), output };
}

describe('startDapRun (real mlsec dap)', () => {
  it('has the adapter bundle to test', () => {
    expect(existsSync(cli), `${cli} is missing: run npm run build`).toBe(true);
  });

  it('runs hello.ml and streams its output', async () => {
    const { result, failure, output } = await run(path.join(examples, 'hello.ml'));
    expect(failure).toBeNull();
    expect(result).toMatchObject({ ok: true, exitCode: 0, stdout: 'Hello from the sandbox!\n', denied: [] });
    expect(
      output
        .filter(([c]) => c === 'stdout')
        .map(([, t]) => t)
        .join(''),
    ).toBe('Hello from the sandbox!\n');
  });

  it('passes launch limits in seconds and KB, as the launch schema has them', async () => {
    const limits = { memoryMb: 64, cpuTimeS: 5, wallTimeS: 10.5, outputKb: 64 };
    const { result, failure } = await run(path.join(examples, 'hello.ml'), { limits });
    expect(failure).toBeNull();
    expect(result?.ok).toBe(true);
    const refused = await run(path.join(examples, 'hello.ml'), { limits: { cpuTimeS: -1 } });
    expect(refused.failure).toMatch(/limits/);
  });

  it('reports the capability a refused call asked for', async () => {
    const { result } = await run(path.join(examples, 'sales_report.ml'));
    expect(result?.ok).toBe(false);
    expect(result?.denied.map((d) => d.capability)).toContain(`file:read:${path.join(examples, 'data', 'orders.csv')}`);
  });

  it('reports a launch error instead of a result', async () => {
    const { result, failure } = await run(path.join(examples, 'no_such_program.ml'));
    expect(result).toBeNull();
    expect(failure).toMatch(/cannot read the program/);
  });
});
