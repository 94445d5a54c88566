// The grant of one `mlsec run` (CAPABILITIES.md §3): the default grant (or mlpy.yaml's
// default_capabilities), the --profile, --allow flags; mlpy.yaml's denials and --deny. Validated
// through the capability model's own root context; problems come back as messages, never thrown.
import type { AnalysisGrant, MlpyConfig, ResolveProblem } from '@mlsec/grammar';
import { grantFromConfig } from '@mlsec/grammar/analysis';
import { DEFAULT_GRANT } from '@mlsec/grammar/stdlib';
import type { RunCapabilities } from '../../sandbox/types.js';
import { shownPath, type RunConfig } from './config.js';

export interface GrantFlags {
  profile?: string | undefined;
  allow: readonly string[];
  deny: readonly string[];
}

export interface RunGrant {
  capabilities: RunCapabilities;
  /** What SEC010 checks calls against (the same grant, as the analysis sees it). */
  analysis: AnalysisGrant;
}

function describe(p: ResolveProblem, config: RunConfig | null, cwd: string): string {
  const what = p.capability ? `'${p.capability}': ` : '';
  if (p.range && config) {
    return `${shownPath(config.file, cwd)}:${p.range.start.line + 1}:${p.range.start.column + 1}: ${p.origin}: ${what}${p.message}`;
  }
  return `${p.origin}: ${what}${p.message}`;
}

/** The run's grant, or the error messages that make it unusable (exit 2). */
export function runGrant(
  config: RunConfig | null,
  flags: GrantFlags,
  root: string,
  cwd: string,
): { grant: RunGrant } | { errors: string[] } {
  const security: MlpyConfig['security'] | undefined = config?.config.security;
  const profile = flags.profile ?? null;
  const checked = grantFromConfig(config?.config ?? null, { root, profile, allow: flags.allow, deny: flags.deny });
  const errors = checked.problems.filter((p) => p.severity === 'error').map((p) => describe(p, config, cwd));
  if (checked.grant === null && errors.length === 0) errors.push(`cannot use ${root} as the root of the run`);
  if (errors.length > 0 || checked.grant === null) return { errors };
  const allow = [
    ...(security?.defaultCapabilities ? security.defaultCapabilities.map((c) => c.value) : DEFAULT_GRANT),
    ...(profile !== null ? (security?.profiles.get(profile)?.capabilities.map((c) => c.value) ?? []) : []),
    ...flags.allow,
  ];
  const deny = [...(security?.deniedCapabilities.map((c) => c.value) ?? []), ...flags.deny];
  return { grant: { capabilities: { allow, deny }, analysis: checked.grant } };
}
