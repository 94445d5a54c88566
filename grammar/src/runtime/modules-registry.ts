// Registry of stdlib modules: the ones implemented inside the isolate (modules/), completed from the
// catalogue with host-bridged functions, each wrapped to check its target-less capability per call.
import { MLModule, type MLFunction, type Value } from './values.js';
import { raise } from './errors.js';
import type { ModuleContext, ModuleFactory } from './modules/types.js';
import type { HostCallSite, RuntimeHost } from './host.js';
import { lookupFunction, lookupModule, type FunctionSpec } from '../stdlib/index.js';
import { bridgedFunction } from './bridge.js';
import { createArgsModule } from './modules/args.js';
import { createCollectionsModule } from './modules/collections.js';
import { createConsoleModule } from './modules/console.js';
import { createCryptoModule } from './modules/crypto/module.js';
import { createLogModule } from './modules/log.js';
import { createRandomModule } from './modules/random/module.js';
import { createCsvModule } from './modules/csv.js';
import { createDatetimeModule } from './modules/datetime/module.js';
import { createPathModule } from './modules/path.js';
import { createFunctionalModule } from './modules/functional.js';
import { createJsonModule } from './modules/json/module.js';
import { createMathModule } from './modules/math.js';
import { createRegexModule } from './modules/regex/module.js';

/** Module name → factory, for every module implemented in runtime/modules/. */
const FACTORIES: ReadonlyMap<string, ModuleFactory> = new Map<string, ModuleFactory>([
  ['args', createArgsModule],
  ['collections', createCollectionsModule],
  ['console', createConsoleModule],
  ['crypto', createCryptoModule],
  ['log', createLogModule],
  ['random', createRandomModule],
  ['csv', createCsvModule],
  ['datetime', createDatetimeModule],
  ['path', createPathModule],
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

/** Names of the modules implemented inside the runtime (others are provided through the host bridge). */
export function registeredModuleNames(): string[] {
  return [...FACTORIES.keys()];
}

/** How modules check capabilities: an enforced check naming the stdlib function, and the call site. */
export interface CapabilityChecks {
  enforce(capability: string, fn: string): void;
  site(): HostCallSite | undefined;
}

/**
 * Instantiates module `name` for one run. Every function member implemented here whose catalogue
 * entry requires a target-less capability (`math:compute`) is wrapped so the capability is checked
 * on each call; host functions check all theirs on the host (one audit event per check). `specs`
 * records the catalogue identity of each function for help()/requiredCapabilities().
 */
export function instantiateModule(
  name: string,
  host: RuntimeHost,
  ctx: ModuleContext,
  checks: CapabilityChecks,
  specs: WeakMap<MLFunction, FunctionSpec>,
): MLModule {
  const moduleSpec = lookupModule(name);
  const factory = FACTORIES.get(name);
  if (moduleSpec === undefined && factory === undefined) return raise('ImportError', `No module named '${name}'`);
  const raw = factory ? factory(ctx).members : new Map<string, Value>();
  const members = new Map<string, Value>();
  // Catalogue functions the runtime does not implement are host functions (file, http, env, ...).
  const all = new Map(raw);
  const bridged = new Set<string>();
  for (const f of moduleSpec?.functions ?? []) {
    if (all.has(f.name)) continue;
    all.set(f.name, bridgedFunction(host, name, f.name, f.returns, checks.site));
    bridged.add(f.name);
  }
  for (const [key, value] of all) {
    if (typeof value !== 'function') {
      members.set(key, value);
      continue;
    }
    const spec = lookupFunction(name, key);
    const caps =
      spec && !bridged.has(key)
        ? spec.capabilities.filter((c) => c.targetKind === 'none').map((c) => `${c.resource}:${c.operation}`)
        : [];
    const wrapped = caps.length === 0 ? value : checked(value, caps, `${name}.${key}`, checks);
    if (wrapped !== value) wrapped.mlName = value.mlName ?? key;
    if (spec) specs.set(wrapped, spec);
    members.set(key, wrapped);
  }
  return new MLModule(name, members);
}

function checked(f: MLFunction, caps: readonly string[], label: string, checks: CapabilityChecks): MLFunction {
  return (...args: Value[]) => {
    for (const c of caps) checks.enforce(c, label);
    const r = f(...args);
    return r === undefined ? null : r;
  };
}
