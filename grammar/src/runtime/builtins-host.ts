// Builtins that need the run's context: output and input (through the host), capability queries,
// and introspection over the stdlib catalogue (help, methods, modules, module_info, hasattr, getattr).
import { MLModule, MLNative, MLObject, MLTuple, type MLFunction, type Value } from './values.js';
import { raise } from './errors.js';
import { arity, argString } from './args.js';
import { toStr } from './text.js';
import { isForbiddenName, lookupMember } from './access.js';
import { STRING_METHODS } from './string-methods.js';
import { ARRAY_METHODS, TUPLE_METHODS } from './array-methods.js';
import type { RuntimeHost } from './host.js';
import type { Builtin } from './builtins-values.js';
import { STDLIB_MODULES, lookupFunction, lookupModule, type FunctionSpec } from '../stdlib/index.js';

/** What the host-dependent builtins need from the runtime instance. */
export interface BuiltinContext {
  host: RuntimeHost;
  /** Enforced check of `capability` for builtin `fn` (audited at the ML call site). */
  requireCapability(capability: string, fn: string): void;
  /** Catalogue identity of a stdlib or builtin function value, if it is one. */
  functionSpec(f: MLFunction): FunctionSpec | undefined;
  /** Names of user modules known to this run. */
  userModules(): string[];
}

function signature(spec: FunctionSpec): string {
  const params = spec.params.map(
    (p) =>
      (p.variadic === 'positional' ? '*' : p.variadic === 'keyword' ? '**' : '') +
      p.name +
      (p.default !== undefined ? `=${p.default}` : ''),
  );
  return `${spec.module === 'builtin' ? '' : spec.module + '.'}${spec.name}(${params.join(', ')})`;
}

function capabilityLine(spec: FunctionSpec): string {
  const caps = spec.capabilities.map((c) => c.text);
  return caps.length > 0 ? `Requires: ${caps.join(', ')}` : 'Capabilities: None required';
}

function moduleHelp(name: string): string | undefined {
  const m = lookupModule(name);
  if (!m) return undefined;
  return `Module ${m.name}: ${m.description}\nFunctions: ${m.functions.map((f) => f.name).join(', ')}`;
}

function methodNames(v: Value): string[] {
  const names = (table: object): string[] => Object.keys(table).filter((k) => !k.startsWith('_'));
  if (typeof v === 'string') return names(STRING_METHODS).sort();
  if (Array.isArray(v)) return names(ARRAY_METHODS).sort();
  if (v instanceof MLTuple) return names(TUPLE_METHODS).sort();
  if (v instanceof MLNative) return names(v.methods).sort();
  if (v instanceof MLModule)
    return [...v.members]
      .filter(([, m]) => typeof m === 'function')
      .map(([k]) => k)
      .sort();
  if (v instanceof MLObject) return [...v.map].filter(([, m]) => typeof m === 'function').map(([k]) => k);
  return [];
}

/** Names hasattr/getattr never find, even as keys of an ML object (STDLIB.md). */
function hiddenName(name: string): boolean {
  return name.startsWith('_') || isForbiddenName(name);
}

function capabilityInfo(cap: string): Value {
  const parts = cap.split(':');
  return new MLObject([
    ['capability', cap],
    ['resource', parts[0] ?? ''],
    ['operation', parts[1] ?? '*'],
    ['target', parts.length > 2 ? parts.slice(2).join(':') : null],
    ['granted', true],
  ]);
}

/** Builtins bound to one run's context. */
export function hostBuiltins(ctx: BuiltinContext): Record<string, Builtin> {
  const { host } = ctx;
  const stdlibNames = STDLIB_MODULES.map((m) => m.name).filter((n) => n !== 'builtin');
  return {
    print: (...a) => {
      host.write('stdout', a.map(toStr).join(' ') + '\n');
      return null;
    },
    input: (...a) => {
      arity('input', a, 0, 1);
      ctx.requireCapability('console:read', 'input');
      if (a[0] !== undefined && a[0] !== null) host.write('stdout', toStr(a[0]));
      const line = host.readLine();
      return line === null ? raise('EOFError', 'EOF when reading a line') : line;
    },
    hasCapability: (...a) => (arity('hasCapability', a, 1, 1), host.queryCapability(argString(a[0], 'hasCapability'))),
    getCapabilities: (...a) => (arity('getCapabilities', a, 0, 0), host.listCapabilities().slice()),
    getCapabilityInfo: (...a) => {
      arity('getCapabilityInfo', a, 1, 1);
      const cap = argString(a[0], 'getCapabilityInfo');
      return host.queryCapability(cap) ? capabilityInfo(cap) : null;
    },
    requiredCapabilities: (...a) => {
      arity('requiredCapabilities', a, 1, 1);
      const f = a[0]!;
      const spec = typeof f === 'function' ? ctx.functionSpec(f) : undefined;
      return spec ? spec.capabilities.map((c) => c.text) : [];
    },
    help: (...a) => {
      arity('help', a, 1, 1);
      const t = a[0]!;
      if (typeof t === 'function') {
        const spec = ctx.functionSpec(t);
        if (spec) return `${signature(spec)}: ${spec.description}\n${capabilityLine(spec)}`;
        return `User-defined function ${toStr(t)}\nCapabilities: None required`;
      }
      if (t instanceof MLModule) return moduleHelp(t.name) ?? `Module ${t.name}`;
      if (typeof t === 'string') {
        const [mod, fn] = t.includes('.') ? t.split('.', 2) : ['builtin', t];
        const spec = lookupFunction(mod!, fn!);
        if (spec) return `${signature(spec)}: ${spec.description}\n${capabilityLine(spec)}`;
        const m = moduleHelp(t);
        if (m) return m;
        return `No help available for ${t}`;
      }
      return `No help available for ${toStr(t)}`;
    },
    methods: (...a) => (arity('methods', a, 1, 1), methodNames(a[0]!)),
    modules: (...a) => (arity('modules', a, 0, 0), stdlibNames.slice()),
    available_modules: (...a) => {
      arity('available_modules', a, 0, 1);
      const kind = a[0] === undefined || a[0] === null ? null : argString(a[0], 'available_modules');
      if (kind === 'user') return ctx.userModules();
      if (kind === 'stdlib') return stdlibNames.slice();
      return [...stdlibNames, ...ctx.userModules()];
    },
    has_module: (...a) => {
      arity('has_module', a, 1, 1);
      const name = argString(a[0], 'has_module');
      return stdlibNames.includes(name) || ctx.userModules().includes(name);
    },
    module_info: (...a) => {
      arity('module_info', a, 1, 1);
      const m = lookupModule(argString(a[0], 'module_info'));
      if (!m || m.name === 'builtin') return null;
      return new MLObject([
        ['name', m.name],
        ['description', m.description],
        ['functions', m.functions.map((f) => f.name)],
        ['classes', m.classes.map((c) => c.name)],
      ]);
    },
    hasattr: (...a) => {
      arity('hasattr', a, 2, 2);
      const name = argString(a[1], 'hasattr');
      return !hiddenName(name) && lookupMember(a[0]!, name) !== undefined;
    },
    getattr: (...a) => {
      arity('getattr', a, 2, 3);
      const name = argString(a[1], 'getattr');
      const v = hiddenName(name) ? undefined : lookupMember(a[0]!, name);
      return v !== undefined ? v : (a[2] ?? null);
    },
  };
}
