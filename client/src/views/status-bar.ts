// The status bar item for ML editors: the active capability profile and the file's security score
// (from `ml/securityReport`), refreshed when the editor, its diagnostics or the settings change.
import * as vscode from 'vscode';
import { SECURITY_REPORT_METHOD, type SecurityReportResult } from '@mlsec/grammar/protocol';
import type { ServerManager } from '../language-client.js';
import { runSettings } from '../settings.js';

export const SELECT_PROFILE_COMMAND = 'ml.selectProfile';

export class MlStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ml.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly server: ServerManager) {
    this.item.name = 'ML Security';
    this.item.command = SELECT_PROFILE_COMMAND;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(200);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('ml') && this.schedule(300)),
      server.onDidStart(() => this.schedule(0)),
    );
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delayMs);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'ml') {
      this.item.hide();
      return;
    }
    const profile = runSettings(doc.uri).profile;
    const label = profile ? `profile ${profile}` : 'default grant';
    let report: SecurityReportResult | null = null;
    try {
      report = await this.server.request<SecurityReportResult>(SECURITY_REPORT_METHOD, {
        textDocument: { uri: doc.uri.toString() },
      });
    } catch {
      report = null;
    }
    if (generation !== this.generation) return; // a newer update is under way
    const score = report ? ` · score ${report.score}` : '';
    this.item.text = `$(shield) ${label}${score}`;
    this.item.tooltip = new vscode.MarkdownString(
      `**ML security**\n\nCapabilities checked against the ${label}.` +
        (report
          ? `\n\nSecurity score of this file: **${report.score}/100** (${report.findings.length} finding(s)).`
          : '') +
        '\n\nClick to choose a profile from mlpy.yaml.',
    );
    this.item.backgroundColor =
      report && report.score < 60 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
