// `mlsec bench` and `npm run bench` share scripts/bench.mjs: suites in name order, one JSON line per
// metric with values rounded to 3 decimals, a filter on file names, exit 2 when nothing matches.
// The suites here are fixtures that measure nothing (benchmarks never run in tests).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { nodeIO } from '../../src/cli/node-io.js';
// @ts-expect-error -- a plain ES module without type declarations
import { runBenchmarks } from '../../../scripts/bench.mjs';

const SUITES = fileURLToPath(new URL('./bench-suites/', import.meta.url));
const RUNNER = fileURLToPath(new URL('../../../scripts/bench.mjs', import.meta.url));

async function collect(filter: string): Promise<{ ok: boolean; out: string; err: string }> {
  let out = '';
  let err = '';
  const ok = await runBenchmarks(
    filter,
    (l: string) => void (out += l),
    (m: string) => void (err += m),
    SUITES,
  );
  return { ok, out, err };
}

describe('the benchmark runner', () => {
  test('runs every suite in name order, one rounded JSON line per metric', async () => {
    expect(await collect('')).toEqual({
      ok: true,
      out:
        '{"name":"fixture.first","unit":"ms","value":1.235}\n' +
        '{"name":"fixture.second","unit":"ratio","value":2}\n' +
        '{"name":"other.only","unit":"us","value":0}\n',
      err: '',
    });
  });

  test('the filter selects suites by file name', async () => {
    expect((await collect('other')).out).toBe('{"name":"other.only","unit":"us","value":0}\n');
  });

  test('mlsec bench and scripts/bench.mjs refuse a filter matching no suite the same way', async () => {
    let err = '';
    const io: CliIO = { ...nodeIO(), stdout: () => undefined, stderr: (t) => void (err += t) };
    expect(await main(['bench', 'no-such-suite'], io)).toBe(2);
    const script = spawnSync(process.execPath, [RUNNER, 'no-such-suite'], { encoding: 'utf8' });
    expect({ status: script.status, stdout: script.stdout }).toEqual({ status: 2, stdout: '' });
    expect(err).toBe(script.stderr);
    expect(err).toBe("bench: no suite matches 'no-such-suite'\n");
  });
});
