// Entry point of the pure stdlib modules: one factory per module name, and createPureModules() to
// build them all for one run. Host-bridged functions (file, http requests, env, ...) live elsewhere.
import type { MLModule, ModuleContext, ModuleFactory } from './types.js';
import { createArgsModule } from './args.js';
import { createCollectionsModule } from './collections.js';
import { createConsoleModule } from './console.js';
import { createCryptoModule } from './crypto/module.js';
import { createCsvModule } from './csv.js';
import { createDatetimeModule } from './datetime/module.js';
import { createFunctionalModule } from './functional.js';
import { createHttpModule } from './http.js';
import { createJsonModule } from './json/module.js';
import { createLogModule } from './log.js';
import { createMathModule } from './math.js';
import { createPathModule } from './path.js';
import { createRandomModule } from './random/module.js';
import { createRegexModule } from './regex/module.js';

export type { MLModule, ModuleContext, ModuleFactory, OutputStream } from './types.js';

/**
 * Factories by module name. `csv`, `path`, `crypto`, `http`, `log` and `args` hold only their pure
 * members here; the host adds its bridged members (csv.read, path.exists, http.get, ...) on top.
 */
export const PURE_MODULE_FACTORIES: ReadonlyMap<string, ModuleFactory> = new Map<string, ModuleFactory>([
  ['math', createMathModule],
  ['regex', createRegexModule],
  ['json', createJsonModule],
  ['collections', createCollectionsModule],
  ['functional', createFunctionalModule],
  ['datetime', createDatetimeModule],
  ['random', createRandomModule],
  ['console', createConsoleModule],
  ['csv', createCsvModule],
  ['path', createPathModule],
  ['crypto', createCryptoModule],
  ['http', createHttpModule],
  ['log', createLogModule],
  ['args', createArgsModule],
]);

/** Builds every pure module for one run (each call gives fresh module state: seeds, caches, loggers). */
export function createPureModules(ctx: ModuleContext): Map<string, MLModule> {
  const out = new Map<string, MLModule>();
  for (const [name, factory] of PURE_MODULE_FACTORIES) out.set(name, factory(ctx));
  return out;
}

export {
  createArgsModule,
  createCollectionsModule,
  createConsoleModule,
  createCryptoModule,
  createCsvModule,
  createDatetimeModule,
  createFunctionalModule,
  createHttpModule,
  createJsonModule,
  createLogModule,
  createMathModule,
  createPathModule,
  createRandomModule,
  createRegexModule,
};
export { readCsvString, writeCsvString } from './csv.js';
export { joinPath, splitPath, normalizePath, absolutePath, relativePath, extension } from './path.js';
export { sha256, sha1, md5, hmac, utf8, toHex } from './crypto/hashes.js';
export { quote, unquote, quotePlus, decodeUtf8, encodeQuery, parseQuery } from './http.js';
export { jsonParse, jsonStringify } from './json/module.js';
export { printLine } from './console.js';
