// Registry of the stdlib modules implemented inside the isolate (pure modules under modules/), and
// the wrapper that makes each module function check its catalogue capability before running.
import { MLModule, type MLFunction, type Value } from './values.js';
import { raise } from './errors.js';
import type { ModuleContext, ModuleFactory } from './host.js';
import { lookupFunction, type FunctionSpec } from '../stdlib/index.js';

/** Module name → factory, for every module implemented in runtime/modules/. */
const FACTORIES: ReadonlyMap<string, ModuleFactory> = new Map<string, ModuleFactory>([]);

/** Names of the modules this runtime can provide. */
export function registeredModuleNames(): string[] {
  return [...FACTORIES.keys()];
}

/**
 * Instantiates module `name` for one run. Every function member whose catalogue entry requires a
 * target-less capability (`math:compute`) is wrapped so the capability is checked on each call;
 * `specs` records the catalogue identity of each wrapped function for help()/requiredCapabilities().
 */
export function instantiateModule(name: string, ctx: ModuleContext, specs: WeakMap<MLFunction, FunctionSpec>): MLModule {
  const factory = FACTORIES.get(name);
  if (factory === undefined) return raise('ImportError', `No module named '${name}'`);
  const raw = factory(ctx);
  const members = new Map<string, Value>();
  for (const [key, value] of raw.members) {
    if (typeof value !== 'function') {
      members.set(key, value);
      continue;
    }
    const spec = lookupFunction(name, key);
    const caps = spec ? spec.capabilities.filter((c) => c.targetKind === 'none').map((c) => `${c.resource}:${c.operation}`) : [];
    const wrapped = caps.length === 0 ? value : checked(value, caps, ctx);
    if (wrapped !== value) wrapped.mlName = value.mlName ?? key;
    if (spec) specs.set(wrapped, spec);
    members.set(key, wrapped);
  }
  return new MLModule(name, members);
}

function checked(f: MLFunction, caps: readonly string[], ctx: ModuleContext): MLFunction {
  return (...args: Value[]) => {
    for (const c of caps) ctx.requireCapability(c);
    const r = f(...args);
    return r === undefined ? null : r;
  };
}
