// Data shapes of capability contexts: options, grant inputs, issues, check results and the
// internal decision record. Types only; behaviour is in context.ts and decision-cache.ts.
import type { AuditResult, AuditSink, DenyReason } from './audit.js';
import type { CompileEnvironment, CompiledCapability, GrantLimits } from './compile.js';
import type { CapabilityIssue } from './issues.js';
import type { Clock, FileSystemFacts } from './realpath.js';

export interface ContextOptions {
  /** Absolute run root: relative grant patterns and requested paths resolve against it. */
  root: string;
  fs?: FileSystemFacts;
  clock?: Clock;
  auditSink?: AuditSink | null;
  /** Allow everything but record what would have been denied (`--audit-only`). */
  auditOnly?: boolean;
  /** Extra trees treated like /proc (the sandbox's own internals). */
  protectedRoots?: readonly string[];
  /** Maximum cached decisions per context (the cache is cleared when full). */
  cacheLimit?: number;
  /**
   * How long (ms) a file request's canonical and real path may be reused for the same raw input
   * (the realpath step's TTL within one run). 0 re-resolves every check. Default 1000.
   */
  realpathTtlMs?: number;
}

export interface GrantInput {
  capability: string;
  limits?: GrantLimits;
  /** Where the grant came from (`profile web`, `--allow`), shown in messages. */
  origin?: string;
}

/** A problem with one capability given to a context; offsets refer to `capability`. */
export interface ContextIssue extends CapabilityIssue {
  capability: string;
  origin: string | null;
}

export interface AddResult {
  ok: boolean;
  compiled: CompiledCapability | null;
  issues: ContextIssue[];
}

export interface CheckResult {
  /** Whether the operation may proceed (always true in audit-only mode). */
  allowed: boolean;
  /** The policy decision (DENIED in audit-only mode records what would have been refused). */
  decision: AuditResult;
  /** Requested capability with its canonical target (`file:read:/abs/x`). */
  capability: string;
  /** What the bridge must use: the real path, the canonical URL (with query), or the name. */
  target: string | null;
  /** Text of the grant or denial that decided; null when nothing matched. */
  by: string | null;
  reason: DenyReason | null;
  /** For refusals: the most similar grant, to help the user fix the grant. */
  closestGrant: string | null;
  /** A message safe to show to the ML program (paths under the root shown relative). */
  message: string;
}

export interface Decision {
  granted: boolean;
  by: CompiledCapability | null;
  reason: DenyReason | null;
  cacheable: boolean;
}

/** Settings shared by a root context and all its children. */
export interface Tree {
  env: CompileEnvironment;
  clock: Clock;
  sink: AuditSink | null;
  auditOnly: boolean;
  cacheLimit: number;
  realpathTtlMs: number;
  relative: (text: string) => string;
}
