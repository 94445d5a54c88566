// Parent-side owner of the sandbox worker process: starts it lazily, routes runs and their
// streamed events over IPC, and when the worker dies (V8 abort, catastrophic error, kill) fails the
// runs in flight with a clear error and starts a fresh worker for the next run. Never loads isolated-vm.
import { fork, type ChildProcess } from 'node:child_process';
import type { ExecHooks, ExecOutcome, ExecRequest } from './engine.js';
import type { RunControl } from './types.js';
import { hostError, limitMessage } from './limits.js';
import { isWorkerMessage, type ParentMessage, type WorkerConfig, type WorkerMessage } from './protocol.js';

export interface SupervisorOptions {
  workerPath: string;
  /** Runtime bundle for the isolates, or null to run without the ML runtime (JS harness only). */
  runtimePath: string | null;
  /** Node executable for the worker (an editor's Electron is not a usable Node). */
  nodePath: string;
  /** The worker's own heap limit (`--max-old-space-size`), separate from isolate limits. */
  workerHeapMb: number;
  poolSize: number;
  /** A worker that has not reported ready by then is killed and its runs fail. */
  startTimeoutMs: number;
}

interface PendingRun {
  request: ExecRequest;
  hooks: ExecHooks;
  resolve(outcome: ExecOutcome): void;
}

/** Keeps the last bytes the worker wrote to stderr: they tell a V8 out-of-memory abort apart. */
const STDERR_TAIL = 8192;

class WorkerHandle {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly runs = new Map<number, PendingRun>();
  dead = false;
  fatalMessage: string | null = null;
  private stderrTail = '';

  constructor(
    options: SupervisorOptions,
    private readonly onGone: (h: WorkerHandle) => void,
  ) {
    const config: WorkerConfig = {
      runtimePath: options.runtimePath,
      poolSize: options.poolSize,
    };
    this.child = fork(options.workerPath, [JSON.stringify(config)], {
      execPath: options.nodePath,
      execArgv: ['--no-node-snapshot', `--max-old-space-size=${options.workerHeapMb}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`the sandbox worker did not start within ${options.startTimeoutMs} ms`));
        this.child.kill('SIGKILL');
      }, options.startTimeoutMs);
      this.child.once('message', (m: unknown) => {
        clearTimeout(timer);
        if (isWorkerMessage(m) && m.type === 'ready') resolve();
        else reject(new Error('the sandbox worker sent an unexpected first message'));
      });
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        const why = startupReason(this.stderrTail);
        reject(
          new Error(
            `the sandbox worker exited during start-up (${describeExit(code, signal)})${why ? `: ${why}` : ''}`,
          ),
        );
      });
      this.child.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`the sandbox worker could not be started: ${e.message}`));
      });
    });
    this.ready.catch(() => undefined);
    this.child.on('message', (m: unknown) => {
      if (isWorkerMessage(m)) this.onMessage(m);
    });
    this.child.on('exit', (code, signal) => this.gone(code, signal));
    this.child.on('error', () => this.gone(null, null));
    this.updateRef();
  }

  send(message: ParentMessage): void {
    if (!this.dead && this.child.connected) this.child.send(message);
  }

  /** Lets the parent exit while the worker idles; holds it while runs are in flight. */
  updateRef(): void {
    const busy = this.runs.size > 0;
    const channel = this.child.channel as { ref?(): void; unref?(): void } | null | undefined;
    const stderr = this.child.stderr as unknown as { ref?(): void; unref?(): void } | null;
    if (busy) {
      this.child.ref();
      channel?.ref?.();
      stderr?.ref?.();
    } else {
      this.child.unref();
      channel?.unref?.();
      stderr?.unref?.();
    }
  }

  private onMessage(m: WorkerMessage): void {
    switch (m.type) {
      case 'output':
        this.runs.get(m.id)?.hooks.output(m.stream, m.text);
        return;
      case 'audit':
        this.runs.get(m.id)?.hooks.audit(m.records);
        return;
      case 'request': {
        const run = this.runs.get(m.id);
        if (!run) return;
        const answer =
          m.op === 'input'
            ? run.hooks.input(typeof m.args[0] === 'string' ? m.args[0] : '').catch(() => null)
            : run.hooks.debug(m.op, m.args);
        answer.then(
          (value) => this.send({ type: 'reply', id: m.id, seq: m.seq, ok: true, value }),
          (e: unknown) => this.send({ type: 'reply', id: m.id, seq: m.seq, ok: false, ...errorOf(e) }),
        );
        return;
      }
      case 'done': {
        const run = this.runs.get(m.id);
        this.runs.delete(m.id);
        this.updateRef();
        run?.resolve(m.outcome);
        return;
      }
      case 'fatal':
        this.fatalMessage = m.message;
        this.dead = true;
        this.onGone(this);
        return;
      case 'ready':
        return;
    }
  }

  private gone(code: number | null, signal: NodeJS.Signals | null): void {
    this.dead = true;
    this.onGone(this);
    const runs = [...this.runs.values()];
    this.runs.clear();
    for (const run of runs) run.resolve(crashOutcome(run.request, this.fatalMessage, this.stderrTail, code, signal));
  }
}

/** The line of a dead worker's stderr that says why (Node prints `Error: ...` among other lines). */
function startupReason(stderr: string): string | undefined {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return (lines.find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? lines[lines.length - 1])?.slice(0, 300);
}

/** An error from the caller's hook as ML error data (a `kind` it carries, else RuntimeError). */
function errorOf(e: unknown): { kind: string; message: string } {
  const kind = (e as { kind?: unknown } | null)?.kind;
  const message = (e as { message?: unknown } | null)?.message;
  return {
    kind: typeof kind === 'string' ? kind : 'RuntimeError',
    message: typeof message === 'string' ? message : 'the debugger request failed',
  };
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/** The outcome of a run whose worker died under it. */
function crashOutcome(
  request: ExecRequest,
  fatal: string | null,
  stderr: string,
  code: number | null,
  signal: NodeJS.Signals | null,
): ExecOutcome {
  const oom =
    /heap out of memory|is_heap_oom|CALL_AND_RETRY_LAST|Reached heap limit|OOM error/.test(stderr) ||
    (fatal !== null && /out-of-memory|out of memory/i.test(fatal));
  const error = oom
    ? hostError(limitMessage('memory', request.limits).kind, limitMessage('memory', request.limits).message)
    : hostError(
        'SandboxError',
        fatal !== null
          ? `the sandbox stopped after a catastrophic error; the next run starts a fresh sandbox`
          : `the sandbox worker stopped unexpectedly (${describeExit(code, signal)}); ` +
              `the next run starts a fresh sandbox`,
      );
  return { error, runMs: 0, cpuMs: 0, peakHeapBytes: 0, capabilityChecks: 0, bridgeCalls: 0 };
}

export class Supervisor {
  private handle: WorkerHandle | null = null;
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: SupervisorOptions) {}

  /** Starts the worker now (otherwise the first run starts it). Resolves when it is ready. */
  async start(): Promise<void> {
    await this.current().ready;
  }

  /** Process id of the current worker, if one is running. */
  get workerPid(): number | undefined {
    return this.handle && !this.handle.dead ? this.handle.child.pid : undefined;
  }

  async exec(request: ExecRequest, hooks: ExecHooks, onControl?: (c: RunControl) => void): Promise<ExecOutcome> {
    if (this.disposed) return failure('SandboxError', 'the sandbox has been disposed');
    const handle = this.current();
    try {
      await handle.ready;
    } catch (e) {
      if (this.handle === handle) this.handle = null;
      return failure('SandboxError', (e as Error).message);
    }
    if (handle.dead) return this.exec(request, hooks, onControl);
    const id = this.nextId++;
    return new Promise<ExecOutcome>((resolve) => {
      handle.runs.set(id, { request, hooks, resolve });
      handle.updateRef();
      // The run message goes first: control messages for it must not overtake it.
      handle.send({ type: 'run', id, request });
      onControl?.({
        pauseWallClock: () => handle.send({ type: 'control', id, action: 'pause-wall' }),
        resumeWallClock: () => handle.send({ type: 'control', id, action: 'resume-wall' }),
        terminate: () => handle.send({ type: 'control', id, action: 'terminate' }),
      });
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const handle = this.handle;
    this.handle = null;
    if (!handle || handle.dead) return;
    const exited = new Promise<void>((resolve) => handle.child.once('exit', () => resolve()));
    handle.send({ type: 'shutdown' });
    const timer = setTimeout(() => handle.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }

  private current(): WorkerHandle {
    if (!this.handle || this.handle.dead) {
      const old = this.handle;
      if (old && old.child.exitCode === null) old.child.kill('SIGKILL');
      this.handle = new WorkerHandle(this.options, (h) => {
        if (this.handle === h) this.handle = null;
        if (h.child.exitCode === null && h.fatalMessage !== null) {
          setTimeout(() => h.child.kill('SIGKILL'), 200).unref();
        }
      });
    }
    return this.handle;
  }
}

function failure(kind: string, message: string): ExecOutcome {
  return { error: hostError(kind, message), runMs: 0, cpuMs: 0, peakHeapBytes: 0, capabilityChecks: 0, bridgeCalls: 0 };
}
