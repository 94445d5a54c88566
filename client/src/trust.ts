// Workspace Trust for running code: in an untrusted (Restricted Mode) workspace the extension only
// analyses; every path that would execute ML code asks this module first and stops when it says no.
import * as vscode from 'vscode';

export const UNTRUSTED_MESSAGE =
  'ML: running code is disabled in Restricted Mode. Trust this workspace to run or debug ML programs; analysis stays on.';

/** True when code may run; otherwise tells the user why not and returns false. */
export function mayRunCode(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(UNTRUSTED_MESSAGE, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
