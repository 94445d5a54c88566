// Where the sandbox's shipped files live: the worker script and the runtime bundle loaded into
// every isolate. Shipped layout (scripts/bundle.mjs): debug-adapter/dist/{cli,worker,runtime}.js,
// so both default to files next to the module that asks. Tests and embedders pass explicit paths.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type IVM from 'isolated-vm';

/** Global the runtime bundle (grammar/src/runtime/isolate-entry.ts) installs: `createRuntime(host)`. */
export const RUNTIME_GLOBAL = '__mlsecRuntime';

/** dist/worker.js when this code is bundled into dist/cli.js (or the tsc out/ layout's sibling). */
export function defaultWorkerPath(): string {
  return fileURLToPath(new URL('./worker.js', import.meta.url));
}

/** dist/runtime.js next to the bundled worker or CLI. */
export function defaultRuntimePath(): string {
  return fileURLToPath(new URL('./runtime.js', import.meta.url));
}

/** Loads isolated-vm lazily, so processes that only supervise a worker never load the addon. */
export function loadIsolatedVm(): typeof IVM {
  const require = createRequire(import.meta.url);
  return require('isolated-vm') as typeof IVM;
}

/** True when this process can host isolates (Node 20 needs --no-node-snapshot for isolated-vm). */
export function processCanHostIsolates(): boolean {
  const flags = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)];
  return flags.includes('--no-node-snapshot');
}

/**
 * The sandbox's own files, which no grant reaches unless it names them literally: the folders of
 * the worker (or this module), the runtime bundle and the isolated-vm addon.
 */
export function sandboxInternalRoots(files: readonly (string | null)[]): string[] {
  const roots = new Set<string>();
  const add = (file: string): void => {
    try {
      roots.add(path.dirname(realpathSync(file)));
    } catch {
      roots.add(path.dirname(path.resolve(file)));
    }
  };
  for (const f of files) if (f) add(f);
  add(fileURLToPath(import.meta.url));
  try {
    add(createRequire(import.meta.url).resolve('isolated-vm/package.json'));
  } catch {
    // Without the addon there is no sandbox to protect; the engine reports that separately.
  }
  return [...roots];
}
