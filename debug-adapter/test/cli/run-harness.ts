// Test helper: `mlsec run` executed in-process (the test fork runs with --no-node-snapshot, so the
// sandbox hosts isolates here) over the real file system of test/cli/run-project/, with output
// captured, a given environment and stdin, and the sandbox bundles built for tests.
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createRunCommand } from '../../src/cli/commands/run.js';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { nodeIO } from '../../src/cli/node-io.js';
import { buildTestArtifacts } from '../sandbox/artifacts.js';

export const PROJECT = fileURLToPath(new URL('./run-project/', import.meta.url));

export interface RunOutcome {
  code: number;
  out: string;
  err: string;
}

export interface RunSetting {
  /** Working directory the file and --audit/--config paths are relative to (default: the project). */
  cwd?: string;
  /** The host environment --pass-env reads. */
  env?: Record<string, string>;
  stdin?: string;
}

export async function runCli(argv: string[], setting: RunSetting = {}): Promise<RunOutcome> {
  const { runtimePath } = await buildTestArtifacts();
  const real = nodeIO();
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readFile: real.readFile,
    writeFile: real.writeFile,
  };
  const command = createRunCommand(() => ({
    cwd: setting.cwd ?? PROJECT,
    env: setting.env ?? {},
    stdin: () => Readable.from(setting.stdin === undefined ? [] : [setting.stdin]),
    sandbox: { runtimePath },
  }));
  const code = await main(['run', ...argv], io, [command]);
  return { code, out, err };
}
