// Per-document settings (`ml.*`): pulled with workspace/configuration for each document URI, validated
// (anything malformed falls back to the default, field by field) and cached per URI until the client
// reports a configuration change. Only clients read editor settings; the server asks for them.
import { DEFAULT_ML_SETTINGS, ML_SETTINGS_SECTION, type AnalysisLevel, type MlSettings } from '@mlsec/grammar';
import type { Connection } from 'vscode-languageserver';

const LEVELS: readonly AnalysisLevel[] = ['strict', 'moderate', 'permissive'];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/** Settings from whatever a client sent (unknown keys ignored, wrong types replaced by defaults). */
export function normalizeSettings(raw: unknown): MlSettings {
  const r = record(raw);
  const caps = record(r['capabilities']);
  const security = record(r['security']);
  const codeLens = record(r['codeLens']);
  const profile = typeof r['profile'] === 'string' && r['profile'].trim() !== '' ? r['profile'].trim() : null;
  const level = security['analysisLevel'];
  return {
    profile,
    capabilities: { allow: strings(caps['allow']), deny: strings(caps['deny']) },
    security: { analysisLevel: LEVELS.includes(level as AnalysisLevel) ? (level as AnalysisLevel) : null },
    codeLens: {
      enabled: typeof codeLens['enabled'] === 'boolean' ? codeLens['enabled'] : DEFAULT_ML_SETTINGS.codeLens.enabled,
    },
  };
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<MlSettings>>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  private pushed: MlSettings = normalizeSettings({});
  private pull = false;

  constructor(private readonly connection: Connection) {}

  /** Whether the client answers workspace/configuration (from its initialize capabilities). */
  setPullSupported(supported: boolean): void {
    this.pull = supported;
  }

  get(uri: string): Promise<MlSettings> {
    let found = this.cache.get(uri);
    if (!found) {
      found = this.fetch(uri);
      this.cache.set(uri, found);
    }
    return found;
  }

  /** Settings a client gave with `initialize` (used when it does not answer workspace/configuration). */
  setInitial(raw: unknown): void {
    if (raw !== undefined) this.pushed = normalizeSettings(raw);
  }

  /** A configuration change: forget every cached answer (and keep pushed settings if any). */
  changed(pushedSettings: unknown): void {
    const section = record(pushedSettings)[ML_SETTINGS_SECTION];
    if (section !== undefined) this.pushed = normalizeSettings(section);
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async fetch(uri: string): Promise<MlSettings> {
    if (!this.pull) return this.pushed;
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({
        scopeUri: uri,
        section: ML_SETTINGS_SECTION,
      });
      return normalizeSettings(value);
    } catch (error) {
      this.connection.console.warn(`ml settings for ${uri} could not be read (${String(error)}); using defaults`);
      return this.pushed;
    }
  }
}
