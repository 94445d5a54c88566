// Names every program can use without `import`: the builtin functions and the stdlib module names,
// derived from the catalogue so they can never drift from it. No I/O.
import { BUILTIN_MODULE } from './catalogue-builtin.js';
import { STDLIB_MODULES } from './catalogue.js';

/** Builtin functions of STDLIB.md module `builtin`, callable without import. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set(BUILTIN_MODULE.functions.map((f) => f.name));

/** Importable standard-library module names. */
export const STDLIB_MODULE_NAMES: ReadonlySet<string> = new Set(STDLIB_MODULES.map((m) => m.name));
