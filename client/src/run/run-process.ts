// Runs one ML file with the `mlsec run --json` CLI in a child Node process and streams its output.
// Knows the CLI's flags; knows nothing of the editor (the command layer shows what it reports).
import { spawn } from 'node:child_process';
import { childEnvironment, type NodeRuntime } from '../node-runtime.js';
import { RunOutputParser } from './run-output.js';
import type { RunResultView } from './run-result.js';

export interface RunOptions {
  file: string;
  cwd: string;
  profile: string | null;
  allow: readonly string[];
  deny: readonly string[];
  memoryMb: number | null;
  cpuTimeS: number | null;
  args: readonly string[];
}

export interface RunOutcome {
  /** The process's exit code (null when it was killed by a signal). */
  exitCode: number | null;
  /** The parsed run result, or null when the CLI printed none (usage or internal error). */
  result: RunResultView | null;
  /** Whether program output was streamed as it happened (else it is only in the result). */
  streamed: boolean;
}

export interface RunHandlers {
  output(text: string, stream: 'stdout' | 'stderr'): void;
}

/** `mlsec run` arguments for the options (flags of TOOLING.md's CLI section). */
export function runArguments(options: RunOptions): string[] {
  const argv = ['run', options.file, '--json'];
  if (options.profile) argv.push('--profile', options.profile);
  for (const cap of options.allow) argv.push('--allow', cap);
  for (const cap of options.deny) argv.push('--deny', cap);
  if (options.memoryMb !== null) argv.push('--memory', String(options.memoryMb));
  if (options.cpuTimeS !== null) argv.push('--cpu-time', String(options.cpuTimeS));
  if (options.args.length > 0) argv.push('--', ...options.args);
  return argv;
}

export interface RunningProgram {
  done: Promise<RunOutcome>;
  /** Ends the run (the CLI's process and its isolate). */
  kill(): void;
}

export function startRun(
  runtime: NodeRuntime,
  cliPath: string,
  options: RunOptions,
  handlers: RunHandlers,
): RunningProgram {
  const child = spawn(runtime.path, ['--no-node-snapshot', cliPath, ...runArguments(options)], {
    cwd: options.cwd,
    env: childEnvironment(runtime),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parser = new RunOutputParser((text) => handlers.output(text, 'stdout'));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => parser.feed(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => handlers.output(chunk, 'stderr'));
  const done = new Promise<RunOutcome>((resolve) => {
    child.on('error', (error) => {
      handlers.output(`Could not start ${runtime.path}: ${error.message}\n`, 'stderr');
      resolve({ exitCode: null, result: null, streamed: false });
    });
    child.on('close', (code) => {
      const result = parser.finish();
      resolve({ exitCode: code, result, streamed: parser.streamedOutput });
    });
  });
  return { done, kill: () => void child.kill() };
}
