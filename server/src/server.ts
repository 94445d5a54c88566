// The language server: builds the stores and services, answers `initialize` with exactly what is
// implemented, keeps documents, settings, config and diagnostics in step, and registers the
// features. Transport-agnostic: main.ts hands it a connection.
import { parse, type MlInitializationOptions } from '@mlsec/grammar';
import type { ClientCapabilities, Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { BulkRegistration, DidChangeConfigurationNotification } from 'vscode-languageserver';
import { AnalysisService } from './analysis-service.js';
import { ConfigStore } from './config-store.js';
import { ConfigWatch } from './config-watch.js';
import { pathToUri } from './convert.js';
import { DIAGNOSTIC_DELAY_MS, DiagnosticScheduler } from './diagnostic-scheduler.js';
import { defaultRulesDocs } from './docs-links.js';
import { DocumentStore } from './document-store.js';
import { registerFeatures } from './features.js';
import { guard } from './guard.js';
import { IdleCollector } from './idle-collector.js';
import { ModuleCache } from './modules.js';
import { SemanticTokenProvider } from './semantic-tokens.js';
import { serverCapabilities } from './server-capabilities.js';
import { SettingsStore } from './settings.js';
import { SERVER_VERSION } from './version.js';
import { Workspace } from './workspace.js';
import { WorkspaceIndex } from './workspace-index.js';

interface InitOptions extends MlInitializationOptions {
  /** Base URL of docs/security-rules.md for diagnostic links (default: the copy beside the server). */
  rulesDocumentationUrl?: string;
}

export function startServer(connection: Connection): void {
  const documents = new DocumentStore();
  const workspace = new Workspace(documents);
  const configs = new ConfigStore(workspace);
  const modules = new ModuleCache(workspace);
  const settings = new SettingsStore(connection);
  const service = new AnalysisService(documents, workspace, configs, modules, settings);
  const index = new WorkspaceIndex(workspace);
  const tokens = new SemanticTokenProvider();
  let client: ClientCapabilities = {};
  let docsBase = defaultRulesDocs();
  const collector = new IdleCollector();
  const newScheduler = () =>
    new DiagnosticScheduler(
      connection,
      service,
      documents,
      docsBase,
      DIAGNOSTIC_DELAY_MS,
      (a) => tokens.prepare(a),
      collector,
    );
  let scheduler = newScheduler();
  let watch = new ConfigWatch(connection, service, configs, modules, index, scheduler, false);
  let pull = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = params.capabilities ?? {};
    const init = (params.initializationOptions ?? {}) as InitOptions;
    const rootUri = params.rootUri ?? (params.rootPath ? pathToUri(params.rootPath) : null);
    workspace.setFolders(params.workspaceFolders, rootUri);
    settings.setPullSupported(client.workspace?.configuration === true);
    settings.setInitial(init.settings);
    if (typeof init.rulesDocumentationUrl === 'string' && init.rulesDocumentationUrl !== '')
      docsBase = init.rulesDocumentationUrl;
    pull = client.textDocument?.diagnostic !== undefined && init.pullDiagnostics !== false;
    scheduler = newScheduler();
    watch = new ConfigWatch(
      connection,
      service,
      configs,
      modules,
      index,
      scheduler,
      pull && client.workspace?.diagnostics?.refreshSupport === true,
    );
    return { capabilities: serverCapabilities(pull), serverInfo: { name: 'mlsec', version: SERVER_VERSION } };
  });

  connection.onInitialized(async () => {
    // Build the shared parser now, while the client is still busy, not on the first keystroke.
    setImmediate(() => parse(''));
    try {
      // One registration request, sent before any later request is handled.
      const registrations = BulkRegistration.create();
      const watchFiles = client.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      const watchConfig = client.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      if (watchFiles) watch.addRegistration(registrations);
      if (watchConfig) registrations.add(DidChangeConfigurationNotification.type, { section: 'ml' });
      if (watchFiles || watchConfig) await connection.client.register(registrations);
    } catch (error) {
      connection.console.warn(`registration failed: ${String(error)}`);
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        workspace.addFolders(e.added, e.removed);
        index.invalidate();
        configs.invalidate();
        void watch.recheck(true);
      });
    }
  });

  documents.listen(connection);
  documents.onDidChange((doc, kind, opened) => {
    if (kind === 'ml') {
      for (const importer of service.invalidate(doc.uri)) scheduler.schedule(importer);
      scheduler.schedule(doc.uri, !opened, opened);
    } else if (kind === 'config') {
      configs.invalidate();
      void watch.recheck(true);
    }
  });
  documents.onDidClose((doc, kind) => {
    tokens.forget(doc.uri);
    settings.forget(doc.uri);
    scheduler.closed(doc.uri);
    if (kind === 'ml') {
      for (const importer of service.invalidate(doc.uri)) scheduler.schedule(importer);
      service.forget(doc.uri);
    } else if (kind === 'config') {
      configs.invalidate();
      void watch.recheck(true);
    }
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params?.settings);
    void watch.recheck(false);
  });
  connection.onDidChangeWatchedFiles((params) => void watch.onWatchedFiles(params));
  connection.languages.diagnostics.on(
    guard(connection, 'pull diagnostics', (params) => scheduler.pull(params.textDocument.uri, params.previousResultId)),
  );

  registerFeatures(connection, {
    service,
    deps: { workspace, modules, index },
    tokens,
    docsBase: () => docsBase,
    canCreateFiles: () => client.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
  });
}
