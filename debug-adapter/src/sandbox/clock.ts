// Milliseconds on a monotonic clock, for measuring durations in the sandbox host. process.hrtime
// rather than performance.now(): the `performance` global loads Node's perf_hooks modules on first
// use, a millisecond or more of every one-shot `mlsec run`.

/** Milliseconds since an arbitrary fixed point (compare two readings; never a date). */
export function nowMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1000 + nanoseconds / 1e6;
}
