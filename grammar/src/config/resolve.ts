// Builds a run's root capability context from, in order: the default grant (mlpy.yaml's
// default_capabilities replaces the built-in one), the selected profile, mlpy.yaml's denials,
// then explicit --allow / --deny (CAPABILITIES.md §3). Problems are data; nothing throws.
import type { Range } from '../syntax/ast.js';
import type { AuditSink } from '../capabilities/audit.js';
import { CapabilityContext, type ContextIssue } from '../capabilities/context.js';
import type { Clock, FileSystemFacts } from '../capabilities/realpath.js';
import { DEFAULT_GRANT } from '../stdlib/default-grant.js';
import { CONFIG_CODES as CFG, type MlpyConfig } from './types.js';

export interface ResolveOptions {
  /** Absolute run root (the program's folder unless configured). */
  root: string;
  /** `--profile NAME` (or the launch configuration's `profile`). */
  profile?: string | null;
  /** `--allow CAP` flags, in order. */
  allow?: readonly string[];
  /** `--deny CAP` flags, in order. */
  deny?: readonly string[];
  fs?: FileSystemFacts;
  clock?: Clock;
  auditSink?: AuditSink | null;
  auditOnly?: boolean;
  protectedRoots?: readonly string[];
}

export interface ResolveProblem {
  /** `CAPxxx` for a bad capability, `CFG008` for an unknown profile. */
  code: string;
  severity: 'error' | 'warning' | 'hint';
  message: string;
  /** Where the capability came from: `default`, `mlpy.yaml`, `profile NAME`, `--allow`, `--deny`, `root`. */
  origin: string;
  capability: string | null;
  /** Position in mlpy.yaml when the capability came from it. */
  range: Range | null;
}

export interface ResolvedContext {
  /** Null only when the root itself is invalid. */
  context: CapabilityContext | null;
  /** False when any problem is an error: a runner must then refuse to start. */
  ok: boolean;
  problems: ResolveProblem[];
}

function toProblem(i: ContextIssue, range: Range | null): ResolveProblem {
  return {
    code: i.code,
    severity: i.severity,
    message: i.message,
    origin: i.origin ?? 'unknown',
    capability: i.capability,
    range,
  };
}

export function resolveRootContext(config: MlpyConfig | null, options: ResolveOptions): ResolvedContext {
  const created = CapabilityContext.create({
    root: options.root,
    fs: options.fs,
    clock: options.clock,
    auditSink: options.auditSink,
    auditOnly: options.auditOnly,
    protectedRoots: options.protectedRoots,
  });
  const problems: ResolveProblem[] = created.issues.map((i) => toProblem(i, null));
  const context = created.context;
  if (context === null) return { context: null, ok: false, problems };
  const security = config?.security;
  const grant = (capability: string, origin: string, range: Range | null): void => {
    for (const i of context.grant({ capability, origin }).issues) problems.push(toProblem(i, range));
  };
  const deny = (capability: string, origin: string, range: Range | null): void => {
    for (const i of context.deny(capability, origin).issues) problems.push(toProblem(i, range));
  };

  if (security?.defaultCapabilities != null) {
    for (const c of security.defaultCapabilities) grant(c.value, 'mlpy.yaml default_capabilities', c.range);
  } else {
    for (const c of DEFAULT_GRANT) grant(c, 'default', null);
  }
  const profileName = options.profile ?? null;
  if (profileName !== null) {
    const profile = security?.profiles.get(profileName);
    if (profile === undefined) {
      const known = [...(security?.profiles.keys() ?? [])];
      const list = known.length === 0 ? 'mlpy.yaml defines no profiles' : `known profiles: ${known.join(', ')}`;
      problems.push({
        code: CFG.unknownProfile,
        severity: 'error',
        message: `unknown profile \`${profileName}\` (${list})`,
        origin: '--profile',
        capability: null,
        range: null,
      });
    } else {
      for (const c of profile.capabilities) grant(c.value, `profile ${profileName}`, c.range);
    }
  }
  for (const c of security?.deniedCapabilities ?? []) deny(c.value, 'mlpy.yaml denied_capabilities', c.range);
  for (const c of options.allow ?? []) grant(c, '--allow', null);
  for (const c of options.deny ?? []) deny(c, '--deny', null);
  return { context, ok: !problems.some((p) => p.severity === 'error'), problems };
}
