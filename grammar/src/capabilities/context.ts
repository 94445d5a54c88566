// Capability contexts (CAPABILITIES.md §3): compiled grants and denials, parent inheritance with the
// child-containment rule, token limits, a decision cache invalidated on any change in the tree,
// and one audit event per check. Host-side data: nothing here is reachable from ML code.
import type { AuditEvent, AuditSink, CallSite } from './audit.js';
import { closestGrant, rootRelativizer } from './closest.js';
import {
  capabilityMatches,
  compileCapability,
  withinLimits,
  type CanonicalRequest,
  type CompiledCapability,
  type GrantLimits,
} from './compile.js';
import { capabilityContains, mayOverlap } from './containment.js';
import { CAPABILITY_CODES as C, issue } from './issues.js';
import { parseCapability, type ParsedCapability } from './parse.js';
import { canonicalizeRoot } from './path-canonical.js';
import { LEXICAL_FILE_SYSTEM, SYSTEM_CLOCK } from './realpath.js';
import { canonicalizeRequest, type CapabilityRequest } from './request.js';
import type {
  AddResult,
  CheckResult,
  ContextIssue,
  ContextOptions,
  Decision,
  GrantInput,
  Tree,
} from './context-types.js';
import { DecisionCache } from './decision-cache.js';

export type { AddResult, CheckResult, ContextIssue, ContextOptions, GrantInput } from './context-types.js';

type ChildMode = 'extend' | 'restrict';
type GrantArgument = string | GrantInput;

function asInput(g: GrantArgument): GrantInput {
  return typeof g === 'string' ? { capability: g } : g;
}

function targetForBridge(r: CanonicalRequest): string | null {
  const t = r.target;
  if (t === null) return null;
  if (t.kind === 'path') return t.real;
  if (t.kind === 'url') return t.url.href;
  if (t.kind === 'name') return t.name;
  return `${t.host.host}:${t.port}`;
}

export class CapabilityContext {
  private readonly grants: CompiledCapability[] = [];
  private readonly denials: CompiledCapability[] = [];
  private readonly cache: DecisionCache;
  /** Bumped on every change to this context's grants or denials. */
  private version = 0;

  private constructor(
    private readonly tree: Tree,
    readonly parent: CapabilityContext | null,
    readonly mode: ChildMode,
  ) {
    this.cache = new DecisionCache(tree.cacheLimit, tree.realpathTtlMs);
  }

  /** Creates a root context; fails (with CAP023) when the root is not an absolute path. */
  static create(options: ContextOptions): { context: CapabilityContext | null; issues: ContextIssue[] } {
    const root = canonicalizeRoot(options.root);
    if (!root.ok) {
      return {
        context: null,
        issues: [
          { ...issue(C.badRoot, root.message, 0, options.root.length), capability: options.root, origin: 'root' },
        ],
      };
    }
    const tree: Tree = {
      env: { root: root.path, fs: options.fs ?? LEXICAL_FILE_SYSTEM, protectedRoots: options.protectedRoots ?? [] },
      clock: options.clock ?? SYSTEM_CLOCK,
      sink: options.auditSink ?? null,
      auditOnly: options.auditOnly ?? false,
      cacheLimit: options.cacheLimit ?? 65_536,
      realpathTtlMs: options.realpathTtlMs ?? 1000,
      relative: rootRelativizer(root.path),
    };
    return { context: new CapabilityContext(tree, null, 'extend'), issues: [] };
  }

  get root(): string {
    return this.tree.env.root;
  }

  get auditOnly(): boolean {
    return this.tree.auditOnly;
  }

  setAuditSink(sink: AuditSink | null): void {
    this.tree.sink = sink;
  }

  private compile(input: GrantInput, expectDenial: boolean): AddResult {
    const origin = input.origin ?? null;
    const parsed = parseCapability(input.capability);
    const issues: ContextIssue[] = parsed.issues.map((i) => ({ ...i, capability: input.capability, origin }));
    const cap = parsed.capability;
    if (cap === null) return { ok: false, compiled: null, issues };
    if (cap.denial !== expectDenial) {
      const message = expectDenial
        ? 'a denial must start with `!`'
        : 'a denial (`!...`) cannot be added as a grant; add it as a denial';
      issues.push({ ...issue(C.syntax, message, 0, 1), capability: input.capability, origin });
      return { ok: false, compiled: null, issues };
    }
    const limits = input.limits ?? null;
    if (limits !== null && (expectDenial || !validLimits(limits))) {
      const message = expectDenial
        ? 'denials cannot carry expires_at or max_uses'
        : 'max_uses must be a non-negative integer and expires_at a finite time';
      issues.push({ ...issue(C.badLimits, message, 0, input.capability.length), capability: input.capability, origin });
      return { ok: false, compiled: null, issues };
    }
    return { ok: true, compiled: compileCapability(cap, this.tree.env, { limits, origin }), issues };
  }

  private changed(): void {
    this.version++;
  }

  /** Sum of versions up the chain: changes whenever this context or an ancestor changes. */
  private stamp(): number {
    return this.parent === null ? this.version : this.version + this.parent.stamp();
  }

  /** Adds a grant. In a child context it must be contained in the parent's grants (CAP020). */
  grant(g: GrantArgument): AddResult {
    const input = asInput(g);
    const result = this.compile(input, false);
    if (!result.ok || result.compiled === null) return result;
    if (this.parent !== null) {
      const problem = this.parent.containmentProblem(result.compiled);
      if (problem !== null) {
        const origin = input.origin ?? null;
        result.issues.push({
          ...issue(C.notContained, problem, 0, input.capability.length),
          capability: input.capability,
          origin,
        });
        return { ok: false, compiled: null, issues: result.issues };
      }
    }
    const c = result.compiled;
    // Unlimited grants first, so limited tokens are only spent when nothing else matches.
    const at = c.limits === null ? this.grants.findIndex((x) => x.limits !== null) : -1;
    if (at < 0) this.grants.push(c);
    else this.grants.splice(at, 0, c);
    this.changed();
    return result;
  }

  /** Adds a denial (`!resource:operation:target`); denials always win and are inherited. */
  deny(capability: string, origin?: string): AddResult {
    const text = capability.startsWith('!') ? capability : `!${capability}`;
    const shift = text.length - capability.length;
    const result = this.compile({ capability: text, origin }, true);
    result.issues = result.issues.map((i) => ({ ...i, capability, offset: Math.max(0, i.offset - shift) }));
    if (result.ok && result.compiled !== null) {
      this.denials.push(result.compiled);
      this.changed();
    }
    return result;
  }

  /**
   * A nested context. `extend` (the default, CAPABILITIES.md §3) inherits the parent's grants and
   * adds contained ones; `restrict` allows only its own grants (each contained in the parent's).
   * Either way a child never allows what its parent refuses, and inherits every denial.
   */
  createChild(
    grants: readonly GrantArgument[],
    options: { mode?: ChildMode; denials?: readonly string[] } = {},
  ): { context: CapabilityContext; issues: ContextIssue[] } {
    const child = new CapabilityContext(this.tree, this, options.mode ?? 'extend');
    const issues: ContextIssue[] = [];
    for (const d of options.denials ?? []) issues.push(...child.deny(d).issues);
    for (const g of grants) issues.push(...child.grant(g).issues);
    return { context: child, issues };
  }

  /** The grants in force here (own, plus the parent's in extend mode). */
  effectiveGrants(): CompiledCapability[] {
    const own = this.grants;
    if (this.parent === null || this.mode === 'restrict') return [...own];
    return [...own, ...this.parent.effectiveGrants()];
  }

  /** Own denials plus every ancestor's. */
  effectiveDenials(): CompiledCapability[] {
    return this.parent === null ? [...this.denials] : [...this.denials, ...this.parent.effectiveDenials()];
  }

  /** Why `child` is not contained in this context's grants, or null when it is. */
  containmentProblem(child: CompiledCapability): string | null {
    const now = this.tree.clock.now();
    const grants = this.effectiveGrants().filter((g) => withinLimits(g, now));
    if (grants.some((g) => capabilityContains(g, child))) return null;
    const same = grants.filter(
      (g) =>
        (g.resource === child.resource || g.resource === '*') &&
        (g.operation === child.operation || g.operation === '*'),
    );
    const rel = this.tree.relative;
    const childText = rel(child.text);
    if (same.length === 0)
      return `\`${childText}\` is not contained in the parent context, which grants nothing for ${child.resource}:${child.operation}`;
    return `\`${childText}\` is not contained in the parent's \`${rel(same[0]!.text)}\``;
  }

  private findDenial(r: CanonicalRequest): CompiledCapability | null {
    for (const d of this.denials) if (capabilityMatches(d, r)) return d;
    return this.parent === null ? null : this.parent.findDenial(r);
  }

  private grantDecision(r: CanonicalRequest, now: number, consume: boolean): Decision {
    let own: CompiledCapability | null = null;
    for (const g of this.grants) {
      if (withinLimits(g, now) && capabilityMatches(g, r)) {
        own = g;
        break;
      }
    }
    if (this.parent === null) {
      if (own === null) return { granted: false, by: null, reason: 'not-granted', cacheable: true };
      if (consume) own.uses++;
      return { granted: true, by: own, reason: null, cacheable: own.limits === null };
    }
    if (own !== null) {
      const upper = this.parent.grantDecision(r, now, consume);
      if (!upper.granted) return this.mode === 'restrict' ? { ...upper, reason: 'parent-not-granted' } : upper;
      if (consume) own.uses++;
      return { granted: true, by: own, reason: null, cacheable: own.limits === null && upper.cacheable };
    }
    if (this.mode === 'restrict') return { granted: false, by: null, reason: 'not-granted', cacheable: true };
    return this.parent.grantDecision(r, now, consume);
  }

  private decide(r: CanonicalRequest, now: number, consume = true): Decision {
    const denial = this.findDenial(r);
    if (denial !== null) return { granted: false, by: denial, reason: 'denied', cacheable: true };
    return this.grantDecision(r, now, consume);
  }

  private result(r: CanonicalRequest, d: Decision): CheckResult {
    let closest: CompiledCapability | null = null;
    let message = '';
    if (!d.granted) {
      const rel = this.tree.relative;
      const shown = rel(r.display);
      if (d.reason === 'denied') {
        message = `\`${shown}\` is denied by \`${rel(d.by!.text)}\``;
      } else {
        closest = closestGrant(this.parent === null ? this.grants : this.effectiveGrants(), r);
        const hint = closest === null ? '' : ` (closest grant: \`${rel(closest.text)}\`)`;
        message = `\`${shown}\` is not granted${hint}`;
      }
    }
    return Object.freeze({
      allowed: d.granted || this.tree.auditOnly,
      decision: d.granted ? 'GRANTED' : 'DENIED',
      capability: r.display,
      target: targetForBridge(r),
      by: d.by?.text ?? null,
      reason: d.reason,
      closestGrant: closest?.text ?? null,
      message,
    } satisfies CheckResult);
  }

  /** Checks one request; emits an audit event to the sink. */
  check(request: CapabilityRequest, site?: CallSite): CheckResult {
    this.cache.sync(this.stamp());
    const group = `${request.resource}\u0000${request.operation}`;
    const raw =
      request.resolvedAddress == null
        ? (request.target ?? '')
        : `${request.target ?? ''}\u0001${request.resolvedAddress}`;
    const now = this.tree.clock.now();
    const result = this.cache.raw(group, raw, now) ?? this.evaluate(request, group, raw, now);
    const sink = this.tree.sink;
    if (sink !== null) sink(this.auditEvent(request, result, site, now));
    return result;
  }

  /**
   * The decision `check` would make, without an audit event and without using up limited tokens
   * (for hovers, `hasCapability` and "would this be allowed" questions).
   */
  preview(request: CapabilityRequest): CheckResult {
    const canonical = canonicalizeRequest(request, this.tree.env);
    if (!canonical.ok) return this.invalid(canonical.display, canonical.message);
    const r = canonical.request;
    this.cache.sync(this.stamp());
    return this.cache.get(r.key) ?? this.result(r, this.decide(r, this.tree.clock.now(), false));
  }

  private invalid(display: string, message: string): CheckResult {
    return Object.freeze({
      allowed: this.tree.auditOnly,
      decision: 'DENIED',
      capability: display,
      target: null,
      by: null,
      reason: 'invalid-request',
      closestGrant: null,
      message: `invalid request \`${this.tree.relative(display)}\`: ${message}`,
    } satisfies CheckResult);
  }

  private evaluate(request: CapabilityRequest, group: string, raw: string, now: number): CheckResult {
    const canonical = canonicalizeRequest(request, this.tree.env);
    if (!canonical.ok) return this.invalid(canonical.display, canonical.message);
    const r = canonical.request;
    const cached = this.cache.get(r.key);
    if (cached !== undefined) {
      this.cache.rememberRaw(group, raw, r, cached, now);
      return cached;
    }
    const decision = this.decide(r, now);
    const result = this.result(r, decision);
    if (decision.cacheable) this.cache.store(group, raw, r, result, now);
    return result;
  }

  private auditEvent(
    request: CapabilityRequest,
    result: CheckResult,
    site: CallSite | undefined,
    now: number,
  ): AuditEvent {
    return {
      time: now,
      capability: result.capability,
      resource: request.resource,
      operation: request.operation,
      result: result.decision,
      enforced: !this.tree.auditOnly,
      by: result.by,
      reason: result.reason,
      closestGrant: result.closestGrant,
      file: site?.file ?? null,
      line: site?.line ?? null,
      column: site?.column ?? null,
      functionName: site?.functionName ?? null,
    };
  }

  /**
   * `hasCapability(cap)`: whether the context grants everything `capability` describes (without
   * using up limited tokens). Conservative: false when a denial might overlap it.
   */
  covers(capability: string): boolean {
    const parsed = parseCapability(capability).capability;
    if (parsed === null || parsed.denial) return false;
    const concrete = concreteRequest(parsed);
    if (concrete !== null) return this.preview(concrete).decision === 'GRANTED';
    const compiled = compileCapability(parsed, this.tree.env);
    if (this.effectiveDenials().some((d) => mayOverlap(d, compiled))) return false;
    return this.coveredByGrants(compiled, this.tree.clock.now());
  }

  private coveredByGrants(c: CompiledCapability, now: number): boolean {
    const own = this.grants.some((g) => withinLimits(g, now) && capabilityContains(g, c));
    if (this.parent === null) return own;
    if (own && this.parent.coveredByGrants(c, now)) return true;
    return this.mode === 'extend' && this.parent.coveredByGrants(c, now);
  }

  /** `getCapabilities()`: texts of the grants currently in force (expired/exhausted ones left out). */
  grantedCapabilities(): string[] {
    const now = this.tree.clock.now();
    return [
      ...new Set(
        this.effectiveGrants()
          .filter((g) => withinLimits(g, now))
          .map((g) => g.text),
      ),
    ];
  }

  deniedCapabilities(): string[] {
    return [...new Set(this.effectiveDenials().map((d) => d.text))];
  }

  /** Grants in force whose text equals a capability's canonical text (for getCapabilityInfo). */
  findGrant(capability: string): CompiledCapability | null {
    const parsed = parseCapability(capability).capability;
    if (parsed === null) return null;
    const text = compileCapability(parsed, this.tree.env).text;
    const now = this.tree.clock.now();
    return this.effectiveGrants().find((g) => g.text === text && withinLimits(g, now)) ?? null;
  }
}

/** A capability naming one exact request (no wildcard anywhere), as a request; else null. */
function concreteRequest(c: ParsedCapability): CapabilityRequest | null {
  if (c.resource === '*' || c.operation === '*' || c.alternatives.length > 1) return null;
  if (c.target === null) return c.syntax === 'none' ? { resource: c.resource, operation: c.operation } : null;
  if (/[*?[]/.test(c.target)) return null;
  return { resource: c.resource, operation: c.operation, target: c.target };
}

function validLimits(l: GrantLimits): boolean {
  if (l.maxUses !== undefined && !(Number.isInteger(l.maxUses) && l.maxUses >= 0)) return false;
  return l.expiresAt === undefined || Number.isFinite(l.expiresAt);
}
