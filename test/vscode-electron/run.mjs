// Runs the @vscode/test-electron suite in a real VS Code (desktop build): VSCODE_EXECUTABLE names
// one, or MLSEC_VSCODE_DOWNLOAD=1 lets @vscode/test-electron download it. Without either it prints
// one line saying why it is skipped and exits 0. Usage: node test/vscode-electron/run.mjs
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const executable = process.env.VSCODE_EXECUTABLE;
const download = process.env.MLSEC_VSCODE_DOWNLOAD === '1';

if (!executable && !download) {
  console.log(
    'vscode-electron: skipped — no VS Code: set VSCODE_EXECUTABLE=/path/to/code, or MLSEC_VSCODE_DOWNLOAD=1 to download one',
  );
  process.exit(0);
}
if (executable && !existsSync(executable)) {
  console.error(`vscode-electron: VSCODE_EXECUTABLE=${executable} does not exist`);
  process.exit(1);
}
const bundles = ['client/dist/extension.cjs', 'server/dist/server.js', 'debug-adapter/dist/cli.js'];
const missing = bundles.filter((b) => !existsSync(path.join(root, b)));
if (missing.length > 0) {
  console.error(`vscode-electron: missing ${missing.join(', ')} (run npm run build first)`);
  process.exit(1);
}

// The suite is TypeScript: bundle it for the extension host's require() (vscode and mocha stay external).
const suite = path.join(root, '.cache', 'vscode-electron', 'suite.cjs');
await build({
  entryPoints: [path.join(root, 'test/vscode-electron/suite/index.ts')],
  outfile: suite,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

const scratch = mkdtempSync(path.join(tmpdir(), 'mlsec-electron-'));
const workspace = path.join(scratch, 'workspace');
cpSync(path.join(root, 'examples'), workspace, { recursive: true });
cpSync(path.join(root, 'test/vscode-e2e/fixtures'), workspace, { recursive: true });

const { runTests } = await import('@vscode/test-electron');
let code = 1;
try {
  await runTests({
    ...(executable ? { vscodeExecutablePath: executable } : {}),
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(scratch, 'user-data')}`,
    ],
    extensionTestsEnv: { ELECTRON_ENABLE_LOGGING: '0' },
  });
  code = 0;
} catch (error) {
  console.error(`vscode-electron: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
