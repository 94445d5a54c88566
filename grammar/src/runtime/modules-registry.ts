// Registry of the stdlib modules implemented inside the isolate (pure modules under modules/), and
// the wrapper that makes each module function check its catalogue capability before running.
import { MLModule, type MLFunction, type Value } from './values.js';
import { raise } from './errors.js';
import type { ModuleContext, ModuleFactory } from './modules/types.js';
import type { RuntimeHost } from './host.js';
import { lookupFunction, type FunctionSpec } from '../stdlib/index.js';
import { createCollectionsModule } from './modules/collections.js';
import { createFunctionalModule } from './modules/functional.js';
import { createJsonModule } from './modules/json/module.js';
import { createMathModule } from './modules/math.js';
import { createRegexModule } from './modules/regex/module.js';

/** Module name → factory, for every module implemented in runtime/modules/. */
const FACTORIES: ReadonlyMap<string, ModuleFactory> = new Map<string, ModuleFactory>([
  ['collections', createCollectionsModule],
  ['functional', createFunctionalModule],
  ['json', createJsonModule],
  ['math', createMathModule],
  ['regex', createRegexModule],
]);

/** The context module factories receive, built from the run's host. */
export function moduleContext(host: RuntimeHost): ModuleContext {
  const ctx: ModuleContext = {
    random: () => host.random(),
    now: () => host.now(),
    write: (stream, text) => host.write(stream, text),
  };
  if (host.cwd) ctx.cwd = () => host.cwd!();
  if (host.argv) ctx.argv = () => host.argv!();
  return Object.freeze(ctx);
}

/** Names of the modules this runtime can provide. */
export function registeredModuleNames(): string[] {
  return [...FACTORIES.keys()];
}

/**
 * Instantiates module `name` for one run. Every function member whose catalogue entry requires a
 * target-less capability (`math:compute`) is wrapped so the capability is checked on each call;
 * `specs` records the catalogue identity of each wrapped function for help()/requiredCapabilities().
 */
export function instantiateModule(
  name: string,
  ctx: ModuleContext,
  requireCapability: (capability: string) => void,
  specs: WeakMap<MLFunction, FunctionSpec>,
): MLModule {
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
    const wrapped = caps.length === 0 ? value : checked(value, caps, requireCapability);
    if (wrapped !== value) wrapped.mlName = value.mlName ?? key;
    if (spec) specs.set(wrapped, spec);
    members.set(key, wrapped);
  }
  return new MLModule(name, members);
}

function checked(f: MLFunction, caps: readonly string[], requireCapability: (capability: string) => void): MLFunction {
  return (...args: Value[]) => {
    for (const c of caps) requireCapability(c);
    const r = f(...args);
    return r === undefined ? null : r;
  };
}
