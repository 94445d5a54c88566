// Turns a launch configuration (program, args, cwd, capabilities/profile/deny, limits, ...) into
// what a sandbox run needs: the program text, the root, the grant (default grant or mlpy.yaml's,
// then the profile, then the configuration's own capabilities; denials last) and the limits.
// Every problem is a message for the user, never an exception.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES, DEFAULT_GRANT, parseMlpyConfig, resolveRootContext, type MlpyConfig } from '@mlsec/grammar';
import { resolveLimits } from '../../sandbox/limits.js';
import type { RunCapabilities, SandboxLimits } from '../../sandbox/types.js';

/** The `ml` debug configuration's attributes (launch request arguments). */
export interface LaunchArguments {
  program?: unknown;
  args?: unknown;
  cwd?: unknown;
  stopOnEntry?: unknown;
  capabilities?: unknown;
  profile?: unknown;
  deny?: unknown;
  limits?: unknown;
  noDebug?: unknown;
  /** Text the program reads with `input()` (a debug console has no terminal stdin). */
  stdin?: unknown;
}

export interface ResolvedLaunch {
  /** Absolute path of the main program. */
  program: string;
  source: string;
  rootDir: string;
  args: string[];
  stopOnEntry: boolean;
  noDebug: boolean;
  capabilities: RunCapabilities;
  limits: SandboxLimits;
  stdin: string | null;
  /** mlpy.yaml used, if any. */
  configFile: string | null;
}

function strings(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new LaunchError(`'${name}' must be a list of strings`);
  return value as string[];
}

export class LaunchError extends Error {}

/** Finds mlpy.yaml (or .mlpy.yaml) in the folder or a parent. */
function findConfig(dir: string): { file: string; config: MlpyConfig } | null {
  for (let d = dir; ; d = path.dirname(d)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(d, name);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const parsed = parseMlpyConfig(text);
      const bad = parsed.diagnostics.find((x) => x.severity === 'error');
      if (bad)
        throw new LaunchError(`${file}:${bad.range.start.line + 1}:${bad.range.start.column + 1}: ${bad.message}`);
      return { file, config: parsed.config };
    }
    if (path.dirname(d) === d) return null;
  }
}

function limitsFrom(config: MlpyConfig | null, requested: unknown): SandboxLimits {
  const fromFile: Partial<SandboxLimits> = {};
  const s = config?.sandbox;
  if (s?.maxMemoryMb) fromFile.memoryMb = s.maxMemoryMb.value;
  if (s?.maxExecutionTime) fromFile.cpuTimeMs = Math.round(s.maxExecutionTime.value * 1000);
  if (s?.maxWallTime) fromFile.wallTimeMs = Math.round(s.maxWallTime.value * 1000);
  if (s?.maxOutputKb) fromFile.outputBytes = Math.round(s.maxOutputKb.value * 1024);
  if (requested !== undefined && (typeof requested !== 'object' || requested === null || Array.isArray(requested))) {
    throw new LaunchError('\'limits\' must be an object such as {"wallTimeMs": 60000}');
  }
  try {
    return resolveLimits({ ...fromFile, ...(requested as Partial<SandboxLimits> | undefined) });
  } catch (e) {
    throw new LaunchError(`limits: ${(e as Error).message}`);
  }
}

export function resolveLaunch(a: LaunchArguments, baseDir = process.cwd()): ResolvedLaunch {
  if (typeof a.program !== 'string' || a.program === '')
    throw new LaunchError("'program' (the ML file to run) is required");
  const cwd = typeof a.cwd === 'string' && a.cwd !== '' ? path.resolve(baseDir, a.cwd) : null;
  const program = path.resolve(cwd ?? baseDir, a.program);
  let source: string;
  try {
    source = readFileSync(program, 'utf8');
  } catch {
    throw new LaunchError(`cannot read the program ${program}`);
  }
  const rootDir = cwd ?? path.dirname(program);
  const found = findConfig(path.dirname(program));
  const config = found?.config ?? null;
  const profile = typeof a.profile === 'string' && a.profile !== '' ? a.profile : null;
  const extra = strings(a.capabilities, 'capabilities');
  const denyExtra = strings(a.deny, 'deny');
  const check = resolveRootContext(config, { root: rootDir, profile, allow: extra, deny: denyExtra });
  const fatal = check.problems.find((p) => p.severity === 'error');
  if (fatal)
    throw new LaunchError(`${fatal.capability ? `'${fatal.capability}' (${fatal.origin}): ` : ''}${fatal.message}`);
  const security = config?.security;
  const allow = [
    ...(security?.defaultCapabilities ? security.defaultCapabilities.map((c) => c.value) : DEFAULT_GRANT),
    ...(profile ? (security?.profiles.get(profile)?.capabilities.map((c) => c.value) ?? []) : []),
    ...extra,
  ];
  const deny = [...(security?.deniedCapabilities.map((c) => c.value) ?? []), ...denyExtra];
  return {
    program,
    source,
    rootDir,
    args: strings(a.args, 'args'),
    stopOnEntry: a.stopOnEntry === true,
    noDebug: a.noDebug === true,
    capabilities: { allow, deny },
    limits: limitsFrom(config, a.limits),
    stdin: typeof a.stdin === 'string' ? a.stdin : null,
    configFile: found?.file ?? null,
  };
}
