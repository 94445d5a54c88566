// `.ml` is also OCaml's extension: when another language claims an `.ml` file whose content reads as
// ML, switch the editor to ML and offer a `files.associations` entry. Never touches other files.
import * as vscode from 'vscode';
import { looksLikeMl } from './language-detect.js';

const ASSOCIATE = 'Always Open *.ml as ML';

export class OcamlClaimWatcher implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private offered = false;

  constructor() {
    this.subscription = vscode.workspace.onDidOpenTextDocument((doc) => void this.check(doc));
    for (const doc of vscode.workspace.textDocuments) void this.check(doc);
  }

  private async check(doc: vscode.TextDocument): Promise<void> {
    if (!doc.fileName.endsWith('.ml') || doc.languageId === 'ml' || !looksLikeMl(doc.getText())) return;
    const previous = doc.languageId;
    await vscode.languages.setTextDocumentLanguage(doc, 'ml');
    if (this.offered) return;
    this.offered = true;
    const choice = await vscode.window.showInformationMessage(
      `ML: ${vscode.workspace.asRelativePath(doc.uri)} was opened as '${previous}' but reads as ML; it is shown as ML now.`,
      ASSOCIATE,
    );
    if (choice !== ASSOCIATE) return;
    const files = vscode.workspace.getConfiguration('files');
    const current = files.get<Record<string, string>>('associations') ?? {};
    await files.update('associations', { ...current, '*.ml': 'ml' }, vscode.ConfigurationTarget.Workspace);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
