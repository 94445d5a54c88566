// The extension inside a real VS Code: activation, diagnostics from the language server, the
// capability hover and Run in Sandbox. The workspace is a copy of examples/ plus the e2e fixtures.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { before, describe, it } from 'mocha';
import { diagnosticWithCode } from './wait.js';

interface MlExtensionApi {
  serverReady: Promise<void>;
  runInSandbox(uri?: vscode.Uri): Promise<{ ok: boolean; stdout: string; exitCode: number } | null>;
}

const EXTENSION_ID = 'mlsec.mlsec';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export function registerExtensionTests(): void {
  describe('ML extension', () => {
    let api: MlExtensionApi;

    before(async () => {
      await open('hello.ml');
      const extension = vscode.extensions.getExtension<MlExtensionApi>(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      api = await extension.activate();
      await api.serverReady;
    });

    it('activates for .ml files and contributes its commands', async () => {
      assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
      const commands = await vscode.commands.getCommands(true);
      for (const id of [
        'ml.runInSandbox',
        'ml.debugInSandbox',
        'ml.showRequiredCapabilities',
        'ml.securityReport',
        'ml.restartLanguageServer',
      ]) {
        assert.ok(commands.includes(id), `command ${id} is registered`);
      }
    });

    it('publishes SEC001 on the eval(...) call', async () => {
      const doc = await open('unsafe_eval.ml');
      const diagnostic = await diagnosticWithCode(doc.uri, 'SEC001');
      const line = doc
        .getText()
        .split('\n')
        .findIndex((l) => l.includes('eval('));
      assert.equal(diagnostic.range.start.line, line);
      assert.equal(doc.getText(diagnostic.range), 'eval');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    });

    it('shows the concrete capability of file.read("...") in its hover', async () => {
      const doc = await open('read_poem.ml');
      const offset = doc.getText().indexOf('file.read(') + 'file.'.length + 1;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        doc.positionAt(offset),
      );
      const expected = `file:read:${vscode.Uri.joinPath(doc.uri, '..', 'data', 'poem.txt').fsPath}`;
      assert.ok(hoverText(hovers).includes(expected), `hover mentions ${expected}:\n${hoverText(hovers)}`);
    });

    it('runs an example in the sandbox', async () => {
      const result = await api.runInSandbox(workspaceFile('hello.ml'));
      assert.ok(result, 'a run result');
      assert.equal(result.ok, true);
      assert.equal(result.exitCode, 0);
      assert.equal(result.stdout, 'Hello from the sandbox!\n');
    });
  });
}
