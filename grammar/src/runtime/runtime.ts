// createRuntime(host): one run's ML runtime — the flat, frozen object transpiled code receives as
// `$rt`. Holds the builtins bound to the host, stdlib module instances, user-module units, and
// run(). Pure JavaScript once bundled: no Node APIs, no eval, no I/O except through `host`.
import { MLError, MLModule, type ErrorKind, type MLFunction, type Value } from './values.js';
import { raise, toMLError } from './errors.js';
import type { RuntimeHost } from './host.js';
import { VALUE_BUILTINS, type Builtin } from './builtins-values.js';
import { SEQUENCE_BUILTINS, rangeBounds } from './builtins-sequences.js';
import { hostBuiltins } from './builtins-host.js';
import { instantiateModule, moduleContext } from './modules-registry.js';
import { callState, recursionError, MAX_DEPTH } from './call.js';
import { add, sub, mul, div, floordiv, mod, neg } from './arith.js';
import { eq, ne, lt, le, gt, ge } from './operators.js';
import * as floatOps from './float-ops.js';
import { truthy } from './compare.js';
import { callMethod, callMethod1, getIndex, getMember, getSlice, setIndex, setMember } from './access.js';
import { iterate, iterMore, iterStart } from './iterate.js';
import * as support from './program-support.js';
import { SiteRegistry } from './sites.js';
import { lookupBuiltin, type FunctionSpec } from '../stdlib/index.js';

/** A transpiled file: called with the runtime, runs the file's top level, returns its module. */
export type UnitFunction = (rt: Runtime) => MLModule;

export interface RunError {
  kind: ErrorKind;
  message: string;
  /** Innermost ML location (1-based line and column); empty file when unknown. */
  file: string;
  line: number;
  column: number;
  mlStack: MLError['mlStack'];
}

export interface RunResult {
  ok: boolean;
  error?: RunError;
}

function makeRuntimeObject(host: RuntimeHost) {
  const specs = new WeakMap<MLFunction, FunctionSpec>();
  const modules = new Map<string, MLModule>();
  const units = new Map<string, UnitFunction>();
  const userModules = new Map<string, MLModule | 'loading'>();

  const sites = new SiteRegistry();
  /** Enforced check of `capability` for stdlib function `fn`, at the ML call that reached it. */
  const requireCapability = (capability: string, fn?: string): void => {
    if (!host.checkCapability(capability, sites.current(fn)))
      raise('CapabilityError', `capability '${capability}' is not granted to this run`);
  };
  const modCtx = moduleContext(host);

  const table: Record<string, Builtin> = {
    ...VALUE_BUILTINS,
    ...SEQUENCE_BUILTINS,
    ...hostBuiltins({
      host,
      requireCapability,
      functionSpec: (f) => specs.get(f),
      userModules: () => [...units.keys()],
    }),
  };
  const builtins: Record<string, MLFunction> = Object.create(null) as Record<string, MLFunction>;
  for (const [name, f] of Object.entries(table)) {
    const fn: MLFunction = f;
    if (fn.mlName === undefined) fn.mlName = name;
    const spec = lookupBuiltin(name);
    if (spec) specs.set(fn, spec);
    builtins[name] = fn;
  }
  Object.freeze(builtins);

  const rt = {
    // Operators and value access.
    add,
    sub,
    mul,
    div,
    floordiv,
    mod,
    neg,
    eq,
    ne,
    lt,
    le,
    gt,
    ge,
    truthy,
    getMember,
    setMember,
    getIndex,
    setIndex,
    getSlice,
    callMethod,
    callMethod1,
    iterate,
    iterStart,
    iterMore,
    rangeBounds,
    // What inline fast paths in transpiled code call.
    isArray: Array.isArray,
    floor: Math.floor,
    // What float code (unboxed doubles) calls.
    ...floatOps,
    // Program support.
    ...support,
    /** Registers a unit's position table (it gets the unit's range of call-site ids). */
    positions: (file: string, data: readonly number[]) => sites.positions(file, data),
    callState,
    maxDepth: MAX_DEPTH,
    recursionError,
    builtins,

    /** `import name;` of a stdlib module (one instance per run). */
    module(name: string): MLModule {
      let m = modules.get(name);
      if (m === undefined) {
        m =
          name === 'builtin'
            ? new MLModule('builtin', new Map(Object.entries(builtins)))
            : instantiateModule(name, host, modCtx, { enforce: requireCapability, site: () => sites.current() }, specs);
        modules.set(name, m);
      }
      return m;
    },

    /** Makes user module `name` (dotted) importable; its unit runs on first import. */
    defineUserModule(name: string, unit: UnitFunction): void {
      units.set(name, unit);
    },

    /** `import a.b;` of a user module: runs its unit once and returns its module object. */
    importUser(name: string): MLModule {
      const done = userModules.get(name);
      if (done === 'loading')
        return raise('ImportError', `cannot import module '${name}' while it is being imported (circular import)`);
      if (done !== undefined) return done;
      const unit = units.get(name);
      if (unit === undefined) return raise('ImportError', `No module named '${name}'`);
      userModules.set(name, 'loading');
      try {
        const m = unit(runtime);
        userModules.set(name, m);
        return m;
      } catch (e) {
        userModules.delete(name);
        throw e;
      }
    },

    /** The module object of a unit: its top-level names that hold values. */
    exports(name: string, entries: [string, Value | undefined][]): MLModule {
      const members = new Map<string, Value>();
      for (const [k, v] of entries) if (v !== undefined) members.set(k, v);
      return new MLModule(name, members);
    },

    /** Runs a program's main unit; errors become data. Output went to the host as it ran. */
    run(unit: UnitFunction): RunResult {
      callState.depth = 0;
      callState.site = -1;
      try {
        unit(runtime);
        return { ok: true };
      } catch (e) {
        return { ok: false, error: describeError(toMLError(e)) };
      }
    },
  };
  const runtime = Object.freeze(rt);
  return runtime;
}

export type Runtime = ReturnType<typeof makeRuntimeObject>;

/** One run's runtime bound to `host`. */
export function createRuntime(host: RuntimeHost): Runtime {
  return makeRuntimeObject(host);
}

/** The location and stack of an uncaught error, for the run result. */
export function describeError(err: MLError): RunError {
  const top = err.mlStack[0];
  return {
    kind: err.kind,
    message: err.message,
    file: top?.file ?? '',
    line: top?.line ?? 0,
    column: top?.column ?? 0,
    mlStack: err.mlStack.slice(),
  };
}
