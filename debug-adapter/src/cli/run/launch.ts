// Entry of the CLI (dist/cli.cjs, which bin/mlsec.js requires and dist/cli.js imports): loads the
// main bundle dist/cli-main.cjs and runs the command. One-shot commands start from a V8 code cache;
// the others go through Node's module loader, which their import() of other bundles needs.
// CommonJS so that `mlsec` starts without Node's ES module loader (a few milliseconds).
import { loadCommonJs } from './code-cache.js';

/** Content hash of dist/cli-main.cjs, set by scripts/bundle.mjs. */
declare const MLSEC_CLI_MAIN_HASH: string;

interface CliMain {
  main(argv: readonly string[], io: unknown): Promise<number>;
  nodeIO(): unknown;
}

/**
 * Invocations that finish quickly and never import() an ES module, by first argument, with the
 * name of their code cache (each keeps the functions it runs).
 */
const CACHED = new Map([
  ['run', 'run'],
  ['check', 'check'],
  ['caps', 'caps'],
  ['fmt', 'fmt'],
  ['transpile', 'transpile'],
  ['--version', 'help'],
  ['-V', 'help'],
  ['--help', 'help'],
  ['-h', 'help'],
  ['help', 'help'],
]);

const argv = process.argv.slice(2);
const cache = CACHED.get(argv[0] ?? '--help');
const loaded: Promise<CliMain> =
  cache !== undefined
    ? Promise.resolve(loadCommonJs(new URL('./cli-main.cjs', import.meta.url), MLSEC_CLI_MAIN_HASH, cache) as CliMain)
    : // @ts-expect-error -- dist/cli-main.cjs exists only beside the built launcher
      (import('./cli-main.cjs') as Promise<{ default: CliMain }>).then((m) => m.default);
void loaded
  .then((cli) => cli.main(argv, cli.nodeIO()))
  .then((code) => {
    process.exitCode = code;
  });
