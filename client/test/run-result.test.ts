// Reading `mlsec run --json` results: validation of the JSON, the summary line and denied capabilities.
import { describe, expect, it } from 'vitest';
import { describeDenied, readRunResult, summarize } from '../src/run/run-result.js';

const stats = {
  parseMs: 1,
  analyzeMs: 1,
  transpileMs: 1,
  runMs: 12.4,
  cpuMs: 3,
  peakHeapBytes: 1,
  capabilityChecks: 2,
  bridgeCalls: 2,
};
const audit = (capability: string, result: string, extra: Record<string, unknown> = {}) => ({
  time: 1,
  capability,
  resource: capability.split(':')[0],
  operation: capability.split(':')[1],
  result,
  enforced: true,
  by: null,
  reason: result === 'DENIED' ? 'not-granted' : null,
  file: '/ws/sales_report.ml',
  line: 8,
  column: 8,
  functionName: null,
  ...extra,
});

describe('readRunResult', () => {
  it('rejects values without the SANDBOX.md shape', () => {
    for (const value of [null, 42, [], { ok: true }, { ok: 'yes', stats }, { stats }])
      expect(readRunResult(value)).toBeNull();
  });

  it('summarises a successful run', () => {
    const result = readRunResult({ ok: true, exitCode: 0, stdout: 'hi\n', stderr: '', stats, audit: [] })!;
    expect(summarize(result)).toBe('Finished in 12 ms (exit code 0).');
    expect(describeDenied(result)).toEqual([]);
  });

  it('reports the error and each enforced denial once', () => {
    const result = readRunResult({
      ok: false,
      exitCode: 3,
      stdout: '',
      stderr: '',
      error: {
        kind: 'CapabilityError',
        message: 'file:read denied',
        file: '/ws/sales_report.ml',
        line: 8,
        column: 8,
        mlStack: [],
      },
      stats,
      audit: [
        audit('console:write', 'GRANTED'),
        audit('file:read:/ws/data/orders.csv', 'DENIED'),
        audit('file:read:/ws/data/orders.csv', 'DENIED'),
        audit('file:write:/ws/x', 'DENIED', { enforced: false }),
        audit('file:delete:/ws/y', 'DENIED', { reason: 'denied', by: 'file:delete:**', line: 9, column: 1 }),
      ],
    })!;
    expect(summarize(result)).toBe(
      'Failed in 12 ms (exit code 3): CapabilityError: file:read denied at /ws/sales_report.ml:8:8',
    );
    expect(result.denied.map((d) => [d.capability, d.deniedBy])).toEqual([
      ['file:read:/ws/data/orders.csv', null],
      ['file:delete:/ws/y', 'file:delete:**'],
    ]);
    expect(describeDenied(result)).toEqual([
      'Denied file:read:/ws/data/orders.csv at /ws/sales_report.ml:8:8',
      'Denied file:delete:/ws/y at /ws/sales_report.ml:9:1 (explicitly denied by file:delete:**)',
    ]);
  });

  it('tolerates missing optional fields', () => {
    const result = readRunResult({ ok: false, stats: {} })!;
    expect(result).toMatchObject({ exitCode: 1, stdout: '', error: null, runMs: null, denied: [] });
    expect(summarize(result)).toBe('Failed (exit code 1): the run failed');
  });
});
