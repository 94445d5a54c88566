// Hands every feature the analysis of a document's current version: builds the context (settings,
// mlpy.yaml, grant, preloaded user modules), caches one DocumentAnalysis per open document, and
// drops it when the document, a module it imports, the config or the settings change.
import path from 'node:path';
import { grantFromConfig, type GrantResult, type MlSettings, type Program } from '@mlsec/grammar';
import type { ConfigStore, LoadedConfig } from './config-store.js';
import { uriToPath } from './convert.js';
import { DocumentAnalysis, ParsedDocument, type AnalysisContext } from './document-analysis.js';
import { documentKind, type DocumentStore } from './document-store.js';
import type { ModuleCache } from './modules.js';
import type { SettingsStore } from './settings.js';
import type { Workspace } from './workspace.js';

/**
 * Analyses kept in memory (most recently used). Others are recomputed on demand: an analysis holds
 * the AST, scopes and findings of its document, and hundreds of open documents must not hold theirs.
 */
export const RETAINED_ANALYSES = 8;

export class AnalysisService {
  /** Insertion order is recency: a hit moves the entry to the end. */
  private readonly cache = new Map<string, Promise<DocumentAnalysis>>();
  /** Module files each document's last analysis reached (found or not). */
  private readonly dependencies = new Map<string, readonly string[]>();
  private readonly grants = new Map<string, GrantResult>();
  /** Bumped when anything outside the documents' texts changes (settings, config, files on disk). */
  private epoch = 0;

  constructor(
    readonly documents: DocumentStore,
    readonly workspace: Workspace,
    readonly configs: ConfigStore,
    readonly modules: ModuleCache,
    readonly settings: SettingsStore,
  ) {}

  /** Changes whenever results may differ for the same text (for pull diagnostics' result ids). */
  get generation(): number {
    return this.epoch * 1_000_000 + this.configs.epoch;
  }

  /** The analysis of the open ML document's current version; undefined when it is not an open ML document. */
  get(uri: string): Promise<DocumentAnalysis> | undefined {
    const doc = this.documents.get(uri);
    if (!doc || documentKind(uri) !== 'ml') return undefined;
    const cached = this.cache.get(uri);
    if (cached) {
      this.cache.delete(uri);
      this.cache.set(uri, cached);
      return cached.then((a) =>
        a.version === doc.version && a.epoch === this.epoch && a.text === doc.getText() ? a : this.refresh(uri),
      );
    }
    return this.refresh(uri);
  }

  private refresh(uri: string): Promise<DocumentAnalysis> {
    const doc = this.documents.get(uri);
    if (!doc) return Promise.reject(new Error(`${uri} is not open`));
    const epoch = this.epoch;
    const base = new ParsedDocument(doc);
    // The settings and config first: the document is parsed only when its analysis can proceed.
    const pending = this.contextFor(uri, () => base.parsed.program).then(
      (context) => new DocumentAnalysis(base, context, epoch),
    );
    this.cache.delete(uri);
    this.cache.set(uri, pending);
    for (const old of this.cache.keys()) {
      if (this.cache.size <= RETAINED_ANALYSES) break;
      this.cache.delete(old);
    }
    pending.catch(() => {
      if (this.cache.get(uri) === pending) this.cache.delete(uri);
    });
    return pending;
  }

  /** Everything outside the texts changed (settings, config, a file on disk): recompute on next use. */
  invalidateAll(): void {
    this.epoch++;
    this.grants.clear();
  }

  /**
   * A document changed: drop its analysis and those of the open documents that import it (directly
   * or through other modules). Returns the URIs of those importers.
   */
  invalidate(uri: string): string[] {
    this.cache.delete(uri);
    const file = uriToPath(uri);
    if (file === undefined) return [];
    const importers: string[] = [];
    for (const [other, files] of this.dependencies) {
      if (other !== uri && files.includes(file)) {
        this.cache.delete(other);
        importers.push(other);
      }
    }
    return importers;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.dependencies.delete(uri);
  }

  /** The root a document's capabilities resolve against, and its file path (a stand-in when unsaved). */
  location(uri: string): { root: string; file: string } {
    const realFile = uriToPath(uri);
    const root = realFile ? this.workspace.rootFor(realFile) : (this.workspace.roots[0] ?? process.cwd());
    return { root, file: realFile ?? path.join(root, 'untitled.ml') };
  }

  private async contextFor(uri: string, program: () => Program): Promise<AnalysisContext> {
    const settings = await this.settings.get(uri);
    const { root, file } = this.location(uri);
    const config = await this.configs.forRoot(root);
    const grant = this.grantFor(root, config, settings);
    const modules = await this.modules.preload(file, program());
    this.dependencies.set(uri, modules.files);
    const level = settings.security.analysisLevel ?? config?.config.security.analysisLevel?.value ?? 'moderate';
    return { settings, root, file, config, grant: grant.grant, grantProblems: grant.problems, level, modules };
  }

  /** The grant for a root and settings (compiled once per config generation). */
  grantFor(root: string, config: LoadedConfig | null, settings: MlSettings): GrantResult {
    const key = JSON.stringify([
      root,
      config?.file ?? null,
      this.configs.epoch,
      settings.profile,
      settings.capabilities,
    ]);
    let found = this.grants.get(key);
    if (!found) {
      found = grantFromConfig(config?.config ?? null, {
        root,
        profile: settings.profile,
        allow: settings.capabilities.allow,
        deny: settings.capabilities.deny,
      });
      this.grants.set(key, found);
    }
    return found;
  }
}
