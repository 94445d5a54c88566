// Bundles the shipped entry points with esbuild (tsc -b only type-checks and emits declarations).
// Every entry is listed explicitly: a missing source is a build error, never silently skipped.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = (p) => path.join(root, p);
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  target: 'node20',
  legalComments: 'none',
};

const entries = [
  // The mlsec CLI (check, run, transpile, caps, fmt, lsp, dap, bench). '@mlsec/grammar' is bundled
  // from its TypeScript sources (same code as grammar/out, no dependence on a stale tsc output).
  {
    entryPoints: { cli: r('debug-adapter/src/cli/entry.ts') },
    outdir: r('debug-adapter/dist'),
    splitting: true,
    chunkNames: 'cli-[hash]',
    platform: 'node',
    format: 'esm',
    external: ['isolated-vm'],
    alias: { '@mlsec/grammar': r('grammar/src/index.ts') },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  },
  // The sandbox worker process (debug adapter, language tools). It needs only the capability model
  // of the grammar (debug-adapter/src/sandbox/README.md); importing more fails this build.
  {
    entryPoints: [r('debug-adapter/src/sandbox/worker.ts')],
    outfile: r('debug-adapter/dist/worker.js'),
    platform: 'node',
    format: 'esm',
    external: ['isolated-vm'],
    alias: { '@mlsec/grammar': r('grammar/src/capabilities/index.ts') },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  },
  // The ML runtime evaluated in every isolate (installs globalThis.__mlsecRuntime; no Node APIs).
  {
    entryPoints: [r('grammar/src/runtime/isolate-entry.ts')],
    outfile: r('debug-adapter/dist/runtime.js'),
    platform: 'neutral',
    format: 'iife',
    sourcemap: false,
  },
  // The debug agent: evaluated inside each debug run's isolate (an IIFE assigning one local name;
  // no Node APIs). `mlsec dap` reads it from beside cli.js.
  {
    entryPoints: [r('debug-adapter/src/debug/agent/index.ts')],
    outfile: r('debug-adapter/dist/debug-agent.js'),
    platform: 'neutral',
    format: 'iife',
    globalName: '__mlsecDebugAgent',
    sourcemap: false,
  },
  // The language server (started by the VS Code client, `mlsec lsp` and other editors).
  {
    entryPoints: [r('server/src/main.ts')],
    outfile: r('server/dist/server.js'),
    platform: 'node',
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  },
  // The VS Code extension. CommonJS for the extension host's require(); `.cjs` because the root
  // package.json (the extension manifest) says "type": "module". The client uses only the shared
  // protocol module of @mlsec/grammar, so only that is bundled (importing more fails the build).
  {
    entryPoints: [r('client/src/extension.ts')],
    outfile: r('client/dist/extension.cjs'),
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    alias: { '@mlsec/grammar': r('grammar/src/protocol/index.ts') },
  },
];

const results = await Promise.all(entries.map((e) => build({ ...common, ...e, metafile: true })));

// The CLI is split into chunks (commands load their code on demand); chunks of earlier builds carry
// other content hashes and are removed once the new ones are written.
const written = new Set(results.flatMap((x) => Object.keys(x.metafile.outputs)).map((f) => path.resolve(f)));
for (const f of readdirSync(r('debug-adapter/dist'))) {
  if (/^cli-[A-Z0-9]+\.js(\.map)?$/.test(f) && !written.has(r(`debug-adapter/dist/${f}`))) rmSync(r(`debug-adapter/dist/${f}`));
}
