// Bundles the shipped entry points with esbuild (tsc -b only type-checks and emits declarations).
// Every entry is listed explicitly: a missing source is a build error, never silently skipped.
import { build } from 'esbuild';
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
  // The mlsec CLI (check, run, transpile, caps, fmt, lsp, dap, bench).
  {
    entryPoints: [r('debug-adapter/src/cli/entry.ts')],
    outfile: r('debug-adapter/dist/cli.js'),
    platform: 'node',
    format: 'esm',
    external: ['isolated-vm'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
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

await Promise.all(entries.map((e) => build({ ...common, ...e })));
