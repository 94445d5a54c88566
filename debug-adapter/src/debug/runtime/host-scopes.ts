// The scopes the adapter process knows itself (not the program): Capabilities — what the run was
// granted and denied, and every capability check so far with GRANTED/DENIED — and Resources —
// CPU time, wall time, heap and output against their limits. Plain data for the session.
import type { AuditRecord, RunCapabilities, SandboxLimits } from '../../sandbox/types.js';
import type { RunUsage } from '../protocol.js';

export type CapabilityPart = 'granted' | 'denied' | 'audit';

/** A handle to host-side children. */
export type HostHandle =
  { kind: 'capabilities' } | { kind: 'capabilities-part'; part: CapabilityPart } | { kind: 'resources' };

export interface HostVariable {
  name: string;
  value: string;
  type?: string;
  handle: HostHandle | null;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `GRANTED file:read:/data/x.csv (main.ml:3:5, file.read)` */
export function auditLine(r: AuditRecord): string {
  const where = r.file !== null ? `${r.file}:${r.line ?? 0}:${r.column ?? 0}` : null;
  const detail = [where, r.functionName].filter((x) => x !== null && x !== '').join(', ');
  return `${r.result} ${r.capability}${detail ? ` (${detail})` : ''}${r.enforced ? '' : ' [audit only]'}`;
}

export function capabilityVariables(
  caps: RunCapabilities,
  audit: readonly AuditRecord[],
  part?: CapabilityPart,
): HostVariable[] {
  const deny = caps.deny ?? [];
  if (part === 'granted')
    return caps.allow.map((c, i) => ({ name: `[${i}]`, value: c, type: 'capability', handle: null }));
  if (part === 'denied')
    return deny.map((c, i) => ({ name: `[${i}]`, value: `!${c.replace(/^!/, '')}`, type: 'capability', handle: null }));
  if (part === 'audit')
    return audit.map((r, i) => ({ name: `#${i + 1}`, value: auditLine(r), type: r.result, handle: null }));
  const denied = audit.filter((r) => r.result === 'DENIED').length;
  return [
    {
      name: 'granted',
      value: plural(caps.allow.length, 'capability', 'capabilities'),
      handle: { kind: 'capabilities-part', part: 'granted' },
    },
    {
      name: 'denied',
      value: plural(deny.length, 'denial'),
      handle: deny.length > 0 ? { kind: 'capabilities-part', part: 'denied' } : null,
    },
    {
      name: 'audit',
      value: `${plural(audit.length, 'check')}: ${audit.length - denied} GRANTED, ${denied} DENIED`,
      handle: audit.length > 0 ? { kind: 'capabilities-part', part: 'audit' } : null,
    },
  ];
}

function ms(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(1)} ms`;
}

function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return plural(n, 'byte');
}

export function resourceVariables(usage: RunUsage | null, limits: SandboxLimits): HostVariable[] {
  const of = (used: string, limit: string): string => `${used} of ${limit}`;
  if (usage === null) return [{ name: 'usage', value: 'not available', handle: null }];
  return [
    { name: 'CPU time', value: of(ms(usage.cpuMs), ms(limits.cpuTimeMs)), handle: null },
    { name: 'wall time', value: `${of(ms(usage.wallMs), ms(limits.wallTimeMs))} (paused while stopped)`, handle: null },
    { name: 'heap', value: of(bytes(usage.heapBytes), bytes(limits.memoryMb * 1024 * 1024)), handle: null },
    { name: 'output', value: of(bytes(usage.outputBytes), bytes(limits.outputBytes)), handle: null },
  ];
}
