// Loads the CLI's CommonJS bundle (dist/cli-main.cjs) with a V8 code cache in dist/.cache/ (only who
// can change the bundle can change it): later processes skip most compiling. A missing or rejected
// cache costs speed, never behaviour. Code loaded this way cannot use import() on Node 20.
import { createRequire } from 'node:module';
import type * as Fs from 'node:fs';
import type * as Path from 'node:path';
import type * as Url from 'node:url';
import type * as Vm from 'node:vm';

// Required rather than imported: an ESM import of node:fs builds its full export facade, which
// loads the stream modules at start-up.
const require = createRequire(import.meta.url);
const fs = require('node:fs') as typeof Fs;
const path = require('node:path') as typeof Path;
const vm = require('node:vm') as typeof Vm;
const url = require('node:url') as typeof Url;

/**
 * The cache file for `file` and one use of it (`variant`: a cache holds the functions that ran, so
 * each command keeps its own). Named after the bundle's build hash, size, time of change and the
 * Node version, so a rebuilt or replaced bundle never meets an old cache (V8 itself only checks
 * the source length, its version and flags).
 */
function cacheFile(file: string, buildHash: string, variant: string): string | null {
  try {
    const stat = fs.statSync(file);
    const key = `${buildHash}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${process.version}-${process.arch}`;
    return path.join(path.dirname(file), '.cache', `${path.basename(file)}-${variant}-${key}.v8`);
  } catch {
    return null;
  }
}

function writeAtomically(target: string, data: Buffer): void {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch {
    // A read-only installation runs without a cache.
  }
}

/**
 * Evaluates the CommonJS bundle at `fileUrl` and returns its exports. The bundle is an ASCII file
 * whose value, evaluated as a script, is its module function (scripts/bundle.mjs, cliMain): its
 * text is compiled as it is, read as Latin-1 so that Node keeps a large one outside V8's heap. When
 * no usable cache exists for `variant` (a word), one is written at process exit, after the command
 * ran, so it also holds the functions compiled while running.
 */
export function loadCommonJs(fileUrl: URL, buildHash: string, variant: string): unknown {
  const file = url.fileURLToPath(fileUrl);
  const source = fs.readFileSync(file, 'latin1');
  const cache = /^[a-z]+$/.test(variant) ? cacheFile(file, buildHash, variant) : null;
  let cachedData: Buffer | undefined;
  if (cache !== null) {
    try {
      cachedData = fs.readFileSync(cache);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(source, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  if (cache !== null && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once('exit', () => writeAtomically(cache, script.createCachedData()));
  }
  const module = { exports: {} as unknown };
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn(module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}
