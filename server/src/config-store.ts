// mlpy.yaml per workspace root (CAPABILITIES.md §5): found at the root (`mlpy.yaml`, then
// `.mlpy.yaml`), read from the editor buffer when open, parsed once per text and kept until a change
// is reported. Never throws: a broken file yields its CFGxxx diagnostics and the valid parts.
import path from 'node:path';
import { CONFIG_FILE_NAMES, parseMlpyConfig, type Diagnostic, type MlpyConfig } from '@mlsec/grammar';
import type { Workspace } from './workspace.js';

export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  config: MlpyConfig;
  diagnostics: Diagnostic[];
  text: string;
}

export class ConfigStore {
  private readonly cache = new Map<string, Promise<LoadedConfig | null>>();
  /** Increases on every change, so analyses can tell that the config they used is stale. */
  epoch = 0;

  constructor(private readonly workspace: Workspace) {}

  /** The config of a workspace root, or null when the root has none. */
  forRoot(root: string): Promise<LoadedConfig | null> {
    let found = this.cache.get(root);
    if (!found) {
      found = this.load(root);
      this.cache.set(root, found);
    }
    return found;
  }

  /** A config file changed (edited, created, deleted): reload on next use. */
  invalidate(): void {
    this.cache.clear();
    this.epoch++;
  }

  /** Roots whose config has been loaded (for re-publishing its diagnostics). */
  knownRoots(): string[] {
    return [...this.cache.keys()];
  }

  private async load(root: string): Promise<LoadedConfig | null> {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(root, name);
      const text = await this.workspace.readText(file);
      if (text === undefined) continue;
      const parsed = parseMlpyConfig(text);
      return { file, config: parsed.config, diagnostics: parsed.diagnostics, text };
    }
    return null;
  }
}
