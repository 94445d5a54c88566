// The runtime's conformance-style programs (grammar/test/runtime/fixtures/programs, also run
// in-process by grammar/test/runtime/programs.test.ts) through the sandbox worker: the isolate
// bundle must print exactly the same text as the in-process runtime.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRANT } from '@mlsec/grammar';
import { createSandbox } from '../../src/sandbox/index.js';
import { buildTestArtifacts } from './artifacts.js';

const dir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../grammar/test/runtime/fixtures/programs',
);
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.ml'))
  .sort();
const artifacts = await buildTestArtifacts();

describe('runtime programs in the sandbox worker', () => {
  const sandbox = createSandbox({
    mode: 'worker',
    workerPath: artifacts.workerPath,
    runtimePath: artifacts.runtimePath,
  });
  beforeAll(() => sandbox.start());
  afterAll(() => sandbox.dispose());

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
