// Regression: isolates restored from a runtime snapshot lost every string method (each call failed
// with "internal runtime error") while in-process runs worked. The worker path (debugger, VS Code
// "Run in Sandbox") must print exactly what the conformance programs expect, run after run.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRANT } from '@mlsec/grammar';
import { createSandbox } from '../../src/sandbox/index.js';
import { buildTestArtifacts } from './artifacts.js';

const conformance = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/conformance');
const programs = readdirSync(conformance)
  .filter((f) => f.endsWith('.ml'))
  .sort();
const artifacts = await buildTestArtifacts();

describe('conformance programs in the sandbox worker', () => {
  const sandbox = createSandbox({
    mode: 'worker',
    workerPath: artifacts.workerPath,
    runtimePath: artifacts.runtimePath,
  });
  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.dispose());

  it.each(programs)('%s prints its expected output', async (name) => {
    const file = path.join(conformance, name);
    const result = await sandbox.run({
      program: { kind: 'ml', source: readFileSync(file, 'utf8'), file },
      capabilities: { allow: [...DEFAULT_GRANT] },
      rootDir: conformance,
    });
    expect(result.error ?? null).toBeNull();
    expect(result.stdout).toBe(readFileSync(file.replace(/\.ml$/, '.out'), 'utf8'));
  });
});
