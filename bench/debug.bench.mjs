// Debugger benchmarks (TOOLING.md, debug adapter): what debug mode costs a program that hits no
// breakpoint — recursive fib(22) in debug mode against the same program with noDebug, net of each
// mode's fixed per-run cost (measured on an empty program), in isolate CPU time — and the time from `next` to the
// `stopped` event. Needs `npx tsc -b` (imports debug-adapter/out); the worker, runtime and debug
// agent bundles are the shipped ones from `npm run build` (bench/artifacts.mjs).
// Run: node --no-node-snapshot scripts/bench.mjs debug
import path from 'node:path';
import { builtArtifacts, root } from './artifacts.mjs';

const { DebugRuntime } = await import(path.join(root, 'debug-adapter/out/debug/runtime/debug-runtime.js'));
const { resolveLimits } = await import(path.join(root, 'debug-adapter/out/sandbox/limits.js'));

const options = builtArtifacts();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const FIB = 'function fib(n) { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }\nprint(fib(22));\n';
const EMPTY = 'x = 1;\n';
const STEPS = 'i = 0;\nwhile (i < 1000) {\n  i = i + 1;\n}\n';

function launchOf(source, noDebug, stopOnEntry = false) {
  return {
    program: path.join(root, 'bench', 'debug-bench.ml'),
    source,
    rootDir: path.join(root, 'bench'),
    args: [],
    stopOnEntry,
    noDebug,
    capabilities: { allow: ['console:*'], deny: [] },
    limits: resolveLimits(undefined),
    stdin: null,
    configFile: null,
  };
}

/** Runs a program to completion; returns the isolate's CPU time (ms: steadier than wall time). */
function runOnce(source, noDebug) {
  const rt = new DebugRuntime(options);
  return new Promise((resolve, reject) => {
    rt.on('exited', (r) =>
      r.ok ? resolve(r.stats.cpuMs) : reject(new Error(`${r.error?.kind}: ${r.error?.message}`)),
    );
    rt.start(launchOf(source, noDebug));
  });
}

async function cpuMs(source, noDebug, n) {
  await runOnce(source, noDebug);
  const times = [];
  for (let i = 0; i < n; i++) times.push(await runOnce(source, noDebug));
  return median(times);
}

/** Stops on entry, then times `next` → `stopped` for `n` steps through a loop. */
async function stepLatencies(n) {
  const rt = new DebugRuntime(options);
  let resolveStop = null;
  rt.on('stopped', () => resolveStop?.());
  const stopped = () => new Promise((resolve) => (resolveStop = resolve));
  let first = stopped();
  const exited = new Promise((resolve) => rt.on('exited', resolve));
  rt.start(launchOf(STEPS, false, true));
  await first;
  const times = [];
  for (let i = 0; i < n; i++) {
    first = stopped();
    const t0 = performance.now();
    await rt.next();
    await first;
    times.push(performance.now() - t0);
  }
  await rt.terminate();
  await exited;
  return times;
}

export async function run(emit) {
  const N = 15;
  const plainEmpty = await cpuMs(EMPTY, true, N);
  const debugEmpty = await cpuMs(EMPTY, false, N);
  const plainFib = await cpuMs(FIB, true, N);
  const debugFib = await cpuMs(FIB, false, N);
  emit({ name: 'debug.fib22.noDebug.cpuMs', unit: 'ms', value: plainFib });
  emit({ name: 'debug.fib22.debug.cpuMs', unit: 'ms', value: debugFib });
  emit({ name: 'debug.emptyProgram.noDebug.cpuMs', unit: 'ms', value: plainEmpty });
  emit({ name: 'debug.emptyProgram.debug.cpuMs', unit: 'ms', value: debugEmpty });
  emit({ name: 'debug.fib22.slowdown.raw', unit: 'x', value: debugFib / plainFib });
  emit({
    name: 'debug.fib22.slowdown.net',
    unit: 'x',
    value: (debugFib - debugEmpty) / Math.max(0.001, plainFib - plainEmpty),
  });
  const steps = await stepLatencies(200);
  emit({ name: 'debug.nextToStopped.p50', unit: 'ms', value: quantile(steps, 0.5) });
  emit({ name: 'debug.nextToStopped.p95', unit: 'ms', value: quantile(steps, 0.95) });
}
