// Shared by the sandbox tests that run through the worker: a worker sandbox started before a
// describe block's tests and disposed after them, and the suite that runs a folder of ML programs
// (`NAME.ml` with its expected output in `NAME.out`) in it with the default grant.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRANT } from '@mlsec/grammar';
import { createSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import type { TestArtifacts } from './artifacts.js';

/** A worker-mode sandbox for the enclosing describe block: started before its tests, disposed after. */
export function workerSandbox(artifacts: TestArtifacts): SandboxHandle {
  const sandbox = createSandbox({
    mode: 'worker',
    workerPath: artifacts.workerPath,
    runtimePath: artifacts.runtimePath,
  });
  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.dispose());
  return sandbox;
}

/** A describe block that runs every `.ml` program of `dir` in the worker and checks its `.out` text. */
export function describeWorkerPrograms(title: string, dir: string, artifacts: TestArtifacts): void {
  const programs = readdirSync(dir)
    .filter((f) => f.endsWith('.ml'))
    .sort();
  describe(title, () => {
    const sandbox = workerSandbox(artifacts);

    it('finds the programs', () => expect(programs.length).toBeGreaterThan(0));

    it.each(programs)('%s prints its expected output', async (name) => {
      const file = path.join(dir, name);
      const result = await sandbox.run({
        program: { kind: 'ml', source: readFileSync(file, 'utf8'), file },
        capabilities: { allow: [...DEFAULT_GRANT] },
        rootDir: dir,
      });
      expect(result.error ?? null).toBeNull();
      expect(result.stdout).toBe(readFileSync(file.replace(/\.ml$/, '.out'), 'utf8'));
    });
  });
}
