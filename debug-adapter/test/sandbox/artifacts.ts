// Builds the sandbox worker (and the runtime bundle, once the runtime entry exists) with esbuild
// for tests, into debug-adapter/out/test-sandbox/ (inside the repo, so the bundled worker resolves
// isolated-vm from the workspace's node_modules). Written atomically: parallel test files may race.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
const outDir = path.join(repoRoot, 'debug-adapter/out/test-sandbox');
const runtimeEntry = path.join(repoRoot, 'grammar/src/runtime/isolate-entry.ts');

export interface TestArtifacts {
  workerPath: string;
  /** null until grammar/src/runtime/isolate-entry.ts exists. */
  runtimePath: string | null;
}

async function bundle(entry: string, name: string, options: Parameters<typeof build>[0]): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    logLevel: 'silent',
    target: 'node20',
    ...options,
  });
  const text = result.outputFiles![0]!.text;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}-${hash}.${options.format === 'esm' ? 'mjs' : 'js'}`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  return file;
}

let cached: Promise<TestArtifacts> | null = null;

/** Builds once per test process. */
export function buildTestArtifacts(): Promise<TestArtifacts> {
  cached ??= (async () => {
    const workerPath = await bundle(path.join(repoRoot, 'debug-adapter/src/sandbox/worker.ts'), 'worker', {
      platform: 'node',
      format: 'esm',
      external: ['isolated-vm'],
      // The grammar's subpaths from its TypeScript sources, as scripts/bundle.mjs builds the worker.
      conditions: ['mlsec-source'],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    const runtimePath = existsSync(runtimeEntry)
      ? await bundle(runtimeEntry, 'runtime', { platform: 'neutral', format: 'iife' })
      : null;
    return { workerPath, runtimePath };
  })();
  return cached;
}
