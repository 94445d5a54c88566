// The shape of a RunResult as the CLI (--json), the sandbox and the debug adapter's `mlsec/runResult`
// event report it (SANDBOX.md): one list for every test that pins it.

/** Keys of a run result, sorted; `error` only when the run failed. */
export const RESULT_KEYS = ['audit', 'error', 'exitCode', 'ok', 'stats', 'stderr', 'stdout'];

/** Keys of `stats`, sorted. */
export const STATS_KEYS = [
  'analyzeMs',
  'bridgeCalls',
  'capabilityChecks',
  'cpuMs',
  'parseMs',
  'peakHeapBytes',
  'runMs',
  'transpileMs',
];
