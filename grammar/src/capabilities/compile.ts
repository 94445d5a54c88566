// Compiles parsed capabilities into matchers for one run (paths resolved against the run's root,
// fixed prefixes realpath'd) and matches them against canonical requests. Grants are compiled
// once per context; this file never parses strings from scratch on the hot path.
import type { StepCounter } from './glob.js';
import type { ParsedCapability } from './parse.js';
import {
  compilePathMatcher,
  pathDenialMatches,
  pathGrantMatches,
  type PathEnvironment,
  type PathMatcher,
  type PathTarget,
} from './target-path.js';
import {
  compileHostPortPattern,
  compileNamePattern,
  hostPortMatches,
  nameMatches,
  type HostPortMatcher,
  type HostPortTarget,
  type NameMatcher,
  type NameTarget,
} from './target-name.js';
import { compileUrlPattern, isPrivateUrlTarget, urlMatches, type UrlMatcher, type UrlTarget } from './target-url.js';
import { isLocalhostName } from './host.js';
import { isPrivateAddress } from './ip.js';

export type TargetMatcher = PathMatcher | UrlMatcher | NameMatcher | HostPortMatcher;
export type CanonicalTarget = PathTarget | UrlTarget | NameTarget | HostPortTarget;

/** Token limits (CAPABILITIES.md §3): an expired or exhausted grant no longer matches. */
export interface GrantLimits {
  /** Clock time (ms) from which the grant no longer matches. */
  expiresAt?: number;
  /** Number of granted checks after which the grant no longer matches. */
  maxUses?: number;
}

export interface CompiledCapability {
  readonly parsed: ParsedCapability;
  /** Canonical display text (`file:read:/abs/data/**`, `!http:*:**`). */
  readonly text: string;
  readonly denial: boolean;
  readonly resource: string;
  readonly operation: string;
  /** Matches every target (`*:*:**`, or a denial written without a target). */
  readonly anyTarget: boolean;
  /** Target alternatives; null when the capability has no target. */
  readonly targets: readonly TargetMatcher[] | null;
  readonly limits: GrantLimits | null;
  /** Where it came from (`default`, `profile web`, `--allow`, ...), for messages. */
  readonly origin: string | null;
  /** Granted checks so far (counts against `limits.maxUses`). */
  uses: number;
}

export interface CanonicalRequest {
  resource: string;
  operation: string;
  target: CanonicalTarget | null;
  /** Capability string of the request with its canonical (lexical) target, for messages and audit. */
  display: string;
  /** Decision-cache key. */
  key: string;
}

export type CompileEnvironment = PathEnvironment;

function compileTarget(parsed: ParsedCapability, raw: string, env: CompileEnvironment): TargetMatcher | null {
  switch (parsed.syntax) {
    case 'path':
      return compilePathMatcher(raw, env);
    case 'url': {
      const r = compileUrlPattern(raw);
      return r.ok ? r.matcher : null;
    }
    case 'name': {
      const r = compileNamePattern(raw);
      return r.ok ? r.matcher : null;
    }
    case 'hostport': {
      const r = compileHostPortPattern(raw);
      return r.ok ? r.matcher : null;
    }
    case 'none':
      return null;
  }
}

/** Compiles a capability that parseCapability accepted. */
export function compileCapability(
  parsed: ParsedCapability,
  env: CompileEnvironment,
  options: { limits?: GrantLimits | null; origin?: string | null } = {},
): CompiledCapability {
  const wildcardTarget = parsed.resource === '*' && parsed.target === '**';
  const targetlessDenial = parsed.denial && parsed.target === null && parsed.syntax !== 'none';
  let targets: TargetMatcher[] | null = null;
  if (parsed.target !== null && !wildcardTarget) {
    targets = [];
    for (const alt of parsed.alternatives) {
      const matcher = compileTarget(parsed, alt.raw, env);
      if (matcher !== null) targets.push(matcher);
    }
  }
  const targetText = wildcardTarget ? '**' : targets?.map((t) => t.text).join(',');
  const text = `${parsed.denial ? '!' : ''}${parsed.resource}:${parsed.operation}${targetText === undefined ? '' : ':' + targetText}`;
  return {
    parsed,
    text,
    denial: parsed.denial,
    resource: parsed.resource,
    operation: parsed.operation,
    anyTarget: wildcardTarget || targetlessDenial,
    targets,
    limits: options.limits ?? null,
    origin: options.origin ?? null,
    uses: 0,
  };
}

/** Whether a request reaches something only a literal grant may open (protected tree, private address). */
export function needsLiteralGrant(target: CanonicalTarget): boolean {
  switch (target.kind) {
    case 'path':
      return target.protectedRoot !== null;
    case 'url':
      return isPrivateUrlTarget(target);
    case 'hostport':
      return target.host.kind === 'name' ? isLocalhostName(target.host.host) : isPrivateAddress(target.host.host);
    case 'name':
      return false;
  }
}

function targetMatches(m: TargetMatcher, t: CanonicalTarget, role: 'grant' | 'denial', counter?: StepCounter): boolean {
  if (m.kind === 'path' && t.kind === 'path')
    return role === 'grant' ? pathGrantMatches(m, t, counter) : pathDenialMatches(m, t, counter);
  if (m.kind === 'url' && t.kind === 'url') return urlMatches(m, t, role, counter);
  if (m.kind === 'name' && t.kind === 'name') return nameMatches(m, t);
  if (m.kind === 'hostport' && t.kind === 'hostport') return hostPortMatches(m, t, role);
  return false;
}

/** Whether a compiled grant or denial covers a canonical request (limits are checked elsewhere). */
export function capabilityMatches(c: CompiledCapability, r: CanonicalRequest, counter?: StepCounter): boolean {
  if (c.resource !== '*' && c.resource !== r.resource) return false;
  if (c.operation !== '*' && c.operation !== r.operation) return false;
  const role = c.denial ? 'denial' : 'grant';
  if (r.target === null) return c.targets === null || c.anyTarget;
  if (c.anyTarget) return role === 'denial' || !needsLiteralGrant(r.target);
  if (c.targets === null) return false;
  for (const m of c.targets) if (targetMatches(m, r.target, role, counter)) return true;
  return false;
}

/** Whether a grant's limits still allow it to match at `now`. */
export function withinLimits(c: CompiledCapability, now: number): boolean {
  const l = c.limits;
  if (l === null) return true;
  if (l.expiresAt !== undefined && now >= l.expiresAt) return false;
  return l.maxUses === undefined || c.uses < l.maxUses;
}
