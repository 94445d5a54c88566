// Runs one ML program without debugging through the debug adapter (`mlsec dap`, launch with
// `noDebug: true`): a small DAP client that streams `output` events and collects the adapter's final
// `mlsec.runResult` event (SANDBOX.md's run result). No vscode imports; no debug UI.
import { spawn } from 'node:child_process';
import { childEnvironment, type NodeRuntime } from '../node-runtime.js';
import { DapReader, encodeMessage, type DapMessage } from './dap-stream.js';
import { readRunResult, type RunResultView } from './run-result.js';

/** The custom event the adapter sends with the run result before `exited`/`terminated`. */
export const RUN_RESULT_EVENT = 'mlsec.runResult';

export interface RunOutcome {
  /** The run result, or null when the program never ran (launch refused, adapter failed). */
  result: RunResultView | null;
  /** Why there is no result: the adapter's launch error or how the adapter ended. */
  failure: string | null;
}

export type OutputCategory = 'stdout' | 'stderr' | 'console';

export interface RunningProgram {
  done: Promise<RunOutcome>;
  /** Ends the run and the adapter process. */
  kill(): void;
}

export function startDapRun(
  runtime: NodeRuntime,
  cliPath: string,
  launch: Record<string, unknown>,
  cwd: string,
  output: (text: string, category: OutputCategory) => void,
): RunningProgram {
  const child = spawn(runtime.path, ['--no-node-snapshot', cliPath, 'dap'], {
    cwd,
    env: childEnvironment(runtime),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let seq = 1;
  let result: RunResultView | null = null;
  let failure: string | null = null;
  let adapterErrors = '';
  const send = (command: string, args: unknown = {}): void => {
    if (child.stdin.writable)
      child.stdin.write(encodeMessage({ seq: seq++, type: 'request', command, arguments: args }));
  };
  const finish = (): void => {
    send('disconnect', { terminateDebuggee: true });
    child.stdin.end();
    // The adapter exits after disconnect; one that hangs must not outlive the run.
    setTimeout(() => child.kill(), 3000).unref();
  };
  const onMessage = (m: DapMessage): void => {
    if (m.type === 'response') {
      if (m.command === 'initialize') send('launch', { ...launch, noDebug: true });
      else if (m.command === 'launch' && m.success === false) {
        failure = m.message ?? 'the debug adapter refused the launch';
        finish();
      }
      return;
    }
    if (m.type !== 'event') return;
    const body = (m.body ?? {}) as Record<string, unknown>;
    if (m.event === 'initialized') send('configurationDone');
    else if (m.event === 'output' && typeof body['output'] === 'string') {
      const category = body['category'];
      if (category !== 'telemetry')
        output(body['output'], category === 'stdout' || category === 'stderr' ? category : 'console');
    } else if (m.event === RUN_RESULT_EVENT) result = readRunResult(m.body);
    else if (m.event === 'terminated') finish();
  };
  const reader = new DapReader(onMessage, (error) => {
    failure = `the debug adapter sent ${error}`;
    child.kill();
  });
  child.stdout.on('data', (chunk: Buffer) => reader.feed(chunk));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (adapterErrors += text));
  const done = new Promise<RunOutcome>((resolve) => {
    child.on('error', (error) => {
      failure = `could not start ${runtime.path}: ${error.message}`;
    });
    child.on('close', (code, signal) => {
      if (result === null && failure === null) {
        const how = signal ? `was stopped (${signal})` : `exited with code ${code}`;
        failure = `the debug adapter ${how} before the program finished${adapterErrors ? `:\n${adapterErrors.trim()}` : ''}`;
      }
      resolve({ result, failure: result ? null : failure });
    });
  });
  send('initialize', {
    clientID: 'mlsec-run',
    adapterID: 'ml',
    linesStartAt1: true,
    columnsStartAt1: true,
    pathFormat: 'path',
  });
  return { done, kill: () => void child.kill() };
}
