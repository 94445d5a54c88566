// Whole-process CLI start-up (SANDBOX.md "Performance obligations": `mlsec run hello.ml` at most
// 1.6× `node --no-node-snapshot -e 0`): both started 20 times, interleaved, medians and their ratio;
// `mlsec check` on the same file for comparison. Needs the built CLI (`npm run build`).
// Run: node scripts/bench.mjs cli
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mlsec = path.join(root, 'debug-adapter', 'bin', 'mlsec.js');
const ROUNDS = 20;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeOnce(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return performance.now() - start;
}

export async function run(emit) {
  if (!existsSync(path.join(root, 'debug-adapter', 'dist', 'cli.js')))
    throw new Error('cli bench: run `npm run build` first');
  const commands = {
    node: ['--no-node-snapshot', '-e', '0'],
    run: ['--no-node-snapshot', mlsec, 'run', 'examples/hello.ml'],
    check: ['--no-node-snapshot', mlsec, 'check', 'examples/hello.ml'],
  };
  // One untimed round: the first CLI start after a build writes its code cache.
  for (const args of Object.values(commands)) timeOnce(args);
  const times = { node: [], run: [], check: [] };
  for (let i = 0; i < ROUNDS; i++)
    for (const [name, args] of Object.entries(commands)) times[name].push(timeOnce(args));
  const node = median(times.node);
  emit({ name: 'cli.node_no_snapshot.p50', unit: 'ms', value: node });
  emit({ name: 'cli.run_hello.p50', unit: 'ms', value: median(times.run) });
  emit({ name: 'cli.run_hello.ratio_to_node', unit: 'ratio', value: median(times.run) / node });
  emit({ name: 'cli.check_hello.p50', unit: 'ms', value: median(times.check) });
}
