// The sandbox API the CLI and the debug adapter call: `createSandbox({mode})` → `run(request,
// events)` → RunResult. Compiles ML to JavaScript in the caller's process, executes in a worker
// process or in-process, streams output and audit events, and assembles the result of SANDBOX.md.
import path from 'node:path';
import { BridgeError } from '../bridges/types.js';
import { defaultRuntimePath, defaultWorkerPath } from './artifacts.js';
import type { ExecHooks, ExecOutcome, ExecRequest } from './engine.js';
import { InProcessExecutor } from './inprocess.js';
import { exitCodeFor, resolveLimits } from './limits.js';
import { compileProgram, type Analyzer, type ModuleReader, type PipelineOptions } from './pipeline.js';
import { Supervisor } from './supervisor.js';
import type { AuditRecord, RunControl, RunEvents, RunRequest, RunResult, Sandbox } from './types.js';

export interface SandboxOptions {
  /** 'worker': isolates in a supervised child process (long-lived hosts). 'inprocess': the one-shot CLI. */
  mode: 'worker' | 'inprocess';
  /** Worker script (default: worker.js next to this module, i.e. debug-adapter/dist/worker.js). */
  workerPath?: string;
  /** Runtime bundle (default: runtime.js next to this module); null runs without the ML runtime. */
  runtimePath?: string | null;
  /** Node executable for the worker (default: this process's executable). */
  nodePath?: string;
  /** Heap limit of the worker process itself, in MB (default 512). */
  workerHeapMb?: number;
  /** Pre-warmed isolates (default 1 in a worker, 0 in-process). */
  poolSize?: number;
  /** Worker start-up timeout in ms (default 10,000). */
  startTimeoutMs?: number;
  /** Security analysis run on each ML file before it may run (errors refuse the run). */
  analyze?: Analyzer;
  /** Reads imported user modules (default: `a/b.ml` under the run root). */
  readModule?: ModuleReader;
}

/** Audit records kept in a RunResult; later checks are still streamed to `events.audit`. */
export const MAX_AUDIT_IN_RESULT = 10_000;

interface Executor {
  exec(request: ExecRequest, hooks: ExecHooks, onControl?: (c: RunControl) => void): Promise<ExecOutcome>;
  dispose(): Promise<void>;
}

/** What createSandbox returns: the Sandbox API plus start-up and health information. */
export interface SandboxHandle extends Sandbox {
  /** Starts the worker now instead of at the first run (no-op in-process). */
  start(): Promise<void>;
  /** Process hosting the isolates: the current worker (undefined until started), or this process. */
  hostPid(): number | undefined;
}

export function createSandbox(options: SandboxOptions): SandboxHandle {
  const runtimePath = options.runtimePath === undefined ? defaultRuntimePath() : options.runtimePath;
  const pipeline: PipelineOptions = {
    ...(options.analyze ? { analyze: options.analyze } : {}),
    ...(options.readModule ? { readModule: options.readModule } : {}),
  };
  let supervisor: Supervisor | null = null;
  let executor: Executor;
  if (options.mode === 'worker') {
    supervisor = new Supervisor({
      workerPath: options.workerPath ?? defaultWorkerPath(),
      runtimePath,
      nodePath: options.nodePath ?? process.execPath,
      workerHeapMb: options.workerHeapMb ?? 512,
      poolSize: options.poolSize ?? 1,
      startTimeoutMs: options.startTimeoutMs ?? 10_000,
    });
    executor = supervisor;
  } else {
    executor = new InProcessExecutor({
      runtimePath,
      poolSize: options.poolSize ?? 0,
    });
  }
  return {
    start: async () => {
      await supervisor?.start();
    },
    hostPid: () => (supervisor ? supervisor.workerPid : process.pid),
    run: (request, events) => runOne(executor, request, events ?? {}, pipeline),
    dispose: () => executor.dispose(),
  };
}

async function runOne(
  executor: Executor,
  request: RunRequest,
  events: RunEvents,
  pipeline: PipelineOptions,
): Promise<RunResult> {
  const limits = resolveLimits(request.limits);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const audit: AuditRecord[] = [];
  const file = path.resolve(request.program.file);
  const rootDir = path.resolve(request.rootDir ?? path.dirname(file));
  const args = [...(request.args ?? [])];
  const compiled = compileProgram(
    request.program,
    { rootDir, args },
    request.debug ? { ...pipeline, debug: request.debug } : pipeline,
  );
  const stats = {
    parseMs: compiled.parseMs,
    analyzeMs: compiled.analyzeMs,
    transpileMs: compiled.transpileMs,
    runMs: 0,
    cpuMs: 0,
    peakHeapBytes: 0,
    capabilityChecks: 0,
    bridgeCalls: 0,
  };
  if (compiled.error) {
    if (compiled.stderr !== '') events.output?.('stderr', compiled.stderr);
    const exitCode = exitCodeFor(compiled.error);
    return { ok: false, exitCode, stdout: '', stderr: compiled.stderr, error: compiled.error, stats, audit };
  }
  const exec: ExecRequest = {
    program: { code: compiled.code, file },
    declared: compiled.declared,
    capabilities: {
      allow: [...request.capabilities.allow],
      deny: [...(request.capabilities.deny ?? [])],
      auditOnly: request.capabilities.auditOnly === true,
    },
    rootDir,
    args,
    env: { ...(request.env ?? {}) },
    stdin: request.stdin ?? null,
    randomSeed: request.randomSeed ?? null,
    limits,
  };
  const hooks: ExecHooks = {
    output(stream, text) {
      (stream === 'stdout' ? stdout : stderr).push(text);
      events.output?.(stream, text);
    },
    audit(records) {
      for (const r of records) {
        if (audit.length < MAX_AUDIT_IN_RESULT) audit.push(r);
        events.audit?.(r);
      }
    },
    input: (prompt) => (events.input ? events.input(prompt) : Promise.resolve(null)),
    debug: (op, args) =>
      events.debug
        ? events.debug(op, args)
        : Promise.reject(new BridgeError('RuntimeError', 'no debugger is attached to this run')),
  };
  const outcome = await executor.exec(exec, hooks, events.control);
  stats.runMs = outcome.runMs;
  stats.cpuMs = outcome.cpuMs;
  stats.peakHeapBytes = outcome.peakHeapBytes;
  stats.capabilityChecks = outcome.capabilityChecks;
  stats.bridgeCalls = outcome.bridgeCalls;
  return {
    ok: outcome.error === undefined,
    exitCode: exitCodeFor(outcome.error),
    stdout: stdout.join(''),
    stderr: stderr.join(''),
    ...(outcome.error ? { error: outcome.error } : {}),
    stats,
    audit,
  };
}
