// The conformance programs are copied into test/conformance/ so the suite runs without ../shared;
// when ../shared/conformance exists, the copy must be identical (new cases must be copied in).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const copy = path.join(here, 'conformance');
const shared = path.resolve(here, '..', '..', 'shared', 'conformance');

describe('conformance copy', () => {
  it('holds the 45 numbered programs, each with its expected output', () => {
    const programs = readdirSync(copy).filter((f) => f.endsWith('.ml'));
    expect(programs.length).toBeGreaterThanOrEqual(45);
    for (const p of programs) expect(existsSync(path.join(copy, p.replace(/\.ml$/, '.out')))).toBe(true);
  });

  it.runIf(existsSync(shared))('is identical to ../shared/conformance', () => {
    const list = (dir: string) =>
      readdirSync(dir)
        .filter((f) => /\.(ml|out|md)$/.test(f))
        .sort();
    expect(list(copy)).toEqual(list(shared));
    for (const f of list(shared)) {
      expect(readFileSync(path.join(copy, f), 'utf8'), `test/conformance/${f} differs from ../shared`).toBe(
        readFileSync(path.join(shared, f), 'utf8'),
      );
    }
  });
});
