// Builds the AnalysisGrant SEC010 checks against from mlpy.yaml and the run's selection (default
// grant, --profile, --allow, --deny), through the capability model's own root context, and finds
// grants that give everything away (SEC008). No I/O: the host passes the parsed config.
import { rootRelativizer } from '../capabilities/closest.js';
import type { CapabilityContext } from '../capabilities/context.js';
import { parseCapability } from '../capabilities/parse.js';
import { resolveRootContext, type ResolveProblem } from '../config/resolve.js';
import type { MlpyConfig } from '../config/types.js';
import type { Range } from '../syntax/ast.js';
import { isOverlyBroadGrant } from './capability-decls.js';
import type { AnalysisGrant } from './types.js';

export interface GrantSelection {
  /** Absolute run root (relative grant patterns and targets resolve against it). */
  root: string;
  profile?: string | null;
  allow?: readonly string[];
  deny?: readonly string[];
}

export interface GrantResult {
  /** Null when the root is invalid (see problems). */
  grant: AnalysisGrant | null;
  context: CapabilityContext | null;
  /** Bad capability strings, unknown profile, ...: the host reports them (they are not findings). */
  problems: ResolveProblem[];
}

function describe(selection: GrantSelection): string {
  const base = selection.profile ? `profile '${selection.profile}'` : 'the default grant';
  const allow = selection.allow ?? [];
  return allow.length === 0 ? base : `${base} plus --allow ${allow.join(' --allow ')}`;
}

export function grantFromConfig(config: MlpyConfig | null, selection: GrantSelection): GrantResult {
  const resolved = resolveRootContext(config, selection);
  const context = resolved.context;
  if (context === null) return { grant: null, context: null, problems: resolved.problems };
  const others = new Map<string, CapabilityContext | null>();
  const profileContext = (name: string): CapabilityContext | null => {
    if (!others.has(name)) others.set(name, resolveRootContext(config, { ...selection, profile: name }).context);
    return others.get(name) ?? null;
  };
  const display = rootRelativizer(context.root);
  // The context never changes after this point, so verdicts can be kept for the grant's lifetime.
  const verdicts = new Map<string, boolean>();
  const grant: AnalysisGrant = {
    label: describe(selection),
    allows: (capability) => {
      let ok = verdicts.get(capability);
      if (ok === undefined) verdicts.set(capability, (ok = context.covers(capability)));
      return ok;
    },
    advice: (capability) => {
      const denial = denialOf(context, capability);
      if (denial !== null) return `it is denied by '${display(denial.replace(/^!/, ''))}'`;
      for (const name of config?.security.profiles.keys() ?? []) {
        if (name !== selection.profile && profileContext(name)?.covers(capability))
          return `--profile ${name} would grant it`;
      }
      return undefined;
    },
    display,
  };
  return { grant, context, problems: resolved.problems };
}

/** The denial that refuses a capability, if a denial (rather than a missing grant) is the reason. */
function denialOf(context: CapabilityContext, capability: string): string | null {
  const parsed = parseCapability(capability).capability;
  if (parsed === null || parsed.denial || parsed.resource === '*' || parsed.operation === '*') return null;
  const result = context.check({ resource: parsed.resource, operation: parsed.operation, target: parsed.target });
  return result.reason === 'denied' ? result.by : null;
}

export interface BroadGrant {
  capability: string;
  /** Where it was given: `profile NAME`, `default_capabilities`, `--allow`. */
  origin: string;
  /** Position in mlpy.yaml; null for flags. */
  range: Range | null;
}

/** SEC008 on grants: entries of the selected grant that cover everything (`*:*:**`, `file:*:/**`). */
export function overlyBroadGrants(config: MlpyConfig | null, selection: GrantSelection): BroadGrant[] {
  const out: BroadGrant[] = [];
  const security = config?.security;
  for (const c of security?.defaultCapabilities ?? []) {
    if (isOverlyBroadGrant(c.value)) out.push({ capability: c.value, origin: 'default_capabilities', range: c.range });
  }
  const profile = selection.profile ? security?.profiles.get(selection.profile) : undefined;
  for (const c of profile?.capabilities ?? []) {
    if (isOverlyBroadGrant(c.value))
      out.push({ capability: c.value, origin: `profile ${profile!.name}`, range: c.range });
  }
  for (const c of selection.allow ?? [])
    if (isOverlyBroadGrant(c)) out.push({ capability: c, origin: '--allow', range: null });
  return out;
}
