// Test helper: runs the BUILT `mlsec` (debug-adapter/bin/mlsec.js → dist/cli.js, as users start it)
// as a child process and collects its exit code and output. Needs `npx tsc -b && node scripts/bundle.mjs`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const MLSEC = path.join(REPO, 'debug-adapter', 'bin', 'mlsec.js');

const BUILT = ['cli.js', 'runtime.js'].map((f) => path.join(REPO, 'debug-adapter', 'dist', f));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  for (const f of BUILT) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npx tsc -b && node scripts/bundle.mjs\` first`);
  }
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Text on stdin, then end of input; null leaves stdin open (the process must not wait for it). */
  stdin?: string | null;
}

export function mlsec(args: readonly string[], options: SpawnOptions = {}): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-node-snapshot', MLSEC, ...args], {
      cwd: options.cwd ?? REPO,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      child.stdin.destroy();
      resolve({ code, stdout, stderr });
    });
    if (options.stdin === null) child.stdin.on('error', () => undefined);
    else child.stdin.end(options.stdin ?? '');
  });
}
