// `mlsec run` flags that need more than parseArgs: limits in MB/seconds turned into sandbox limits
// (over mlpy.yaml's `sandbox:` values), the sandbox's env view (--env, --pass-env) and --seed.
// Pure: the host environment is a parameter; every mistake is a UsageError naming the flag.
import type { MlpyConfig } from '@mlsec/grammar';
import { UsageError } from '../args.js';
import { resolveLimits } from '../../sandbox/limits.js';
import type { SandboxLimits } from '../../sandbox/types.js';

export interface LimitFlags {
  memory?: string | undefined;
  'cpu-time'?: string | undefined;
  'wall-time'?: string | undefined;
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

function positive(flag: string, text: string, unit: string): number {
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${flag} needs a positive number of ${unit}, not '${text}'`);
  return value;
}

/** The run's limits: defaults, then mlpy.yaml's `sandbox:` section, then the flags. */
export function runLimits(flags: LimitFlags, config: MlpyConfig | null): SandboxLimits {
  const requested: Partial<SandboxLimits> = {};
  const s = config?.sandbox;
  if (s?.maxMemoryMb) requested.memoryMb = Math.round(s.maxMemoryMb.value);
  if (s?.maxExecutionTime) requested.cpuTimeMs = Math.round(s.maxExecutionTime.value * 1000);
  if (s?.maxWallTime) requested.wallTimeMs = Math.round(s.maxWallTime.value * 1000);
  if (s?.maxOutputKb) requested.outputBytes = Math.round(s.maxOutputKb.value * 1024);
  const given: [keyof SandboxLimits, string][] = [];
  if (flags.memory !== undefined) {
    const mb = positive('--memory', flags.memory, 'megabytes');
    if (!Number.isInteger(mb))
      throw new UsageError(`--memory needs a whole number of megabytes, not '${flags.memory}'`);
    requested.memoryMb = mb;
    given.push(['memoryMb', '--memory']);
  }
  if (flags['cpu-time'] !== undefined) {
    requested.cpuTimeMs = Math.max(1, Math.round(positive('--cpu-time', flags['cpu-time'], 'seconds') * 1000));
    given.push(['cpuTimeMs', '--cpu-time']);
  }
  if (flags['wall-time'] !== undefined) {
    requested.wallTimeMs = Math.max(1, Math.round(positive('--wall-time', flags['wall-time'], 'seconds') * 1000));
    given.push(['wallTimeMs', '--wall-time']);
  }
  try {
    return resolveLimits(requested);
  } catch (error) {
    // resolveLimits names the limit field; say which flag (or the config) set it.
    const message = (error as Error).message;
    const flag = given.find(([key]) => message.includes(`'${key}'`));
    if (flag) throw new UsageError(`${flag[1]} is out of range: ${limitRange(flag[0])}`);
    throw new UsageError(`sandbox limits in mlpy.yaml: ${message}`);
  }
}

function limitRange(key: keyof SandboxLimits): string {
  switch (key) {
    case 'memoryMb':
      return 'between 8 and 4096 MB';
    default:
      return 'between 0.001 s and 24 hours';
  }
}

/** Env variable names the sandbox may see: anything but empty, `=` or NUL. */
const ENV_NAME = /^[^=\0]+$/;

/** The sandbox's initial environment: empty unless --env KEY=VALUE or --pass-env NAME say otherwise. */
export function sandboxEnv(
  assignments: readonly string[],
  passed: readonly string[],
  hostEnv: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of passed) {
    if (!ENV_NAME.test(name)) throw new UsageError(`--pass-env needs a variable name, not '${name}'`);
    const value = hostEnv[name];
    if (value !== undefined) env[name] = value;
  }
  for (const a of assignments) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? '' : a.slice(0, eq);
    if (!ENV_NAME.test(name) || a.includes('\0')) throw new UsageError(`--env needs KEY=VALUE, not '${a}'`);
    env[name] = a.slice(eq + 1);
  }
  return env;
}

/** Largest seed the sandbox's generator takes. */
const MAX_SEED = 2 ** 31 - 2;

/**
 * The seed of the program's `random` module: --seed N, else a fresh one. The module is not a
 * cryptographic generator, so Math.random (seeded from OS entropy) is a fine source, and a run
 * that never uses randomness does not load node:crypto for it.
 */
export function randomSeed(flag: string | undefined, fresh: () => number = Math.random): number {
  if (flag === undefined) return Math.floor(fresh() * (MAX_SEED + 1));
  if (!/^\d+$/.test(flag) || Number(flag) > MAX_SEED)
    throw new UsageError(`--seed needs a whole number between 0 and ${MAX_SEED}, not '${flag}'`);
  return Number(flag);
}
