// Keeps analyses in step with files outside the open buffers: asks the client to watch mlpy.yaml and
// ML files, and on a change (or an edit of an open mlpy.yaml) drops stale results and re-checks every
// open document, asking pull clients to refresh.
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '@mlsec/grammar';
import {
  DidChangeWatchedFilesNotification,
  type BulkRegistration,
  FileChangeType,
  type Connection,
  type DidChangeWatchedFilesParams,
} from 'vscode-languageserver';
import type { AnalysisService } from './analysis-service.js';
import type { ConfigStore } from './config-store.js';
import { uriToPath } from './convert.js';
import type { DiagnosticScheduler } from './diagnostic-scheduler.js';
import type { ModuleCache } from './modules.js';
import type { WorkspaceIndex } from './workspace-index.js';

export const WATCHED_GLOBS = ['**/mlpy.yaml', '**/.mlpy.yaml', '**/*.ml'];

export class ConfigWatch {
  constructor(
    private readonly connection: Connection,
    private readonly service: AnalysisService,
    private readonly configs: ConfigStore,
    private readonly modules: ModuleCache,
    private readonly index: WorkspaceIndex,
    private readonly scheduler: DiagnosticScheduler,
    private readonly refreshSupported: boolean,
  ) {}

  /** Adds the file watchers to a registration (clients that support dynamic registration). */
  addRegistration(registrations: BulkRegistration): void {
    registrations.add(DidChangeWatchedFilesNotification.type, {
      watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
    });
  }

  async onWatchedFiles(params: DidChangeWatchedFilesParams): Promise<void> {
    let relevant = false;
    let configChanged = false;
    for (const change of params.changes ?? []) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (CONFIG_FILE_NAMES.includes(path.basename(file))) {
        configChanged = true;
        relevant = true;
      } else if (file.endsWith('.ml')) {
        this.modules.forget(file);
        if (change.type !== FileChangeType.Changed) this.index.invalidate();
        relevant = true;
      }
    }
    if (!relevant) return;
    if (configChanged) this.configs.invalidate();
    await this.recheck(configChanged);
  }

  /** Something every analysis may depend on changed: re-check all open documents. */
  async recheck(configChanged: boolean): Promise<void> {
    this.service.invalidateAll();
    if (configChanged) await this.scheduler.configsChanged();
    this.scheduler.scheduleAll();
    if (this.refreshSupported) await this.connection.languages.diagnostics.refresh();
  }
}
