// "Grant and re-run": writes one capability where the next run picks it up — the active profile in
// mlpy.yaml, the workspace's `ml.capabilities.allow`, or the file's `ml` launch configuration.
// Edits go through the editor (undoable); nothing here runs code.
import path from 'node:path';
import * as vscode from 'vscode';
import { configurationFor, type MlLaunchConfig } from '../debug/launch.js';
import { addToProfile } from './profile-edit.js';

const CONFIG_NAMES = ['mlpy.yaml', '.mlpy.yaml'];

type Target = 'profile' | 'settings' | 'launch';

/** The folder's mlpy.yaml (or .mlpy.yaml), or null when it has none. */
export async function findConfigFile(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | null> {
  for (const name of CONFIG_NAMES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    try {
      await vscode.workspace.fs.stat(uri);
      return uri;
    } catch {
      // Not there: try the next name.
    }
  }
  return null;
}

async function grantInProfile(folder: vscode.WorkspaceFolder, profile: string, capability: string): Promise<boolean> {
  const uri = (await findConfigFile(folder)) ?? vscode.Uri.joinPath(folder.uri, 'mlpy.yaml');
  let text = '';
  let exists = true;
  try {
    text = (await vscode.workspace.openTextDocument(uri)).getText();
  } catch {
    exists = false;
  }
  const result = addToProfile(text, profile, capability);
  if (result.kind === 'present') return true;
  if (result.kind === 'error') {
    void vscode.window.showErrorMessage(`ML: ${result.message}`);
    return false;
  }
  if (!exists) {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.edit.text));
    return true;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(
    uri,
    new vscode.Range(doc.positionAt(result.edit.start), doc.positionAt(result.edit.end)),
    result.edit.text,
  );
  return (await vscode.workspace.applyEdit(edit)) && (await doc.save());
}

async function grantInSettings(file: vscode.Uri, capability: string): Promise<boolean> {
  const config = vscode.workspace.getConfiguration('ml', file);
  const inspected = config.inspect<string[]>('capabilities.allow');
  const current = inspected?.workspaceValue ?? [];
  if (!current.includes(capability))
    await config.update('capabilities.allow', [...current, capability], vscode.ConfigurationTarget.Workspace);
  return true;
}

async function grantInLaunch(folder: vscode.WorkspaceFolder, file: vscode.Uri, capability: string): Promise<boolean> {
  const launch = vscode.workspace.getConfiguration('launch', folder.uri);
  const configs = [...(launch.get<unknown[]>('configurations') ?? [])];
  const existing = configurationFor(configs, file.fsPath, folder.uri.fsPath);
  if (existing) {
    const caps = existing.capabilities ?? [];
    if (!caps.includes(capability))
      configs[configs.indexOf(existing)] = { ...existing, capabilities: [...caps, capability] };
  } else {
    const rel = path.relative(folder.uri.fsPath, file.fsPath).split(path.sep).join('/');
    const created: MlLaunchConfig = {
      type: 'ml',
      request: 'launch',
      name: `Run ${rel}`,
      program: `\${workspaceFolder}/${rel}`,
      capabilities: [capability],
    };
    configs.push(created);
  }
  await launch.update('configurations', configs, vscode.ConfigurationTarget.WorkspaceFolder);
  return true;
}

/**
 * Asks where to grant `capability` for `file` and writes it there. Returns false when the user
 * cancelled or the write failed.
 */
export async function grantCapability(
  file: vscode.Uri,
  capability: string,
  profile: string | null,
  fromLaunch: boolean,
): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(file);
  if (!folder) {
    void vscode.window.showErrorMessage('ML: granting needs the file to be inside a workspace folder.');
    return false;
  }
  const items: (vscode.QuickPickItem & { target: Target })[] = [];
  if (profile !== null)
    items.push({ label: `Profile '${profile}' in mlpy.yaml`, description: 'the active profile', target: 'profile' });
  items.push({ label: 'Launch configuration for this file', description: 'launch.json', target: 'launch' });
  items.push({
    label: 'Workspace setting ml.capabilities.allow',
    description: 'every ML file of the workspace',
    target: 'settings',
  });
  if (fromLaunch)
    items.unshift(
      items.splice(
        items.findIndex((i) => i.target === 'launch'),
        1,
      )[0]!,
    );
  const picked = await vscode.window.showQuickPick(items, {
    title: `Grant ${capability}`,
    placeHolder: 'Where should the grant be written?',
  });
  if (!picked) return false;
  if (picked.target === 'profile' && profile !== null) return grantInProfile(folder, profile, capability);
  if (picked.target === 'launch') return grantInLaunch(folder, file, capability);
  return grantInSettings(file, capability);
}
