// Audit events (CAPABILITIES.md §4): one per capability check, delivered to an injected sink. An
// in-memory log and JSON-lines formatting are provided; writing files is the host's job.

export type AuditResult = 'GRANTED' | 'DENIED';

/** Why a request was refused. */
export type DenyReason = 'denied' | 'not-granted' | 'invalid-request' | 'parent-not-granted';

/** Where in the ML program a check happened. */
export interface CallSite {
  file?: string;
  /** 1-based line, as shown to users. */
  line?: number;
  /** 1-based column. */
  column?: number;
  functionName?: string;
}

export interface AuditEvent {
  /** Clock time in ms. */
  time: number;
  /** The requested capability with its canonical target (`file:read:/abs/data/x.csv`). */
  capability: string;
  resource: string;
  operation: string;
  result: AuditResult;
  /** False in audit-only mode, where a DENIED result was recorded but not enforced. */
  enforced: boolean;
  /** The grant (GRANTED) or denial (DENIED by a denial) that decided; null when nothing matched. */
  by: string | null;
  reason: DenyReason | null;
  /** For a request no grant matched: the grant that comes closest (what to widen), else null. */
  closestGrant: string | null;
  file: string | null;
  line: number | null;
  column: number | null;
  functionName: string | null;
}

export type AuditSink = (event: AuditEvent) => void;

/** Collects events in memory (returned with the run result and shown in the debugger). */
export class AuditLog {
  readonly events: AuditEvent[] = [];
  private dropped = 0;

  constructor(private readonly maxEvents = 100_000) {}

  /** A sink bound to this log. */
  readonly sink: AuditSink = (event) => {
    if (this.events.length < this.maxEvents) this.events.push(event);
    else this.dropped++;
  };

  /** Events that were not kept because the log was full. */
  get droppedCount(): number {
    return this.dropped;
  }

  denied(): AuditEvent[] {
    return this.events.filter((e) => e.result === 'DENIED');
  }

  toJsonLines(): string {
    return this.events.map(formatAuditEvent).join('');
  }
}

/** One JSON line (with trailing newline) for `--audit FILE`. */
export function formatAuditEvent(event: AuditEvent): string {
  return JSON.stringify(event) + '\n';
}
