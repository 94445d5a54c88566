// Runs every conformance program (test/conformance/*.ml) in-process — parse, transpile, run with
// the default grant — and compares stdout byte for byte with its .out file.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { runML } from '../runtime/harness.js';

const dir = fileURLToPath(new URL('../../../test/conformance/', import.meta.url));
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.ml'))
  .sort();

describe('conformance programs (in-process)', () => {
  test('the suite is present', () => {
    expect(programs.length).toBe(45);
  });
  for (const name of programs) {
    test(name, () => {
      const source = readFileSync(path.join(dir, name), 'utf8');
      const expected = readFileSync(path.join(dir, name.replace(/\.ml$/, '.out')), 'utf8');
      const r = runML(source, { file: name });
      expect(r.diagnostics).toEqual([]);
      expect(r.error).toBeUndefined();
      expect(r.stdout).toBe(expected);
      expect(r.stderr).toBe('');
    });
  }
});
