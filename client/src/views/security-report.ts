// The "Security Report" command: a webview with the active ML file's findings and score from
// `ml/securityReport`; clicking a finding reveals it in the editor. One panel, reused.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import * as vscode from 'vscode';
import { SECURITY_REPORT_METHOD, type SecurityReportResult } from '@mlsec/grammar/protocol';
import type { ServerManager } from '../language-client.js';
import { reportHtml } from './report-html.js';
import { toRange } from './reveal.js';

export class SecurityReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | null = null;
  private report: SecurityReportResult | null = null;

  constructor(private readonly server: ServerManager) {}

  async show(doc: vscode.TextDocument): Promise<SecurityReportResult | null> {
    let report: SecurityReportResult | null;
    try {
      report = await this.server.request<SecurityReportResult>(SECURITY_REPORT_METHOD, {
        textDocument: { uri: doc.uri.toString() },
      });
    } catch (error) {
      void vscode.window.showErrorMessage(`ML: security report failed: ${String(error)}`);
      return null;
    }
    if (!report) {
      void vscode.window.showWarningMessage(
        'ML: the language server is not running or does not offer security reports.',
      );
      return null;
    }
    this.report = report;
    const panel = this.ensurePanel();
    const name = path.basename(doc.uri.fsPath);
    panel.title = `Security: ${name}`;
    panel.webview.html = reportHtml(report, name, randomBytes(16).toString('base64'), panel.webview.cspSource);
    panel.reveal(vscode.ViewColumn.Beside, true);
    return report;
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel(
      'ml.securityReport',
      'Security Report',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [],
      },
    );
    panel.onDidDispose(() => (this.panel = null));
    panel.webview.onDidReceiveMessage((message: { finding?: unknown; suppressed?: unknown }) => {
      const list = message.suppressed === true ? this.report?.suppressed : this.report?.findings;
      const finding = typeof message.finding === 'number' ? list?.[message.finding] : undefined;
      if (!finding || !this.report) return;
      void vscode.window.showTextDocument(vscode.Uri.parse(this.report.uri), {
        selection: toRange(finding.range),
        viewColumn: vscode.ViewColumn.One,
      });
    });
    this.panel = panel;
    return panel;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
