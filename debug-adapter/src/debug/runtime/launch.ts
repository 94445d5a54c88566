// Turns a launch configuration (program, args, cwd, capabilities/profile/deny, limits, ...) into
// what a sandbox run needs, exactly as `mlsec run` would: the same mlpy.yaml search, grant (default
// or mlpy.yaml's, the profile, then the configuration's capabilities; denials last), limits and
// security gate. Every problem is a LaunchError message for the user, never a crash.
import path from 'node:path';
import { findRunConfig, RunConfigError } from '../../cli/run/config.js';
import { runGrant } from '../../cli/run/grant.js';
import { runLimits } from '../../cli/run/options.js';
import { securityGate } from '../../cli/run/security-gate.js';
import { nodeIO } from '../../cli/node-io.js';
import { FileError } from '../../cli/io.js';
import { resolveLimits } from '../../sandbox/limits.js';
import type { Analyzer } from '../../sandbox/pipeline.js';
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
  /** The security analysis each file must pass before it runs (as `mlsec run`; see resolveLaunch). */
  analyze?: Analyzer;
}

export class LaunchError extends Error {}

function strings(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new LaunchError(`'${name}' must be a list of strings`);
  }
  return value as string[];
}

/** Limits written in mlpy.yaml's units (seconds, KB), as the VS Code launch schema has them. */
const FRIENDLY: Readonly<Record<string, [keyof SandboxLimits, number]>> = {
  cpuTimeS: ['cpuTimeMs', 1000],
  wallTimeS: ['wallTimeMs', 1000],
  outputKb: ['outputBytes', 1024],
};

function limitsOf(base: SandboxLimits, requested: unknown): SandboxLimits {
  if (requested === undefined) return base;
  if (typeof requested !== 'object' || requested === null || Array.isArray(requested)) {
    throw new LaunchError('\'limits\' must be an object such as {"wallTimeMs": 60000}');
  }
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(requested)) {
    const f = FRIENDLY[key];
    if (f && typeof value === 'number') given[f[0]] = Math.round(value * f[1]);
    else given[key] = value;
  }
  try {
    return resolveLimits({ ...base, ...(given as Partial<SandboxLimits>) });
  } catch (e) {
    throw new LaunchError(`limits: ${(e as Error).message}`);
  }
}

export async function resolveLaunch(a: LaunchArguments, baseDir = process.cwd()): Promise<ResolvedLaunch> {
  if (typeof a.program !== 'string' || a.program === '')
    throw new LaunchError("'program' (the ML file to run) is required");
  const cwd = typeof a.cwd === 'string' && a.cwd !== '' ? path.resolve(baseDir, a.cwd) : null;
  const program = path.resolve(cwd ?? baseDir, a.program);
  const io = nodeIO();
  let source: string;
  try {
    source = await io.readFile(program);
  } catch (e) {
    if (e instanceof FileError) throw new LaunchError(`cannot read the program ${program}: ${e.reason}`);
    throw e;
  }
  const rootDir = cwd ?? path.dirname(program);
  let found;
  try {
    found = await findRunConfig(io, program, undefined, rootDir);
  } catch (e) {
    if (e instanceof RunConfigError) throw new LaunchError(e.problems.join('\n'));
    throw e;
  }
  const config = found?.config ?? null;
  const profile = typeof a.profile === 'string' && a.profile !== '' ? a.profile : undefined;
  const granted = runGrant(
    found,
    { profile, allow: strings(a.capabilities, 'capabilities'), deny: strings(a.deny, 'deny') },
    rootDir,
    rootDir,
  );
  if ('errors' in granted) throw new LaunchError(granted.errors.join('\n'));
  let base: SandboxLimits;
  try {
    base = runLimits({}, config);
  } catch (e) {
    throw new LaunchError((e as Error).message);
  }
  return {
    program,
    source,
    rootDir,
    args: strings(a.args, 'args'),
    stopOnEntry: a.stopOnEntry === true,
    noDebug: a.noDebug === true,
    capabilities: granted.grant.capabilities,
    limits: limitsOf(base, a.limits),
    stdin: typeof a.stdin === 'string' ? a.stdin : null,
    configFile: found?.file ?? null,
    // The adapter leaves the static check of calls against the grant (SEC010) to run time, where the
    // sandbox refuses them and audits what was asked for: a debug run can then stop on the refused
    // call ("Capability denied"), and Run in Sandbox (noDebug) can offer to grant exactly that.
    analyze: securityGate(rootDir, config, undefined).analyzer,
  };
}
