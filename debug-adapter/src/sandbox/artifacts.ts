// Where the sandbox's shipped files live: the worker script and the runtime bundle loaded into
// every isolate. Shipped layout (scripts/bundle.mjs): debug-adapter/dist/{cli,worker,runtime}.js,
// so both default to files next to the module that asks. Tests and embedders pass explicit paths.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type IVM from 'isolated-vm';

/** Global function the runtime bundle defines; the lockdown step calls it with the host facade. */
export const RUNTIME_INSTALLER = '__mlsecInstallRuntime';

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
