// The stdlib catalogue: every module of STDLIB.md assembled from the per-module tables, with the
// lookup API the analyzer, bridges and language server use. Read-only data; no I/O.
import { BUILTIN_MODULE, VALUE_TYPES } from './catalogue-builtin.js';
import { COLLECTIONS_MODULE, FUNCTIONAL_MODULE } from './catalogue-collections.js';
import { CRYPTO_MODULE, JSON_MODULE, RANDOM_MODULE } from './catalogue-data.js';
import { DATETIME_MODULE } from './catalogue-datetime.js';
import { CSV_MODULE, FILE_MODULE, PATH_MODULE } from './catalogue-files.js';
import { ARGS_MODULE, ENV_MODULE, HTTP_MODULE, LOG_MODULE } from './catalogue-system.js';
import { CONSOLE_MODULE, MATH_MODULE, REGEX_MODULE } from './catalogue-text.js';
import type { CapabilityTemplate, ClassSpec, ConstantSpec, FunctionSpec, MethodSpec, ModuleSpec } from './types.js';

/** All stdlib modules in STDLIB.md order (`builtin` first). */
export const STDLIB_MODULES: readonly ModuleSpec[] = [
  BUILTIN_MODULE,
  CONSOLE_MODULE,
  MATH_MODULE,
  REGEX_MODULE,
  DATETIME_MODULE,
  COLLECTIONS_MODULE,
  FUNCTIONAL_MODULE,
  JSON_MODULE,
  RANDOM_MODULE,
  FILE_MODULE,
  PATH_MODULE,
  HTTP_MODULE,
  CRYPTO_MODULE,
  CSV_MODULE,
  ENV_MODULE,
  ARGS_MODULE,
  LOG_MODULE,
];

/** Built-in value types (string, array, object, pair) with their methods and `length`. */
export const BUILTIN_VALUE_TYPES: readonly ClassSpec[] = VALUE_TYPES;

// Lookup tables, each built on its first use: a one-shot run looks up a few builtins and names.
let modulesByName: Map<string, ModuleSpec> | undefined;
const functionsByModule = new Map<string, Map<string, FunctionSpec>>();
const constantsByModule = new Map<string, Map<string, ConstantSpec>>();
let classesByName: Map<string, ClassSpec> | undefined;
const methodsByClass = new Map<string, Map<string, MethodSpec>>();

function modules(): Map<string, ModuleSpec> {
  return (modulesByName ??= new Map(STDLIB_MODULES.map((m) => [m.name, m])));
}

function classes(): Map<string, ClassSpec> {
  if (classesByName === undefined) {
    classesByName = new Map();
    for (const mod of STDLIB_MODULES) for (const c of mod.classes) classesByName.set(c.name, c);
    for (const c of BUILTIN_VALUE_TYPES) classesByName.set(c.name, c);
  }
  return classesByName;
}

/** `table`'s index of `key`, made from `list()` on first use (undefined when `list()` is). */
function indexed<T extends { name: string }>(
  table: Map<string, Map<string, T>>,
  key: string,
  list: () => readonly T[] | undefined,
): Map<string, T> | undefined {
  let index = table.get(key);
  if (index === undefined) {
    const items = list();
    if (items === undefined) return undefined;
    index = new Map(items.map((item) => [item.name, item]));
    table.set(key, index);
  }
  return index;
}

export function lookupModule(name: string): ModuleSpec | undefined {
  return modules().get(name);
}

export function lookupFunction(module: string, name: string): FunctionSpec | undefined {
  return indexed(functionsByModule, module, () => modules().get(module)?.functions)?.get(name);
}

/** A builtin function callable without import (`print`, `len`, ...). */
export function lookupBuiltin(name: string): FunctionSpec | undefined {
  return lookupFunction('builtin', name);
}

export function lookupConstant(module: string, name: string): ConstantSpec | undefined {
  return indexed(constantsByModule, module, () => modules().get(module)?.constants)?.get(name);
}

/** A stdlib class (`Pattern`, `DateTimeObject`, ...) or built-in value type (`string`, `array`, ...). */
export function lookupClass(name: string): ClassSpec | undefined {
  return classes().get(name);
}

/** Methods of a class or value type; undefined when the class is unknown. */
export function classMethods(className: string): readonly MethodSpec[] | undefined {
  return classes().get(className)?.methods;
}

export function lookupMethod(className: string, name: string): MethodSpec | undefined {
  return indexed(methodsByClass, className, () => classes().get(className)?.methods)?.get(name);
}

/** The capability templates a module function needs ([] when pure); undefined when unknown. */
export function requiredCapabilityTemplates(module: string, fn: string): readonly CapabilityTemplate[] | undefined {
  return lookupFunction(module, fn)?.capabilities;
}

/** Member names reachable as `module.name`: functions and constants, in catalogue order. */
export function moduleMemberNames(module: string): readonly string[] {
  const spec = modules().get(module);
  if (spec === undefined) return [];
  return [...spec.functions.map((f) => f.name), ...spec.constants.map((c) => c.name)];
}
