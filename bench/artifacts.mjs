// The shipped sandbox bundles (debug-adapter/dist, built by `npm run build` / scripts/bundle.mjs)
// that the sandbox and debugger benchmarks run: they measure what users run, built once.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Paths of the worker, runtime and debug-agent bundles; a clear error when the build is missing. */
export function builtArtifacts() {
  const dist = (name) => path.join(root, 'debug-adapter/dist', name);
  const artifacts = {
    workerPath: dist('worker.js'),
    runtimePath: dist('runtime.js'),
    agentPath: dist('debug-agent.js'),
  };
  const missing = Object.values(artifacts).filter((p) => !existsSync(p));
  if (missing.length > 0) throw new Error(`bench: run \`npm run build\` first (missing ${missing.join(', ')})`);
  return artifacts;
}
