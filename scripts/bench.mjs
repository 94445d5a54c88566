// Runs the benchmark suites in bench/*.bench.mjs and prints one JSON line per metric:
// {"name", "unit", "value"}. Usage: node --no-node-snapshot scripts/bench.mjs [name-filter]
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bench');
const filter = process.argv[2] ?? '';
const suites = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.mjs') && f.includes(filter))
  .sort();
if (suites.length === 0) {
  console.error(`bench: no suite matches '${filter}'`);
  process.exit(2);
}
for (const file of suites) {
  const suite = await import(pathToFileURL(path.join(benchDir, file)).href);
  await suite.run((metric) => {
    const value = Math.round(metric.value * 1000) / 1000;
    process.stdout.write(JSON.stringify({ name: metric.name, unit: metric.unit, value }) + '\n');
  });
}
