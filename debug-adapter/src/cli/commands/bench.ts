// `mlsec bench [FILTER]`: the project's performance suite (bench/*.bench.mjs), through the same
// runner as `npm run bench` (scripts/bench.mjs), so both print the same JSON lines. Needs a source
// checkout with `npx tsc -b` done: the suites import the built packages.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { optionsHelp, parseArgs, type ArgSpec } from '../args.js';
import { EXIT, type Command } from '../command.js';
import type { CliIO } from '../io.js';

const spec = {
  options: {},
  positionals: { name: 'FILTER', min: 0, max: 1 },
} as const satisfies ArgSpec;

interface BenchRunner {
  runBenchmarks(filter: string, write: (line: string) => void, error: (message: string) => void): Promise<boolean>;
}

const RUNNER = path.join('scripts', 'bench.mjs');

/** scripts/bench.mjs of the checkout this CLI belongs to (searched upwards from this file). */
export function findBenchRunner(from: string = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from, i = 0; i < 6; i++) {
    const candidate = path.join(dir, RUNNER);
    if (existsSync(candidate) && existsSync(path.join(dir, 'bench'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals } = parseArgs(args, spec);
  const runner = findBenchRunner();
  if (runner === undefined) {
    io.stderr(`mlsec bench: the benchmarks ship only with the source checkout (${RUNNER} not found)\n`);
    return EXIT.usage;
  }
  const bench = (await import(pathToFileURL(runner).href)) as BenchRunner;
  const ok = await bench.runBenchmarks(positionals[0] ?? '', io.stdout, io.stderr);
  return ok ? EXIT.ok : EXIT.usage;
}

export const benchCommand: Command = {
  name: 'bench',
  summary: "run the project's performance suite (JSON lines)",
  usage: `usage: mlsec bench [FILTER]

Runs the benchmark suites bench/*.bench.mjs whose file name contains FILTER (all by default) and
prints one JSON line per metric: {"name", "unit", "value"} — the same as \`npm run bench\`. Needs
the source checkout, built with \`npx tsc -b\`.

options:
${optionsHelp(spec)}
`,
  run,
};
