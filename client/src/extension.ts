// Entry point of the VS Code extension: wires the language client, the `ml` debugger, the sandbox
// commands, the capabilities view, the security report and the status bar. Owns no logic itself.
import * as vscode from 'vscode';
import { SHOW_REQUIRED_CAPABILITIES_COMMAND } from '@mlsec/grammar/protocol';
import { configurationFor, type MlLaunchConfig } from './debug/launch.js';
import { DEBUG_TYPE, MlAdapterFactory, MlConfigurationProvider } from './debug/provider.js';
import { ServerManager } from './language-client.js';
import { OcamlClaimWatcher } from './ocaml-claim.js';
import { extensionPaths } from './paths.js';
import { selectProfile } from './profiles.js';
import { SandboxRunner, targetDocument } from './run/run-command.js';
import type { RunResultView } from './run/run-result.js';
import { mayRunCode } from './trust.js';
import { CAPABILITIES_VIEW, CapabilitiesView } from './views/capabilities-view.js';
import { SecurityReportPanel } from './views/security-report.js';
import { MlStatusBar, SELECT_PROFILE_COMMAND } from './views/status-bar.js';

/** What activate returns: used by the extension's own integration tests. */
export interface MlExtensionApi {
  /** Resolves once the language server has started (or failed to). */
  serverReady: Promise<void>;
  runInSandbox(uri?: vscode.Uri): Promise<RunResultView | null>;
}

async function debugInSandbox(uri: unknown): Promise<boolean> {
  if (!mayRunCode()) return false;
  const doc = await targetDocument(uri);
  if (!doc) return false;
  if (doc.isDirty) await doc.save();
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const configs = folder
    ? (vscode.workspace.getConfiguration('launch', folder.uri).get<unknown[]>('configurations') ?? [])
    : [];
  const found = configurationFor(configs, doc.uri.fsPath, folder?.uri.fsPath ?? null);
  const config: MlLaunchConfig = found ?? {
    type: DEBUG_TYPE,
    request: 'launch',
    name: `Debug ${vscode.workspace.asRelativePath(doc.uri, false)}`,
    program: doc.uri.fsPath,
  };
  return vscode.debug.startDebugging(folder, config);
}

function activeMlUri(): vscode.Uri | null {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'ml' ? doc.uri : null;
}

/** The running server, so deactivate can wait for its shutdown. */
let activeServer: ServerManager | null = null;

export function activate(context: vscode.ExtensionContext): MlExtensionApi {
  const paths = extensionPaths(context.extensionPath);
  const serverOutput = vscode.window.createOutputChannel('ML Language Server');
  const server = new ServerManager(paths.server, serverOutput);
  activeServer = server;
  void vscode.commands.executeCommand('setContext', 'ml.active', true);
  const runner = new SandboxRunner(paths.cli);
  const capabilities = new CapabilitiesView(server);
  const capabilitiesTree = vscode.window.createTreeView(CAPABILITIES_VIEW, { treeDataProvider: capabilities });
  capabilities.attach(capabilitiesTree);
  const report = new SecurityReportPanel(server);
  const refreshCapabilities = (): void => {
    if (capabilitiesTree.visible) void capabilities.refresh(activeMlUri());
  };

  context.subscriptions.push(
    serverOutput,
    server,
    runner,
    capabilities,
    capabilitiesTree,
    report,
    new MlStatusBar(server),
    new OcamlClaimWatcher(),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new MlConfigurationProvider(false)),
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      new MlConfigurationProvider(true),
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new MlAdapterFactory(paths.cli)),
    vscode.commands.registerCommand('ml.runInSandbox', (uri?: unknown) => runner.run(uri)),
    vscode.commands.registerCommand('ml.debugInSandbox', (uri?: unknown) => debugInSandbox(uri)),
    vscode.commands.registerCommand(
      SHOW_REQUIRED_CAPABILITIES_COMMAND,
      async (uri?: unknown, functionName?: unknown) => {
        const target =
          typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : activeMlUri();
        await vscode.commands.executeCommand(`${CAPABILITIES_VIEW}.focus`);
        return capabilities.refresh(target, typeof functionName === 'string' ? functionName : null);
      },
    ),
    vscode.commands.registerCommand('ml.securityReport', async (uri?: unknown) => {
      const doc = await targetDocument(uri);
      return doc ? report.show(doc) : null;
    }),
    vscode.commands.registerCommand('ml.restartLanguageServer', () => server.restart()),
    vscode.commands.registerCommand(SELECT_PROFILE_COMMAND, () => selectProfile()),
    capabilitiesTree.onDidChangeVisibility(refreshCapabilities),
    vscode.window.onDidChangeActiveTextEditor(
      (editor) => editor?.document.languageId === 'ml' && refreshCapabilities(),
    ),
    vscode.workspace.onDidSaveTextDocument((doc) => doc.languageId === 'ml' && refreshCapabilities()),
    server.onDidStart(refreshCapabilities),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Settings also "change" when they are first loaded: restart only when the value differs.
      if (!e.affectsConfiguration('ml.nodePath') || !server.nodePathChanged) return;
      serverOutput.appendLine('ml.nodePath changed: restarting the language server.');
      void server.restart();
    }),
  );
  return { serverReady: server.start(), runInSandbox: (uri) => runner.run(uri) };
}

export async function deactivate(): Promise<void> {
  // The other subscriptions are disposed by VS Code; the server gets a clean LSP shutdown first.
  await activeServer?.stop();
  activeServer = null;
}
