// Names every program can use without `import`: the builtin functions and the stdlib module names.
// Pure data; must not import the catalogue's heavier parts or do I/O.

/** Builtin functions of STDLIB.md module `builtin`, callable without import. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set([
  'int', 'float', 'str', 'bool', 'typeof', 'isinstance', 'len', 'range', 'enumerate', 'print',
  'input', 'help', 'methods', 'modules', 'available_modules', 'has_module', 'module_info',
  'hasCapability', 'getCapabilities', 'getCapabilityInfo', 'requiredCapabilities', 'hasattr',
  'getattr', 'call', 'abs', 'min', 'max', 'round', 'zip', 'sorted', 'keys', 'values', 'callable',
  'all', 'any', 'sum', 'chr', 'ord', 'hex', 'bin', 'oct', 'repr', 'format', 'reversed', 'iter', 'next',
]);

/** Importable standard-library module names. */
export const STDLIB_MODULE_NAMES: ReadonlySet<string> = new Set([
  'builtin', 'console', 'math', 'regex', 'datetime', 'collections', 'functional', 'json', 'random',
  'file', 'path', 'http', 'crypto', 'csv', 'env', 'args', 'log',
]);
