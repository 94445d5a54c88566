// Bundles the shipped entry points with esbuild (tsc -b only type-checks and emits declarations).
// Every entry is listed explicitly: a missing source is a build error, never silently skipped.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * Bundles read the grammar from its TypeScript sources: the 'mlsec-source' condition of
 * grammar/package.json's exports (elsewhere Node and TypeScript use its tsc output).
 */
const grammarSource = { conditions: ['mlsec-source'] };

/**
 * Fails the build when the code bundled imports a part of @mlsec/grammar beyond `allowed` (its
 * subpath exports): what a bundle leaves out of the grammar keeps its start-up small.
 */
const grammarOnly = (...allowed) => ({
  name: 'grammar-only',
  setup(b) {
    b.onResolve({ filter: /^@mlsec\/grammar(\/|$)/ }, (args) =>
      allowed.includes(args.path)
        ? undefined
        : { errors: [{ text: `${args.path} is not bundled here (allowed: ${allowed.join(', ')})` }] },
    );
  },
});

const entries = [
  // The sandbox worker process (debug adapter, language tools). It needs only the capability model,
  // the CSV format and the value model's text forms of the grammar (debug-adapter/src/sandbox/README.md);
  // importing more fails this build.
  {
    entryPoints: [r('debug-adapter/src/sandbox/worker.ts')],
    outfile: r('debug-adapter/dist/worker.js'),
    platform: 'node',
    format: 'esm',
    external: ['isolated-vm'],
    ...grammarSource,
    plugins: [
      grammarOnly(
        '@mlsec/grammar/capabilities',
        '@mlsec/grammar/csv',
        '@mlsec/grammar/runtime/text',
        '@mlsec/grammar/runtime/values',
      ),
    ],
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
  // protocol module of @mlsec/grammar (@mlsec/grammar/protocol); importing more fails the build.
  {
    entryPoints: [r('client/src/extension.ts')],
    outfile: r('client/dist/extension.cjs'),
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    ...grammarSource,
    plugins: [grammarOnly('@mlsec/grammar/protocol')],
  },
];

/**
 * Makes an output file pure ASCII. esbuild escapes non-ASCII characters in code but copies comments
 * as they are, and one '→' in a comment makes Node read the whole bundle as a two-byte string: twice
 * the memory and a slower read and compile at every start. Each non-ASCII UTF-16 unit in a comment
 * becomes '?' (columns, and so the source map, stay the same); one outside a comment fails the build.
 */
const NON_ASCII = /[\u0080-\uffff]/;
const asciiOutput = {
  name: 'ascii-output',
  setup(b) {
    b.onEnd((result) => {
      const file = b.initialOptions.outfile;
      if (result.errors.length > 0 || !file) return;
      const text = readFileSync(file, 'utf8');
      if (!NON_ASCII.test(text)) return;
      const lines = text.split('\n');
      for (const [i, line] of lines.entries()) {
        if (!NON_ASCII.test(line)) continue;
        if (!/^\s*(\/\*\*?|\*|\/\/)/.test(line))
          return { errors: [{ text: `${path.basename(file)}:${i + 1}: non-ASCII text outside a comment` }] };
        lines[i] = line.replace(new RegExp(NON_ASCII, 'g'), '?');
      }
      writeFileSync(file, lines.join('\n'));
    });
  },
};

/**
 * Node modules that are slow to load without Node's start-up snapshot and that only some runs use
 * (HTTP, hashing, host lookups, the worker supervisor, the debug adapter's server). An `import {f}
 * from 'node:https'` in our sources gets a stand-in whose functions load the real module on first
 * call. Only function exports exist on the stand-in: importing anything else fails the build.
 */
const LAZY_BUILTINS = /^node:(https|http|crypto|dns\/promises|net|child_process)$/;
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: LAZY_BUILTINS }, (args) =>
      args.kind === 'import-statement' ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const real = createRequire(import.meta.url)(args.path);
      const names = Object.keys(real).filter((k) => typeof real[k] === 'function' && /^[A-Za-z_$][\w$]*$/.test(k));
      const fns = names.map((k) => `export function ${k}(...a) { return load().${k}(...a); }`);
      const contents = `let m;\nconst load = () => (m ??= require(${JSON.stringify(args.path)}));\n${fns.join('\n')}\n`;
      return { contents, loader: 'js' };
    });
  },
};

/**
 * The mlsec CLI (check, run, transpile, caps, fmt, lsp, dap, bench) in three files:
 * dist/cli-main.cjs, one CommonJS bundle of everything; dist/cli.cjs, the small CommonJS launcher
 * that bin/mlsec.js requires (debug-adapter/src/cli/run/launch.ts: one-shot commands compile the
 * main bundle with a V8 code cache); and dist/cli.js, the ES module that `node dist/cli.js` starts,
 * which imports the launcher. CommonJS all the way from bin/mlsec.js keeps Node's ES module loader
 * out of a one-shot command. '@mlsec/grammar' is bundled from its TypeScript sources.
 *
 * cli-main.cjs is one expression, `(select)(function (exports, require, module, __filename,
 * __dirname) {...})`: required by Node (top-level `this` is module.exports), `select` calls the
 * function as a CommonJS module body; compiled as a script by the launcher (`this` is the global
 * object), the file's value is the function itself. So the launcher compiles the file's text as it
 * is, without wrapping it: a wrapped copy would be a second 1.6 MB string on V8's heap, and with the
 * text read as Latin-1 (the bundle is ASCII) Node keeps it outside the heap. Together that keeps a
 * one-shot run under V8's first old-generation limit: no full garbage collection (3-8 ms).
 */
const CLI_MAIN_HEAD =
  '(this === globalThis ? (body) => body : (body) => body(exports, require, module, __filename, __dirname))(' +
  'function (exports, require, module, __filename, __dirname) {';
const cliMain = {
  stdin: {
    contents: "export { main } from './main.js';\nexport { nodeIO } from './node-io.js';\n",
    resolveDir: r('debug-adapter/src/cli'),
    sourcefile: 'cli-main.ts',
    loader: 'ts',
  },
  outfile: r('debug-adapter/dist/cli-main.cjs'),
  platform: 'node',
  format: 'cjs',
  external: ['isolated-vm'],
  ...grammarSource,
  define: { 'import.meta.url': '__mlsecModuleUrl' },
  banner: { js: `${CLI_MAIN_HEAD}var __mlsecModuleUrl = require('node:url').pathToFileURL(__filename).href;` },
  footer: { js: '})' },
  plugins: [lazyBuiltins],
};

const cliLauncher = (mainHash) => ({
  entryPoints: [r('debug-adapter/src/cli/run/launch.ts')],
  outfile: r('debug-adapter/dist/cli.cjs'),
  platform: 'node',
  format: 'cjs',
  external: ['./cli-main.cjs'],
  define: { MLSEC_CLI_MAIN_HASH: JSON.stringify(mainHash), 'import.meta.url': '__mlsecModuleUrl' },
  banner: { js: "var __mlsecModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

const cliModule = {
  stdin: { contents: "import './cli.cjs';\n", sourcefile: 'cli.js', loader: 'js' },
  outfile: r('debug-adapter/dist/cli.js'),
  platform: 'node',
  format: 'esm',
  external: ['./cli.cjs'],
  sourcemap: false,
};

// Code caches of earlier builds, and what earlier layouts of the CLI left (chunks, cli-main.js, the
// map of the ES module launcher).
rmSync(r('debug-adapter/dist/.cache'), { recursive: true, force: true });
mkdirSync(r('debug-adapter/dist'), { recursive: true });
for (const f of readdirSync(r('debug-adapter/dist'), { withFileTypes: true })) {
  if (f.isFile() && /^cli-([A-Z0-9]+|main)\.js(\.map)?$|^cli\.js\.map$/.test(f.name))
    rmSync(r(`debug-adapter/dist/${f.name}`));
}

const built = (options) => build({ ...common, ...options, plugins: [...(options.plugins ?? []), asciiOutput] });
await Promise.all([
  ...entries.map((e) => built(e)),
  built(cliMain).then(() => {
    const hash = createHash('sha256').update(readFileSync(cliMain.outfile)).digest('hex').slice(0, 16);
    return built(cliLauncher(hash));
  }),
  built(cliModule),
]);
