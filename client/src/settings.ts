// Reads the `ml.*` settings the client itself uses (running, debugging, the status bar). The language
// server pulls its own share through workspace/configuration; this module never writes settings.
import * as vscode from 'vscode';

export interface SandboxLimitSettings {
  memoryMb: number | null;
  cpuTimeS: number | null;
  wallTimeS: number | null;
  outputKb: number | null;
}

export interface RunSettings {
  profile: string | null;
  allow: string[];
  deny: string[];
  limits: SandboxLimitSettings;
}

function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

export function runSettings(scope: vscode.ConfigurationScope | undefined): RunSettings {
  const config = vscode.workspace.getConfiguration('ml', scope);
  const profile = config.get<unknown>('profile');
  return {
    profile: typeof profile === 'string' && profile.trim() !== '' ? profile.trim() : null,
    allow: strings(config.get('capabilities.allow')),
    deny: strings(config.get('capabilities.deny')),
    limits: {
      memoryMb: positive(config.get('sandbox.memoryMb')),
      cpuTimeS: positive(config.get('sandbox.cpuTimeS')),
      wallTimeS: positive(config.get('sandbox.wallTimeS')),
      outputKb: positive(config.get('sandbox.outputKb')),
    },
  };
}

/** `ml.nodePath` from user (machine) settings; the manifest keeps workspaces from setting it. */
export function nodePathSetting(): string | undefined {
  const value = vscode.workspace.getConfiguration('ml').get<unknown>('nodePath');
  return typeof value === 'string' ? value : undefined;
}
