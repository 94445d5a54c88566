// The "Run in Sandbox" command: saves the file, runs it through the debug adapter's noDebug launch
// under the settings (or the file's `ml` launch configuration), streams output to the "ML Sandbox"
// channel, reports the result and offers "Grant and Re-run" for a denied capability. Refuses in
// untrusted workspaces.
import path from 'node:path';
import * as vscode from 'vscode';
import { configurationFor, substitute, withSettings, type MlLaunchConfig } from '../debug/launch.js';
import { resolveNodeRuntime, sandboxUnavailableReason } from '../node-runtime.js';
import { nodePathSetting, runSettings } from '../settings.js';
import { mayRunCode } from '../trust.js';
import { grantCapability } from './grant.js';
import { grantFor } from './grant-target.js';
import { startDapRun, type RunningProgram } from './dap-run.js';
import { describeDenied, summarize, type RunResultView } from './run-result.js';

export const GRANT_AND_RERUN = 'Grant and Re-run';

/** The ML document a command acts on: the argument (explorer/editor menus) or the active editor. */
export async function targetDocument(uri: unknown): Promise<vscode.TextDocument | null> {
  const doc =
    uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'ml' || doc.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('ML: open a saved .ml file first.');
    return null;
  }
  return doc;
}

function launchFor(file: vscode.Uri): { config: MlLaunchConfig; fromLaunch: boolean; folder: string | null } {
  const folder = vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath ?? null;
  const configs = folder
    ? (vscode.workspace.getConfiguration('launch', file).get<unknown[]>('configurations') ?? [])
    : [];
  const found = configurationFor(configs, file.fsPath, folder);
  const base: MlLaunchConfig = found ?? { type: 'ml', request: 'launch', name: 'Run in Sandbox', program: file.fsPath };
  return { config: withSettings(base, runSettings(file)), fromLaunch: found !== null, folder };
}

export class SandboxRunner implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('ML Sandbox');
  private current: RunningProgram | null = null;

  constructor(private readonly cliPath: string) {}

  async run(uri?: unknown): Promise<RunResultView | null> {
    if (!mayRunCode()) return null;
    const doc = await targetDocument(uri);
    if (!doc) return null;
    const runtime = resolveNodeRuntime(nodePathSetting()).runtime;
    const unavailable = sandboxUnavailableReason(runtime);
    if (unavailable) {
      void vscode.window.showErrorMessage(`ML: ${unavailable}`);
      return null;
    }
    if (doc.isDirty) await doc.save();
    const { config, fromLaunch, folder } = launchFor(doc.uri);
    const ctx = { workspaceFolder: folder, file: doc.uri.fsPath };
    const cwd =
      (config.cwd !== undefined ? substitute(config.cwd, ctx) : null) ?? folder ?? path.dirname(doc.uri.fsPath);
    const launch = {
      program: doc.uri.fsPath,
      cwd,
      args: (config.args ?? []).map((a) => substitute(a, ctx) ?? a),
      capabilities: config.capabilities ?? [],
      deny: config.deny ?? [],
      limits: config.limits ?? {},
      ...(config.profile ? { profile: config.profile } : {}),
    };
    this.current?.kill();
    this.channel.clear();
    this.channel.show(true);
    const name = vscode.workspace.asRelativePath(doc.uri, false);
    const grant = [config.profile ? `profile '${config.profile}'` : 'the default grant', ...launch.capabilities].join(
      ', ',
    );
    this.channel.appendLine(
      `▶ ${name}  (${fromLaunch ? `launch configuration "${config.name}"` : 'settings'}: ${grant})`,
    );
    const running = startDapRun(runtime, this.cliPath, launch, cwd, (text) => this.channel.append(text));
    this.current = running;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `ML: running ${path.basename(doc.uri.fsPath)}` },
      () => running.done,
    );
    if (this.current === running) this.current = null;
    const result = outcome.result;
    if (!result) {
      this.channel.appendLine(`■ Not run: ${outcome.failure ?? 'unknown failure'}`);
      void vscode.window.showErrorMessage(`ML: ${name} did not run: ${outcome.failure ?? 'unknown failure'}`);
      return null;
    }
    this.channel.appendLine(`■ ${summarize(result)}`);
    for (const line of describeDenied(result)) this.channel.appendLine(`  ${line}`);
    void this.report(doc.uri, result, config.profile ?? null, fromLaunch, folder);
    return result;
  }

  private async report(
    file: vscode.Uri,
    result: RunResultView,
    profile: string | null,
    fromLaunch: boolean,
    folder: string | null,
  ): Promise<void> {
    const name = path.basename(file.fsPath);
    if (result.ok) {
      vscode.window.setStatusBarMessage(`ML: ${name} — ${summarize(result)}`, 8000);
      return;
    }
    const grantable = result.denied.find((d) => d.deniedBy === null);
    if (!grantable) {
      void vscode.window
        .showErrorMessage(`ML: ${name} — ${summarize(result)}`, 'Show Output')
        .then((c) => c && this.channel.show());
      return;
    }
    const capability = grantFor(grantable.capability, folder);
    const choice = await vscode.window.showWarningMessage(
      `ML: ${name} was refused ${grantable.capability}.`,
      GRANT_AND_RERUN,
      'Show Output',
    );
    if (choice === 'Show Output') this.channel.show();
    if (choice !== GRANT_AND_RERUN) return;
    if (await grantCapability(file, capability, profile, fromLaunch)) await this.run(file);
  }

  dispose(): void {
    this.current?.kill();
    this.channel.dispose();
  }
}
