// Sandbox benchmarks (SANDBOX.md "Performance obligations"): worker start-up, hello-world run p50
// with the worker up, memory per run above an idle worker, and CPU-bound ML code against
// hand-written JavaScript in the same isolate. Needs `npx tsc -b debug-adapter` (imports out/); the
// worker and runtime bundles are the shipped ones from `npm run build` (bench/artifacts.mjs).
// Run: node --no-node-snapshot scripts/bench.mjs sandbox
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtArtifacts, root } from './artifacts.mjs';

const { createSandbox } = await import(path.join(root, 'debug-adapter/out/sandbox/index.js'));

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/** Resident set size of a process (kB fields of /proc/PID/status), in bytes. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const ml = (source, file = 'bench.ml') => ({
  program: { kind: 'ml', source, file: path.join(root, 'bench', file) },
  capabilities: { allow: ['console:*'] },
});
const js = (code) => ({
  program: { kind: 'js', code, file: path.join(root, 'bench', 'bench.js') },
  capabilities: { allow: [] },
});

// The same algorithms on both sides, statement for statement. The generator is Park-Miller's
// (x * 16807 % (2^31 - 1)): its products stay below 2^53, so JavaScript doubles and ML ints give the
// same sequence (a multiplier like 1103515245 would make ML compute exact big ints while JS rounds).
const FIB_ML = 'function fib(n) { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }\nprint(fib(25));\n';
const FIB_JS =
  'function fib(n) { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }\n$0.write(1, fib(25) + "\\n");';
/**
 * One program in both languages, line for line: a string is the same in ML and JavaScript, a pair
 * is [ML line, JavaScript line]. Returns [ML source, JavaScript code].
 */
function twin(lines) {
  const side = (k) => lines.map((line) => (typeof line === 'string' ? line : line[k])).join('\n');
  return [side(0), side(1)];
}
const QSORT = twin([
  'function qsort(a, lo, hi) {',
  '  if (lo >= hi) { return null; }',
  ['  p = a[(lo + hi) // 2]; i = lo; j = hi;', '  let p = a[Math.floor((lo + hi) / 2)], i = lo, j = hi;'],
  '  while (i <= j) {',
  '    while (a[i] < p) { i = i + 1; }',
  '    while (a[j] > p) { j = j - 1; }',
  [
    '    if (i <= j) { t = a[i]; a[i] = a[j]; a[j] = t; i = i + 1; j = j - 1; }',
    '    if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i = i + 1; j = j - 1; }',
  ],
  '  }',
  '  qsort(a, lo, j); qsort(a, i, hi);',
  '}',
  ['a = []; x = 12345; k = 0;', 'const a = []; let x = 12345, k = 0;'],
  [
    'while (k < 10000) { x = x * 16807 % 2147483647; a.append(x); k = k + 1; }',
    'while (k < 10000) { x = x * 16807 % 2147483647; a.push(x); k = k + 1; }',
  ],
  ['qsort(a, 0, len(a) - 1);', 'qsort(a, 0, a.length - 1);'],
  ['print(a[0] <= a[1], a[9998] <= a[9999]);', '$0.write(1, (a[0] <= a[1]) + " " + (a[9998] <= a[9999]) + "\\n");'],
]);
// Float-heavy: a Mandelbrot grid (the float locals stay floats; grid points like -1.0, the starting
// 0.0 and the running `total` are integral floats, which ML must keep distinct from ints), then an
// escape-time sum that doubles a float (`z = z * 2.0`).
const MANDEL = twin([
  'function mandel(size, limit) {',
  ['  inside = 0; total = 0.0; y = 0;', '  let inside = 0, total = 0.0, y = 0;'],
  '  while (y < size) {',
  ['    ci = y * 3.0 / size - 1.5; x = 0;', '    const ci = y * 3.0 / size - 1.5; let x = 0;'],
  '    while (x < size) {',
  [
    '      cr = x * 3.0 / size - 2.0; zr = 0.0; zi = 0.0; k = 0;',
    '      const cr = x * 3.0 / size - 2.0; let zr = 0.0, zi = 0.0, k = 0;',
  ],
  '      while (k < limit && zr * zr + zi * zi <= 4.0) {',
  [
    '        t = zr * zr - zi * zi + cr; zi = 2.0 * zr * zi + ci; zr = t; k = k + 1;',
    '        const t = zr * zr - zi * zi + cr; zi = 2.0 * zr * zi + ci; zr = t; k = k + 1;',
  ],
  '      }',
  '      if (k == limit) { inside = inside + 1; }',
  '      total = total + k * 0.5; x = x + 1;',
  '    }',
  '    y = y + 1;',
  '  }',
  ['  scale = 1.0; j = 0;', '  let scale = 1.0, j = 0;'],
  '  while (j < 40) { scale = scale * 2.0; j = j + 1; }',
  '  return [inside, total / scale];',
  '}',
  ['r = mandel(120, 60);', 'const r = mandel(120, 60);'],
  ['print(r[0], r[1]);', '$0.write(1, r[0] + " " + r[1] + "\\n");'],
]);
// Mixed int/float: mean and variance of every 8-wide window of an int array (int sums, `/` to a
// float mean, int minus float deviations; means of windows whose sum is a multiple of 8 are integral).
const STATS = twin([
  'function windows(a, w) {',
  ['  n = len(a); i = 0; acc = 0.0;', '  const n = a.length; let i = 0, acc = 0.0;'],
  '  while (i + w <= n) {',
  ['    s = 0; j = i;', '    let s = 0, j = i;'],
  '    while (j < i + w) { s = s + a[j]; j = j + 1; }',
  ['    mean = s / w; v = 0.0; j = i;', '    const mean = s / w; let v = 0.0; j = i;'],
  [
    '    while (j < i + w) { d = a[j] - mean; v = v + d * d; j = j + 1; }',
    '    while (j < i + w) { const d = a[j] - mean; v = v + d * d; j = j + 1; }',
  ],
  '    acc = acc + v / w; i = i + 1;',
  '  }',
  '  return acc / (n - w + 1);',
  '}',
  ['a = []; x = 12345; k = 0;', 'const a = []; let x = 12345, k = 0;'],
  [
    'while (k < 20000) { x = x * 16807 % 2147483647; a.append(x % 10); k = k + 1; }',
    'while (k < 20000) { x = x * 16807 % 2147483647; a.push(x % 10); k = k + 1; }',
  ],
  ['print(windows(a, 8));', '$0.write(1, windows(a, 8) + "\\n");'],
]);
// Floats in lists: a particle simulation over parallel lists of floats (list elements and
// parameters are of unknown type, so each operation tests its operands; stores box integral
// results). Cold-isolate time here is dominated by V8 warming up the larger generated function.
const PARTICLES = twin([
  'function simulate(n, steps) {',
  ['  xs = []; ys = []; vx = []; vy = []; i = 0;', '  const xs = [], ys = [], vx = [], vy = []; let i = 0;'],
  [
    '  while (i < n) { xs.append(float(i)); ys.append(float(i * i % 7)); vx.append(0.0); vy.append(0.0); i = i + 1; }',
    '  while (i < n) { xs.push(i); ys.push(i * i % 7); vx.push(0.0); vy.push(0.0); i = i + 1; }',
  ],
  ['  dt = 0.01; s = 0;', '  const dt = 0.01; let s = 0;'],
  '  while (s < steps) {',
  '    i = 0;',
  '    while (i < n) {',
  ['      ax = 0.0; ay = 0.0; j = 0;', '      let ax = 0.0, ay = 0.0, j = 0;'],
  '      while (j < n) {',
  '        if (i != j) {',
  ['          dx = xs[j] - xs[i]; dy = ys[j] - ys[i];', '          const dx = xs[j] - xs[i], dy = ys[j] - ys[i];'],
  ['          d2 = dx * dx + dy * dy + 0.01;', '          const d2 = dx * dx + dy * dy + 0.01;'],
  ['          inv = 1.0 / (d2 * d2);', '          const inv = 1.0 / (d2 * d2);'],
  '          ax = ax + dx * inv; ay = ay + dy * inv;',
  '        }',
  '        j = j + 1;',
  '      }',
  '      vx[i] = vx[i] + ax * dt; vy[i] = vy[i] + ay * dt;',
  '      i = i + 1;',
  '    }',
  '    i = 0;',
  '    while (i < n) { xs[i] = xs[i] + vx[i] * dt; ys[i] = ys[i] + vy[i] * dt; i = i + 1; }',
  '    s = s + 1;',
  '  }',
  ['  e = 0.0; i = 0;', '  let e = 0.0; i = 0;'],
  '  while (i < n) { e = e + vx[i] * vx[i] + vy[i] * vy[i]; i = i + 1; }',
  '  return e;',
  '}',
  ['print(simulate(40, 60));', '$0.write(1, simulate(40, 60) + "\\n");'],
]);
/** The CPU-bound comparisons: name → [ML source, JavaScript code]. */
export const CPU_PROGRAMS = {
  fib25: [FIB_ML, FIB_JS],
  quicksort10k: QSORT,
  mandelbrot120: MANDEL,
  window_stats20k: STATS,
  particles40: PARTICLES,
};
/** Programs that only print: their cost (runtime set-up, wrapper, output) is subtracted from the above. */
const EMPTY_ML = 'print(0);\n';
const EMPTY_JS = '$0.write(1, "0\\n");';

/**
 * Median isolate CPU time (stats.cpuMs: the run's own thread time, unaffected by other load on a
 * shared machine, unlike wall time) of each request over `runs` rounds, after two warm-up rounds.
 * The requests take turns within a round, so load that comes and goes affects them alike.
 */
async function medianCpuMs(sandbox, requests, runs) {
  for (let i = 0; i < 2; i++) {
    for (const request of requests) {
      const r = await sandbox.run(request);
      if (!r.ok) throw new Error(`bench program failed: ${r.error?.kind}: ${r.error?.message}`);
    }
  }
  const times = requests.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, request] of requests.entries()) times[k].push((await sandbox.run(request)).stats.cpuMs);
  }
  return times.map((t) => quantile(t, 0.5));
}

export async function run(emit) {
  const { runtimePath, workerPath } = builtArtifacts();

  // Worker start-up: from createSandbox to a worker ready to take runs.
  const starts = [];
  for (let i = 0; i < 5; i++) {
    const s = createSandbox({ mode: 'worker', runtimePath, workerPath });
    const t = performance.now();
    await s.start();
    starts.push(performance.now() - t);
    await s.dispose();
  }
  emit({ name: 'sandbox.worker_startup_p50', unit: 'ms', value: quantile(starts, 0.5) });

  const sandbox = createSandbox({ mode: 'worker', runtimePath, workerPath });
  await sandbox.start();
  const hello = ml('print("hello");\n', 'hello.ml');
  for (let i = 0; i < 30; i++) await sandbox.run(hello);

  // Hello world, end to end from the caller: parse + analyze + transpile + isolate + run + dispose.
  // Spaced runs (the worker idles between them, as when a user presses Run) take a pre-warmed
  // isolate; back-to-back runs also pay for preparing the next isolate while they run.
  const timeHello = async (gapMs) => {
    const totals = [];
    for (let i = 0; i < 100; i++) {
      if (gapMs > 0) await sleep(gapMs);
      const t = performance.now();
      const r = await sandbox.run(hello);
      totals.push(performance.now() - t);
      if (r.stdout !== 'hello\n') throw new Error(`hello world failed: ${JSON.stringify(r)}`);
    }
    return totals;
  };
  const spaced = await timeHello(25);
  emit({ name: 'sandbox.hello_run_p50', unit: 'ms', value: quantile(spaced, 0.5) });
  emit({ name: 'sandbox.hello_run_p90', unit: 'ms', value: quantile(spaced, 0.9) });
  const burst = await timeHello(0);
  emit({ name: 'sandbox.hello_run_back_to_back_p50', unit: 'ms', value: quantile(burst, 0.5) });

  // Memory per run above the idle worker (peak RSS while one run executes, minus idle RSS).
  const pid = sandbox.hostPid();
  await sleep(200);
  const idle = memory(pid).rss;
  let worst = 0;
  let peakHeap = 0;
  if (resetPeak(pid)) {
    for (let i = 0; i < 10; i++) {
      resetPeak(pid);
      const base = memory(pid).rss;
      const r = await sandbox.run(hello);
      peakHeap = Math.max(peakHeap, r.stats.peakHeapBytes);
      worst = Math.max(worst, memory(pid).hwm - Math.min(base, idle));
    }
    emit({ name: 'sandbox.run_peak_rss_above_idle', unit: 'MB', value: worst / 1024 / 1024 });
  }
  emit({ name: 'sandbox.idle_worker_rss', unit: 'MB', value: idle / 1024 / 1024 });
  emit({ name: 'sandbox.run_isolate_heap', unit: 'MB', value: peakHeap / 1024 / 1024 });

  // CPU-bound ML against hand-written JavaScript in the same kind of isolate: isolate CPU time of
  // the algorithm itself (each program minus the print-only program of its language).
  const runs = 21;
  const [emptyMl, emptyJs] = await medianCpuMs(sandbox, [ml(EMPTY_ML), js(EMPTY_JS)], runs);
  emit({ name: 'sandbox.empty_ml_cpu', unit: 'ms', value: emptyMl });
  emit({ name: 'sandbox.empty_js_cpu', unit: 'ms', value: emptyJs });
  const compareCpu = async (name, mlSource, jsCode) => {
    const [mlCpu, jsCpu] = await medianCpuMs(sandbox, [ml(mlSource), js(jsCode)], runs);
    const mlMs = mlCpu - emptyMl;
    const jsMs = jsCpu - emptyJs;
    emit({ name: `sandbox.${name}_ml`, unit: 'ms', value: mlMs });
    emit({ name: `sandbox.${name}_js`, unit: 'ms', value: jsMs });
    emit({ name: `sandbox.${name}_ratio`, unit: 'x', value: mlMs / jsMs });
  };
  for (const [name, [mlSource, jsCode]] of Object.entries(CPU_PROGRAMS)) await compareCpu(name, mlSource, jsCode);
  await sandbox.dispose();
}
