// The decision caches of one context: per (resource, operation, canonical target), plus a front
// cache per raw request that skips canonicalisation on repeats (file results only for the realpath
// TTL). Both are cleared whenever the context or an ancestor changes. Only cacheable decisions.
import type { CanonicalRequest } from './compile.js';
import type { CheckResult } from './context-types.js';

interface RawEntry {
  result: CheckResult;
  until: number;
}

export class DecisionCache {
  private readonly byKey = new Map<string, CheckResult>();
  private readonly byRaw = new Map<string, Map<string, RawEntry>>();
  private rawSize = 0;
  private stamp = -1;

  constructor(
    private readonly limit: number,
    private readonly realpathTtlMs: number,
  ) {}

  /** Clears everything when the grant state (`stamp`) changed since the last call. */
  sync(stamp: number): void {
    if (stamp === this.stamp) return;
    this.byKey.clear();
    this.byRaw.clear();
    this.rawSize = 0;
    this.stamp = stamp;
  }

  /** A result remembered for the raw request (`group` = resource + operation), if still fresh. */
  raw(group: string, raw: string, now: number): CheckResult | undefined {
    const hit = this.byRaw.get(group)?.get(raw);
    return hit !== undefined && hit.until > now ? hit.result : undefined;
  }

  get(key: string): CheckResult | undefined {
    return this.byKey.get(key);
  }

  store(group: string, raw: string, r: CanonicalRequest, result: CheckResult, now: number): void {
    if (this.byKey.size >= this.limit) this.byKey.clear();
    this.byKey.set(r.key, result);
    this.rememberRaw(group, raw, r, result, now);
  }

  rememberRaw(group: string, raw: string, r: CanonicalRequest, result: CheckResult, now: number): void {
    const ttl = r.target?.kind === 'path' ? this.realpathTtlMs : Infinity;
    if (ttl <= 0) return;
    if (this.rawSize >= this.limit) {
      this.byRaw.clear();
      this.rawSize = 0;
    }
    let byTarget = this.byRaw.get(group);
    if (byTarget === undefined) this.byRaw.set(group, (byTarget = new Map()));
    byTarget.set(raw, { result, until: now + ttl });
    this.rawSize++;
  }
}
