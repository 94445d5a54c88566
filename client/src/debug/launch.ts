// The `ml` launch configuration: its attributes, `${...}` variable substitution for the ones the
// extension reads itself, and merging with the `ml.*` settings. Pure data; no vscode imports.
import path from 'node:path';

export interface LaunchLimits {
  memoryMb?: number;
  cpuTimeS?: number;
  wallTimeS?: number;
  outputKb?: number;
}

/** Attributes of a `"type": "ml"` launch configuration (package.json holds the JSON schema). */
export interface MlLaunchConfig {
  type: string;
  request: string;
  name: string;
  program?: string;
  args?: string[];
  cwd?: string;
  stopOnEntry?: boolean;
  capabilities?: string[];
  profile?: string;
  deny?: string[];
  limits?: LaunchLimits;
  noDebug?: boolean;
  [key: string]: unknown;
}

export interface VariableContext {
  workspaceFolder: string | null;
  /** The active editor's file, for `${file}` and friends. */
  file: string | null;
}

/** Substitutes the common `${...}` variables; returns null when one cannot be resolved here. */
export function substitute(value: string, ctx: VariableContext): string | null {
  let failed = false;
  const result = value.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    const file = ctx.file;
    const folder = ctx.workspaceFolder;
    let out: string | null = null;
    if (name === 'workspaceFolder' || name === 'workspaceRoot') out = folder;
    else if (name === 'workspaceFolderBasename') out = folder === null ? null : path.basename(folder);
    else if (name === 'file') out = file;
    else if (name === 'fileBasename') out = file === null ? null : path.basename(file);
    else if (name === 'fileDirname') out = file === null ? null : path.dirname(file);
    else if (name === 'relativeFile') out = file === null || folder === null ? null : path.relative(folder, file);
    if (out === null) failed = true;
    return out ?? whole;
  });
  return failed ? null : result;
}

/** The absolute program path of a configuration, or null when it is missing or unresolvable. */
export function programPath(config: MlLaunchConfig, ctx: VariableContext): string | null {
  if (typeof config.program !== 'string' || config.program.trim() === '') return null;
  const program = substitute(config.program, ctx);
  if (program === null) return null;
  if (path.isAbsolute(program)) return path.normalize(program);
  return ctx.workspaceFolder === null ? null : path.join(ctx.workspaceFolder, program);
}

/** The first `ml` launch configuration whose program is `file` (what Run/Debug in Sandbox reuse). */
export function configurationFor(
  configs: readonly unknown[],
  file: string,
  workspaceFolder: string | null,
): MlLaunchConfig | null {
  for (const c of configs) {
    if (!isMlLaunch(c)) continue;
    // `${file}` follows the active editor, so it does not tie a configuration to one program.
    if (typeof c.program === 'string' && c.program.includes('${file}')) continue;
    if (programPath(c, { workspaceFolder, file }) === path.normalize(file)) return c;
  }
  return null;
}

export function isMlLaunch(value: unknown): value is MlLaunchConfig {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return c['type'] === 'ml' && c['request'] === 'launch' && typeof c['name'] === 'string';
}

export interface SettingsDefaults {
  profile: string | null;
  allow: string[];
  deny: string[];
  limits: { memoryMb: number | null; cpuTimeS: number | null; wallTimeS: number | null; outputKb: number | null };
}

/**
 * Fills what a configuration leaves out from the settings: profile and grants when it names none,
 * limits per field. Denials add up (a configuration cannot lift a denial made in settings).
 */
export function withSettings(config: MlLaunchConfig, settings: SettingsDefaults): MlLaunchConfig {
  const out: MlLaunchConfig = { ...config };
  if (out.profile === undefined && settings.profile !== null) out.profile = settings.profile;
  if (out.capabilities === undefined) out.capabilities = [...settings.allow];
  const deny = [...settings.deny, ...(out.deny ?? [])];
  out.deny = deny.filter((d, i) => deny.indexOf(d) === i);
  const limits: LaunchLimits = { ...(out.limits ?? {}) };
  for (const key of ['memoryMb', 'cpuTimeS', 'wallTimeS', 'outputKb'] as const) {
    const fromSettings = settings.limits[key];
    if (limits[key] === undefined && fromSettings !== null) limits[key] = fromSettings;
  }
  out.limits = limits;
  return out;
}
