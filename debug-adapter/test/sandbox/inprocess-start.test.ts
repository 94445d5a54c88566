// The one-shot CLI's in-process start-up: an isolate prestarted before the sandbox exists is adopted
// by it (or discarded), and the runtime's code cache beside the bundle is written once and, when
// damaged, replaced: a cache costs speed, never behaviour.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';
import { discardPrestarted, prestartInProcess } from '../../src/sandbox/inprocess.js';
import { buildTestArtifacts } from './artifacts.js';

const artifacts = await buildTestArtifacts();
const HELLO = {
  program: { kind: 'js' as const, code: '$0.write(1, "hello\\n")', file: 'hello.js' },
  capabilities: { allow: [] },
};

let dir: string;
let runtimePath: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mlsec-inprocess-'));
  runtimePath = path.join(dir, 'runtime.js');
  copyFileSync(artifacts.runtimePath!, runtimePath);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cacheFiles = (): string[] => {
  try {
    return readdirSync(path.join(dir, '.cache'));
  } catch {
    return [];
  }
};

async function runHello(poolSize: number): Promise<string> {
  const sandbox = createSandbox({ mode: 'inprocess', runtimePath, poolSize });
  try {
    const result = await sandbox.run(HELLO);
    expect(result.error).toBeUndefined();
    return result.stdout;
  } finally {
    await sandbox.dispose();
  }
}

describe('runtime code cache beside the runtime bundle', () => {
  it('is written by the first run and used by the next', async () => {
    expect(cacheFiles()).toEqual([]);
    expect(await runHello(0)).toBe('hello\n');
    const files = cacheFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^runtime\.js-\d+-\d+-v[\d.]+-\w+\.v8$/);
    expect(await runHello(1)).toBe('hello\n');
  });

  it.each([
    ['garbage', Buffer.from('not a V8 code cache')],
    ['an empty file', Buffer.alloc(0)],
  ])('replaces %s and still runs', async (_what, bytes) => {
    const file = path.join(dir, '.cache', cacheFiles()[0]!);
    writeFileSync(file, bytes);
    expect(await runHello(0)).toBe('hello\n');
    expect(readFileSync(file).equals(bytes)).toBe(false);
    expect(readFileSync(file).length).toBeGreaterThan(1000);
  });
});

describe('prestarted isolate', () => {
  it('is adopted by the in-process sandbox for the same runtime', async () => {
    prestartInProcess(runtimePath);
    expect(await runHello(1)).toBe('hello\n');
    discardPrestarted();
  });

  it('is left alone by a sandbox for another runtime, and discarding it is safe', async () => {
    prestartInProcess(path.join(dir, 'elsewhere.js'));
    expect(await runHello(1)).toBe('hello\n');
    discardPrestarted();
    discardPrestarted();
  });

  it('for a runtime that is not built does not throw; the run reports it', async () => {
    const missing = path.join(dir, 'missing.js');
    expect(() => prestartInProcess(missing)).not.toThrow();
    const sandbox = createSandbox({ mode: 'inprocess', runtimePath: missing, poolSize: 1 });
    await expect(sandbox.run(HELLO)).rejects.toThrow(/ENOENT|no such file/);
    await sandbox.dispose();
    discardPrestarted();
  });
});
