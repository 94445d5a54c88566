// Finds the Node.js executable that runs the language server, the CLI and the debug adapter:
// `ml.nodePath`, else `node` on PATH, else the extension host's own runtime. No vscode imports.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export type NodeSource = 'setting' | 'path' | 'extension-host';

export interface NodeRuntime {
  /** Absolute path of the executable. */
  path: string;
  source: NodeSource;
  /**
   * True when the runtime is the extension host's Electron binary: it can run plain JavaScript
   * (with ELECTRON_RUN_AS_NODE) but not the sandbox's native isolated-vm module.
   */
  electron: boolean;
}

export interface NodeLookup {
  runtime: NodeRuntime;
  /** Set when `ml.nodePath` was given but is unusable, so the user learns why it was ignored. */
  warning?: string;
}

/** What the lookup reads from the environment (injected so tests need no real PATH). */
export interface NodeEnvironment {
  pathVariable: string | undefined;
  platform: NodeJS.Platform;
  execPath: string;
  electron: boolean;
  isExecutable(file: string): boolean;
}

export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function currentEnvironment(): NodeEnvironment {
  return {
    pathVariable: process.env['PATH'],
    platform: process.platform,
    execPath: process.execPath,
    electron: typeof process.versions['electron'] === 'string',
    isExecutable: isExecutableFile,
  };
}

/** The first `node` executable on PATH, or null. */
export function findNodeOnPath(env: NodeEnvironment): string | null {
  const names = env.platform === 'win32' ? ['node.exe', 'node.cmd'] : ['node'];
  const separator = env.platform === 'win32' ? ';' : ':';
  for (const dir of (env.pathVariable ?? '').split(separator)) {
    if (dir === '' || !path.isAbsolute(dir)) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (env.isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

export function resolveNodeRuntime(
  setting: string | undefined,
  env: NodeEnvironment = currentEnvironment(),
): NodeLookup {
  let warning: string | undefined;
  const configured = setting?.trim() ?? '';
  if (configured !== '') {
    if (path.isAbsolute(configured) && env.isExecutable(configured)) {
      return { runtime: { path: configured, source: 'setting', electron: false } };
    }
    warning = `ml.nodePath "${configured}" is not an absolute path to an executable file; it is ignored.`;
  }
  const onPath = findNodeOnPath(env);
  const runtime: NodeRuntime = onPath
    ? { path: onPath, source: 'path', electron: false }
    : { path: env.execPath, source: 'extension-host', electron: env.electron };
  return warning === undefined ? { runtime } : { runtime, warning };
}

/** Environment for a child process started with `runtime` (Electron must be told to act as Node). */
export function childEnvironment(runtime: NodeRuntime, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return runtime.electron ? { ...base, ELECTRON_RUN_AS_NODE: '1' } : { ...base };
}

/** Why ML code cannot run with this runtime, or null when it can. */
export function sandboxUnavailableReason(runtime: NodeRuntime): string | null {
  if (!runtime.electron) return null;
  return 'Running ML programs needs Node.js 20 (the sandbox loads a native module that the editor\'s own runtime cannot load). Install Node.js or set "ml.nodePath".';
}
