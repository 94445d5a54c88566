// Runs one program in a fresh isolate within a process that hosts isolated-vm (the sandbox worker,
// or the one-shot CLI in-process): takes a prepared isolate, wires the run's session and bridges,
// enforces CPU/wall/memory/output limits, and always disposes the isolate. Knows nothing of IPC.
import type { CallSite, DeclaredCapability } from '@mlsec/grammar';
import type IVM from 'isolated-vm';
import { createBridges } from '../bridges/index.js';
import { nowMs } from './clock.js';
import { IsolateFactory, type CodeCacheStore, type PreparedIsolate } from './isolate-factory.js';
import { hostError, limitMessage, type LimitKind } from './limits.js';
import { WRAPPER_LINES, type ThrownReport } from './program-wrapper.js';
import { RunSession } from './session.js';
import type { AuditRecord, OutputStream, RunCapabilities, RunControl, RunError, SandboxLimits } from './types.js';
import { Watchdog } from './watchdog.js';

/** A run as the engine sees it: already transpiled, limits resolved, everything plain data. */
export interface ExecRequest {
  /** Closure body built by the pipeline (`$0` is the host facade, `$1` the file name). */
  program: { code: string; file: string };
  capabilities: RunCapabilities;
  /** What the program's `capability` declarations ask for: the grant is narrowed to them. */
  declared: DeclaredCapability[];
  rootDir: string;
  args: string[];
  env: Record<string, string>;
  stdin: string | null;
  randomSeed: number | null;
  limits: SandboxLimits;
}

export interface ExecHooks {
  output(stream: OutputStream, text: string): void;
  audit(records: AuditRecord[]): void;
  input(prompt: string): Promise<string | null>;
  /** A `debug.*` operation from debug-mode code; the program waits for the answer. */
  debug(op: string, args: unknown[]): Promise<unknown>;
}

export interface ExecOutcome {
  error?: RunError;
  runMs: number;
  cpuMs: number;
  peakHeapBytes: number;
  capabilityChecks: number;
  bridgeCalls: number;
}

export interface EngineOptions {
  ivm: typeof IVM;
  runtimeSource: string;
  poolSize: number;
  useSnapshot: boolean;
  poolLimits: SandboxLimits;
  /** The sandbox's own files (worker, runtime bundle, isolated-vm), protected like /proc. */
  internalRoots: readonly string[];
  onCatastrophicError(message: string): void;
  /** Keeps the runtime's code cache between processes (the one-shot CLI). */
  runtimeCodeCache?: CodeCacheStore;
}

type StopReason = LimitKind | 'terminated';

export class SandboxEngine {
  private readonly factory: IsolateFactory;
  private readonly internalRoots: readonly string[];

  constructor(options: EngineOptions) {
    this.factory = new IsolateFactory(options);
    this.internalRoots = options.internalRoots;
  }

  /** Fills the pre-warmed pool in the background. */
  warm(): void {
    this.factory.warm();
  }

  dispose(): void {
    this.factory.dispose();
  }

  async execute(req: ExecRequest, hooks: ExecHooks, onControl?: (c: RunControl) => void): Promise<ExecOutcome> {
    const started = nowMs();
    // Control is handed out at once; requests made before the isolate exists are applied to it.
    const early = { paused: false, terminated: false };
    let live: RunControl | null = null;
    onControl?.({
      pauseWallClock: () => (live ? live.pauseWallClock() : (early.paused = true)),
      resumeWallClock: () => (live ? live.resumeWallClock() : (early.paused = false)),
      terminate: () => (live ? live.terminate() : (early.terminated = true)),
    });
    let prepared: PreparedIsolate;
    try {
      prepared = await this.factory.take(req.limits);
    } catch {
      return failed(hostError('SandboxError', 'could not create a sandbox for the run'), started);
    }
    const { isolate } = prepared;
    let stopReason: StopReason | null = null;
    const stop = (reason: StopReason): void => {
      if (stopReason === null) stopReason = reason;
      if (!isolate.isDisposed) isolate.dispose();
    };
    // The runtime sends the ML call site with each host call that checks capabilities; debug
    // runs also report the statement being run (`debug.site`), used when a call comes without one.
    let site: CallSite | undefined;
    const created = createBridges({
      request: req,
      internalRoots: this.internalRoots,
      audit: (records) => hooks.audit(records),
      input: (prompt) => hooks.input(prompt),
      flushOutput: () => session.flush(),
      callSite: () => session.site ?? site,
    });
    if ('error' in created) {
      isolate.dispose();
      return failed(hostError('CapabilityError', created.error), started);
    }
    const { bridges } = created;
    bridges.table.sync['debug.site'] = (args) => {
      site = { file: String(args[0]), line: Number(args[1]), column: Number(args[2]) };
      return null;
    };
    const session = new RunSession({
      limits: req.limits,
      bridges: bridges.table,
      output: hooks.output,
      // A debugger sees everything the program did before it stopped: output and audit go first.
      debug: (op, args) => {
        session.flush();
        bridges.flushAudit();
        return hooks.debug(op, args);
      },
      onOutputLimit: () => stop('output'),
    });
    prepared.channel = session;
    const watchdog = new Watchdog(isolate, req.limits.cpuTimeMs, req.limits.wallTimeMs, stop);
    // What a debugger shows as the run's resources while it holds the program stopped.
    bridges.table.sync['debug.usage'] = () => ({
      cpuMs: watchdog.cpuMs(),
      wallMs: watchdog.wallMs(),
      heapBytes: isolate.isDisposed ? 0 : isolate.getHeapStatisticsSync().used_heap_size,
      outputBytes: session.outputBytes,
    });
    live = {
      pauseWallClock: () => watchdog.pause(),
      resumeWallClock: () => watchdog.resume(),
      terminate: () => stop('terminated'),
    };
    if (early.paused) watchdog.pause();
    if (early.terminated) stop('terminated');

    let report: ThrownReport | null = null;
    let failure: unknown = null;
    const runStart = nowMs();
    try {
      report = (await prepared.context.evalClosure(req.program.code, [prepared.facade.derefInto(), req.program.file], {
        result: { copy: true },
        filename: req.program.file,
        lineOffset: -WRAPPER_LINES,
      })) as ThrownReport | null;
    } catch (e) {
      failure = e;
    }
    const runMs = nowMs() - runStart;
    const killed = isolate.isDisposed;
    watchdog.stop();
    const cpuMs = watchdog.cpuMs();
    let peakHeapBytes = 0;
    if (!isolate.isDisposed) {
      const heap = isolate.getHeapStatisticsSync();
      peakHeapBytes = heap.total_heap_size + heap.externally_allocated_size;
      isolate.dispose();
    } else if (stopReason === null || stopReason === 'memory') {
      peakHeapBytes = req.limits.memoryMb * 1024 * 1024;
    }
    // Writes queued by the isolate before it stopped are delivered before the result.
    await new Promise<void>((resolve) => setImmediate(resolve));
    session.close();
    bridges.close();
    this.factory.replenish();

    let error: RunError | undefined;
    if (stopReason === 'terminated') error = hostError('TerminatedError', 'the run was terminated');
    else if (stopReason !== null) error = limitError(stopReason, req.limits);
    else if (session.outputExceeded) error = limitError('output', req.limits);
    else if (prepared.catastrophe !== null) {
      error = /memory/i.test(prepared.catastrophe)
        ? limitError('memory', req.limits)
        : hostError('SandboxError', 'the sandbox lost control of the run (V8 catastrophic error)');
    } else if (failure !== null) error = classifyFailure(failure, req, killed);
    else if (report !== null) error = report;

    return {
      ...(error ? { error } : {}),
      runMs,
      cpuMs: cpuMs > 0 ? cpuMs : 0,
      peakHeapBytes,
      capabilityChecks: bridges.capabilityChecks(),
      bridgeCalls: session.bridgeCalls,
    };
  }
}

function limitError(kind: LimitKind, limits: SandboxLimits): RunError {
  const { kind: errorKind, message } = limitMessage(kind, limits);
  return hostError(errorKind, message);
}

/**
 * The evaluation itself failed rather than returning the program's report: a memory kill, a
 * syntax error in generated or harness code, or (JS harness only) an unhandled rejection, which
 * isolated-vm reports as the rejection's error copied out of the isolate.
 */
function classifyFailure(e: unknown, req: ExecRequest, disposed: boolean): RunError {
  const message = e instanceof Error ? e.message : String(e);
  if (message.includes('memory limit')) return limitError('memory', req.limits);
  if (e instanceof SyntaxError) return { ...hostError('SyntaxError', message), file: req.program.file };
  if (!disposed && e instanceof Error) {
    const text = message.length > 4000 ? message.slice(0, 4000) + '…' : message;
    return { ...hostError(e.name || 'Error', text), file: req.program.file };
  }
  return hostError('SandboxError', 'the sandbox failed while running the program');
}

function failed(error: RunError, started: number): ExecOutcome {
  return {
    error,
    runMs: nowMs() - started,
    cpuMs: 0,
    peakHeapBytes: 0,
    capabilityChecks: 0,
    bridgeCalls: 0,
  };
}
