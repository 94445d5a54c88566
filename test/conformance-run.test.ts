// THE conformance run: every test/conformance/NN_*.ml through the built `mlsec run` (a real process,
// as users start it), with the default grant: exact stdout, empty stderr, exit 0 (README.md there).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { mlsec, REPO } from '../debug-adapter/test/cli/built-cli.js';

const DIR = path.join(REPO, 'test', 'conformance');
const PROGRAMS = readdirSync(DIR)
  .filter((f) => /^\d\d_.*\.ml$/.test(f))
  .sort();

describe('conformance programs through mlsec run', () => {
  test('all 45 programs are here', () => {
    expect(PROGRAMS).toHaveLength(45);
  });

  test.concurrent.each(PROGRAMS)('%s', async (file) => {
    const expected = readFileSync(path.join(DIR, file.replace(/\.ml$/, '.out')), 'utf8');
    const r = await mlsec(['run', path.join('test', 'conformance', file)]);
    expect(r).toEqual({ code: 0, stdout: expected, stderr: '' });
  });
});
