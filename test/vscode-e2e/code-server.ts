// Test support for the workbench suite: checks the prerequisites, packages the extension, prepares
// a throw-away workspace and user profile, installs the .vsix and serves code-server on 127.0.0.1.
// It never touches the user's own VS Code settings or the repository's examples.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const codeServerDir = path.join(repoRoot, '.cache', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'package', 'out', 'node', 'entry.js');
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const bundles = ['client/dist/extension.cjs', 'server/dist/server.js', 'debug-adapter/dist/cli.js'];

/** Missing prerequisites, each with the command that provides it. */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!existsSync(codeServerEntry))
    missing.push('code-server (bash ../shared/tools/setup-code-server.sh .cache/code-server)');
  if (!existsSync(chromiumPath)) missing.push(`Chromium at ${chromiumPath} (apt-get install -y chromium)`);
  for (const b of bundles) if (!existsSync(path.join(repoRoot, b))) missing.push(`${b} (npm run build)`);
  return missing;
}

export interface Workbench {
  url: string;
  workspace: string;
  userData: string;
  logs(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

/** Packages the current bundles into a .vsix (the same script as `npm run package`). */
export function packageExtension(out: string): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'client/scripts/package-vsix.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, MLSEC_VSIX: path.relative(repoRoot, out) },
    stdio: 'pipe',
  });
}

/** A copy of examples/ plus the e2e fixtures, in a temporary folder. */
function prepareWorkspace(root: string): string {
  const workspace = path.join(root, 'workspace');
  cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
  cpSync(path.join(repoRoot, 'test/vscode-e2e/fixtures'), workspace, { recursive: true });
  return workspace;
}

/** No extension gallery: the workbench must not reach for the network (only 127.0.0.1 is ours). */
const offlineEnv = {
  ...process.env,
  EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' }),
};

export async function startWorkbench(
  vsix: string,
  settings: Record<string, unknown>,
  logFile: string,
): Promise<Workbench> {
  const root = mkdtempSync(path.join(tmpdir(), 'mlsec-e2e-'));
  const userData = path.join(root, 'user-data');
  const extensions = path.join(userData, 'ext');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const workspace = prepareWorkspace(root);
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  execFileSync(process.execPath, [codeServerEntry, ...common, '--install-extension', vsix], {
    stdio: 'pipe',
    env: offlineEnv,
  });
  const port = await freePort();
  let logs = '';
  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...common,
      workspace,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: offlineEnv },
  );
  child.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    mkdirSync(path.dirname(logFile), { recursive: true });
    writeFileSync(logFile, logs);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, child, 30_000);
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${logs}`);
  }
  return { url, workspace, userData, logs: () => logs, stop };
}
