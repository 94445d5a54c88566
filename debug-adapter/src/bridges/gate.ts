// The run's capability context as the bridges use it: builds it from the request's grants (paths
// realpath'd through node:fs, cached briefly for this run only), streams its audit events in
// batches, and turns a refusal into the CapabilityError the program sees.
import {
  CapabilityContext,
  cachedFileSystemFacts,
  intersectDeclarations,
  type AuditEvent,
  type CallSite,
  type DeclaredCapability,
} from '@mlsec/grammar/capabilities';
import { nowMs } from '../sandbox/clock.js';
import type { RunCapabilities } from '../sandbox/types.js';
import { NODE_FILE_SYSTEM } from './fs-facts.js';
import { BridgeError } from './types.js';

/** How long one run trusts a realpath answer (never across runs: each run has its own cache). */
const REALPATH_TTL_MS = 100;

export interface GateOptions {
  capabilities: RunCapabilities;
  /** The program's `capability` declarations: the effective set is their intersection with the grant. */
  declared: readonly DeclaredCapability[];
  rootDir: string;
  /** The sandbox's own files: never reachable unless granted literally. */
  internalRoots: readonly string[];
  /** Receives audit events in order (batched per turn of the event loop). */
  audit(events: AuditEvent[]): void;
  /** The ML call site being run, when the program reports it (debug runs); merged into audit events. */
  callSite?: () => CallSite | undefined;
}

export interface CapabilityRequestInput {
  resource: string;
  operation: string;
  target?: string | null;
  resolvedAddress?: string | null;
}

export class Gate {
  private checkCount = 0;
  private pending: AuditEvent[] = [];
  private scheduled = false;
  private muted = false;

  private constructor(
    readonly context: CapabilityContext,
    private readonly deliver: (events: AuditEvent[]) => void,
    private readonly callSite?: () => CallSite | undefined,
  ) {}

  /** The gate, or the problems that make the grant set unusable (the run must not start). */
  static create(options: GateOptions): { gate: Gate } | { error: string } {
    const fs = cachedFileSystemFacts(NODE_FILE_SYSTEM, { now: nowMs }, REALPATH_TTL_MS);
    const created = CapabilityContext.create({
      root: options.rootDir,
      fs,
      auditOnly: options.capabilities.auditOnly === true,
      protectedRoots: options.internalRoots,
    });
    if (created.context === null) return { error: created.issues.map((i) => i.message).join('; ') };
    const granted = created.context;
    const problems: string[] = [];
    for (const g of options.capabilities.allow) {
      for (const i of granted.grant({ capability: g, origin: 'grant' }).issues) {
        if (i.severity === 'error') problems.push(`\`${g}\`: ${i.message}`);
      }
    }
    for (const d of options.capabilities.deny ?? []) {
      for (const i of granted.deny(d, 'deny').issues)
        if (i.severity === 'error') problems.push(`\`${d}\`: ${i.message}`);
    }
    if (problems.length > 0) return { error: `invalid capabilities: ${problems.join('; ')}` };
    let context = granted;
    if (options.declared.length > 0) {
      const narrowed = intersectDeclarations(granted, options.declared);
      if (narrowed.exceeding.length > 0) {
        return { error: narrowed.exceeding.map((x) => x.message).join('; ') };
      }
      context = narrowed.context;
    }
    const gate = new Gate(context, options.audit, options.callSite);
    context.setAuditSink((e) => gate.record(e));
    return { gate };
  }

  get checks(): number {
    return this.checkCount;
  }

  /**
   * Enforced check before a bridge acts: returns what the bridge must use (real path, canonical
   * URL or name), or raises CapabilityError naming the request and the closest grant.
   */
  require(request: CapabilityRequestInput, site?: CallSite): string | null {
    this.checkCount++;
    const where = this.callSite?.();
    const r = this.context.check(request, where ? { ...where, ...site } : site);
    if (!r.allowed) throw new BridgeError('CapabilityError', r.message);
    if (r.target === null && request.target !== undefined && request.target !== null) {
      // Audit-only mode lets refusals through, but an invalid target has nothing to act on.
      throw new BridgeError(
        'CapabilityError',
        r.message || `invalid target for ${request.resource}:${request.operation}`,
      );
    }
    return r.target;
  }

  /**
   * Whether a request would be allowed, without an audit event (a decision taken before a bridge
   * may even resolve a host name; the audited `require` follows once the address is known).
   */
  peek(request: CapabilityRequestInput): boolean {
    this.muted = true;
    try {
      return this.context.check(request).allowed;
    } finally {
      this.muted = false;
    }
  }

  /** Delivers audit events still queued (end of run). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.deliver(events);
  }

  private record(event: AuditEvent): void {
    if (this.muted) return;
    this.pending.push(event);
    if (this.pending.length >= 256) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        if (this.scheduled) this.flush();
      });
    }
  }
}
