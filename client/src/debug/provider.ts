// The `ml` debugger's editor side: initial and dynamic launch configurations, resolving a launch
// (program from the active editor, settings merged in, Workspace Trust and Node checks) and the
// adapter descriptor that starts `mlsec dap`. It never runs ML code itself.
import * as vscode from 'vscode';
import { childEnvironment, resolveNodeRuntime, sandboxUnavailableReason } from '../node-runtime.js';
import { nodePathSetting, runSettings } from '../settings.js';
import { mayRunCode } from '../trust.js';
import { programPath, withSettings, type MlLaunchConfig } from './launch.js';

export const DEBUG_TYPE = 'ml';

function activeMlFile(): vscode.Uri | null {
  const doc = vscode.window.activeTextEditor?.document;
  return doc && doc.languageId === 'ml' && doc.uri.scheme === 'file' ? doc.uri : null;
}

export function currentFileConfiguration(): MlLaunchConfig {
  return {
    type: DEBUG_TYPE,
    request: 'launch',
    name: 'ML: Debug current file',
    program: '${file}',
    stopOnEntry: false,
  };
}

export class MlConfigurationProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly dynamic: boolean) {}

  async provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): Promise<vscode.DebugConfiguration[]> {
    if (!this.dynamic) return [currentFileConfiguration()];
    // Dynamic entries of the Run and Debug view: one per ML program of the folder (bounded).
    const pattern = folder ? new vscode.RelativePattern(folder, '**/*.ml') : '**/*.ml';
    const files = await vscode.workspace.findFiles(pattern, '**/node_modules/**', 20);
    return files
      .map((uri) => vscode.workspace.asRelativePath(uri, false))
      .sort()
      .map((rel) => ({
        type: DEBUG_TYPE,
        request: 'launch',
        name: `Debug ${rel}`,
        program: `\${workspaceFolder}/${rel}`,
      }));
  }

  resolveDebugConfiguration(
    folder: vscode.WorkspaceFolder | undefined,
    debugConfiguration: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    let config = debugConfiguration as MlLaunchConfig;
    // F5 without a launch.json: debug the active ML file.
    if (!config.type && !config.request && !config.name) {
      if (!activeMlFile()) {
        void vscode.window.showInformationMessage(
          'ML: open an .ml file to debug it, or add an "ml" launch configuration.',
        );
        return undefined;
      }
      config = currentFileConfiguration();
    }
    if (!mayRunCode()) return undefined;
    const file = activeMlFile();
    const ctx = { workspaceFolder: folder?.uri.fsPath ?? null, file: file?.fsPath ?? null };
    const program = programPath(config, ctx);
    if (program === null) {
      void vscode.window.showErrorMessage(
        `ML: launch configuration "${config.name}" needs a "program" (an .ml file; \${file} needs an open ML editor).`,
      );
      return undefined;
    }
    const unavailable = sandboxUnavailableReason(resolveNodeRuntime(nodePathSetting()).runtime);
    if (unavailable) {
      void vscode.window.showErrorMessage(`ML: ${unavailable}`);
      return undefined;
    }
    const merged = withSettings({ ...config, program }, runSettings(vscode.Uri.file(program)));
    if (merged.cwd === undefined && folder) merged.cwd = folder.uri.fsPath;
    return merged;
  }
}

/** Starts the debug adapter as `node --no-node-snapshot debug-adapter/dist/cli.js dap` over stdio. */
export class MlAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly cliPath: string) {}

  createDebugAdapterDescriptor(session: vscode.DebugSession): vscode.DebugAdapterDescriptor {
    const runtime = resolveNodeRuntime(nodePathSetting()).runtime;
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(childEnvironment(runtime))) if (v !== undefined) env[k] = v;
    const cwd = session.workspaceFolder?.uri.fsPath;
    return new vscode.DebugAdapterExecutable(
      runtime.path,
      ['--no-node-snapshot', this.cliPath, 'dap'],
      cwd ? { env, cwd } : { env },
    );
  }
}
