// Runs the benchmark suites in bench/*.bench.mjs and prints one JSON line per metric:
// {"name", "unit", "value"}. Usage: node --no-node-snapshot scripts/bench.mjs [name-filter]
// (`mlsec bench [filter]` imports runBenchmarks from here, so both print the same lines).
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bench');

/** The suite files in `dir` whose name contains `filter`, sorted. */
export function benchSuites(filter = '', dir = benchDir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.mjs') && f.includes(filter))
    .sort();
}

/**
 * Runs the matching suites of `dir` (default bench/) in order, passing each metric line to `write`.
 * Returns false (running nothing) when no suite matches; `error` receives the message.
 */
export async function runBenchmarks(filter, write, error, dir = benchDir) {
  const suites = benchSuites(filter, dir);
  if (suites.length === 0) {
    error(`bench: no suite matches '${filter}'\n`);
    return false;
  }
  for (const file of suites) {
    const suite = await import(pathToFileURL(path.join(dir, file)).href);
    await suite.run((metric) => {
      const value = Math.round(metric.value * 1000) / 1000;
      write(JSON.stringify({ name: metric.name, unit: metric.unit, value }) + '\n');
    });
  }
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await runBenchmarks(
    process.argv[2] ?? '',
    (line) => process.stdout.write(line),
    (message) => process.stderr.write(message),
  );
  if (!ok) process.exit(2);
}
