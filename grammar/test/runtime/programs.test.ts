// Conformance-style runtime programs (fixtures/programs: one `.ml` and the exact `.out` it prints),
// run in-process here; debug-adapter/test/sandbox/runtime-programs-worker.test.ts runs the same
// files in the sandbox worker. Each program is named after the deviation it pins down.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runML } from './harness.js';

const dir = new URL('./fixtures/programs/', import.meta.url);
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.ml'))
  .sort();

describe('runtime programs in-process', () => {
  it('finds the programs', () => expect(programs.length).toBeGreaterThan(0));

  it.each(programs)('%s prints its expected output', (name) => {
    const r = runML(readFileSync(new URL(name, dir), 'utf8'), { file: name });
    expect(r.diagnostics).toEqual([]);
    expect(r.error ?? null).toBeNull();
    expect(r.stdout).toBe(readFileSync(new URL(name.replace(/\.ml$/, '.out'), dir), 'utf8'));
  });
});
