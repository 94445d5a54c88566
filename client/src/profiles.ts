// Lists the capability profiles of a workspace's mlpy.yaml and lets the user pick the active one
// (`ml.profile`). Reads the file; the only write is the workspace setting the user chose.
import * as vscode from 'vscode';
import { isMap, parseDocument } from 'yaml';
import { findConfigFile } from './run/grant.js';
import { runSettings } from './settings.js';

/** Profile names of an mlpy.yaml text (in file order); empty when it has none or does not parse. */
export function profileNames(text: string): string[] {
  const doc = parseDocument(text);
  const profiles = doc.errors.length === 0 ? doc.getIn(['security', 'capability_profiles'], true) : undefined;
  if (!isMap(profiles)) return [];
  return profiles.items
    .map((pair) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key))
    .filter((n) => n !== '');
}

export async function selectProfile(): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('ML: open a workspace folder with an mlpy.yaml to choose a profile.');
    return;
  }
  const config = await findConfigFile(folder);
  const names = config ? profileNames((await vscode.workspace.openTextDocument(config)).getText()) : [];
  const current = runSettings(folder.uri).profile;
  const items: (vscode.QuickPickItem & { profile: string | null })[] = [
    { label: 'Default grant', description: current === null ? 'active' : 'no profile', profile: null },
    ...names.map((name) => ({ label: name, description: name === current ? 'active' : '', profile: name })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'ML capability profile',
    placeHolder: config ? `Profiles of ${vscode.workspace.asRelativePath(config)}` : 'No mlpy.yaml in this folder',
  });
  if (!picked) return;
  await vscode.workspace
    .getConfiguration('ml', folder.uri)
    .update('profile', picked.profile ?? '', vscode.ConfigurationTarget.Workspace);
}
