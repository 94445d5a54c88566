// The debugger's engine in the adapter process, knowing nothing of DAP: runs one program at a time
// in the sandbox (debug-mode units and the agent, or the plain run path for noDebug), answers the
// agent (start, polls, logpoints, stops), holds breakpoints, and exposes execution control and
// inspection as typed calls and events. Lines and columns are 0-based; files are absolute paths.
import { createSandbox, type SandboxHandle } from '../../sandbox/index.js';
import type { AuditRecord, DebugInstrumentation, RunControl, RunRequest, RunResult } from '../../sandbox/types.js';
import type {
  AgentMessage,
  AgentScope,
  AgentValue,
  AgentVariable,
  ExceptionDetail,
  HostCommand,
  RunMode,
  RunUsage,
  StopReason,
} from '../protocol.js';
import { AgentLink } from './agent-link.js';
import {
  BreakpointStore,
  type BreakpointState,
  type FunctionBreakpointSpec,
  type LineBreakpointSpec,
} from './breakpoints.js';
import { TypedEmitter } from './emitter.js';
import { capabilityVariables, resourceVariables, type HostHandle, type HostVariable } from './host-scopes.js';
import type { ResolvedLaunch } from './launch.js';
import { knownUnit, UnitCatalog, type KnownUnit } from './units.js';
import { defaultAgentPath, loadAgentSource, wrapDebugProgram } from './wrapper.js';

export interface RuntimeEvents {
  stopped: { reason: StopReason; breakpointIds: number[]; exception: ExceptionDetail | null };
  output: { category: 'stdout' | 'stderr' | 'console'; text: string; file?: string; line?: number; column?: number };
  /** Breakpoints whose placement or verification changed (the run compiled its units). */
  breakpoints: BreakpointState[];
  loadedSource: KnownUnit;
  /** The run is over (its SANDBOX.md result). */
  exited: RunResult;
}

export interface RuntimeOptions {
  workerPath?: string;
  runtimePath?: string;
  agentPath?: string;
  nodePath?: string;
}

/** A frame in ML terms (0-based line/column, absolute file). */
export interface RuntimeFrame {
  name: string;
  file: string;
  shown: string;
  line: number;
  column: number;
}

export type VariableHandle = { kind: 'agent'; ref: number } | HostHandle;

export interface RuntimeValue {
  value: string;
  type?: string;
  handle: VariableHandle | null;
  indexed?: number;
}

export interface RuntimeVariable extends RuntimeValue {
  name: string;
  evaluateName?: string;
}

export interface RuntimeScope {
  name: string;
  handle: VariableHandle;
  expensive: boolean;
  count?: number;
}

function fromAgent(v: AgentValue): RuntimeValue {
  return {
    value: v.value,
    type: v.type,
    handle: v.ref > 0 ? { kind: 'agent', ref: v.ref } : null,
    ...(v.indexed ? { indexed: v.indexed } : {}),
  };
}

function fromHost(v: HostVariable): RuntimeVariable {
  return { name: v.name, value: v.value, ...(v.type ? { type: v.type } : {}), handle: v.handle };
}

export class DebugRuntime extends TypedEmitter<RuntimeEvents> {
  readonly breakpoints = new BreakpointStore();
  catalog = new UnitCatalog(process.cwd());
  private sandbox: SandboxHandle | null = null;
  private link = new AgentLink();
  private control: RunControl | null = null;
  private launch: ResolvedLaunch | null = null;
  private readonly audit: AuditRecord[] = [];
  private pauseRequested = false;
  private terminating = false;
  private configDirty = true;
  private lastStop: { exception: ExceptionDetail | null; usage: RunUsage | null } | null = null;
  /** Settles once the current run has ended and `exited` has been emitted. */
  private running: Promise<void> | null = null;

  constructor(private readonly options: RuntimeOptions = {}) {
    super();
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  setBreakpoints(file: string, specs: readonly LineBreakpointSpec[]): BreakpointState[] {
    this.configDirty = true;
    return this.breakpoints.setLines(file, specs, this.catalog);
  }

  setFunctionBreakpoints(specs: readonly FunctionBreakpointSpec[]): BreakpointState[] {
    this.configDirty = true;
    return this.breakpoints.setFunctions(specs, this.catalog);
  }

  setExceptionFilters(filters: readonly string[]): void {
    this.configDirty = true;
    this.breakpoints.setExceptionFilters(filters);
  }

  /** Starts the program; `exited` reports the end. */
  start(launch: ResolvedLaunch): void {
    this.launch = launch;
    this.catalog = new UnitCatalog(launch.rootDir);
    this.link = new AgentLink();
    this.audit.length = 0;
    this.lastStop = null;
    this.configDirty = true;
    this.pauseRequested = false;
    this.terminating = false;
    const sandbox = createSandbox({
      mode: 'worker',
      ...(this.options.workerPath ? { workerPath: this.options.workerPath } : {}),
      ...(this.options.runtimePath ? { runtimePath: this.options.runtimePath } : {}),
      ...(this.options.nodePath ? { nodePath: this.options.nodePath } : {}),
      ...(launch.analyze ? { analyze: launch.analyze } : {}),
    });
    this.sandbox = sandbox;
    const request: RunRequest = {
      program: { kind: 'ml', source: launch.source, file: launch.program },
      capabilities: launch.capabilities,
      rootDir: launch.rootDir,
      args: launch.args,
      limits: launch.limits,
      ...(launch.stdin !== null ? { stdin: launch.stdin } : {}),
      ...(launch.noDebug ? {} : { debug: this.instrumentation() }),
    };
    const run = sandbox.run(request, {
      output: (stream, text) => this.emit('output', { category: stream, text }),
      audit: (record) => this.audit.push(record),
      control: (c) => {
        this.control = c;
        // A terminate that came before the sandbox scheduled the run applies now.
        if (this.terminating) c.terminate();
      },
      debug: (op, args) => this.onAgent(op, args),
    });
    this.running = run.then(async (result) => {
      this.link.close();
      this.control = null;
      await sandbox.dispose();
      if (this.sandbox === sandbox) this.sandbox = null;
      this.running = null;
      this.emit('exited', result);
    });
  }

  private instrumentation(): DebugInstrumentation {
    const agentSource = loadAgentSource(this.options.agentPath ?? defaultAgentPath());
    return {
      unit: (u) => {
        if (u.transpiled.debug) this.catalog.addRunUnit(knownUnit(u.file, u.shown, u.moduleName, u.transpiled.debug));
      },
      wrap: (units) => wrapDebugProgram(units, agentSource),
    };
  }

  /** The agent's `debug.call`: answered now while running, held open when it stops. */
  private onAgent(op: string, args: unknown[]): Promise<unknown> {
    const message = args[0] as AgentMessage | undefined;
    if (op !== 'debug.call' || typeof message !== 'object' || message === null) {
      return Promise.reject(Object.assign(new Error(`unknown debugger operation '${op}'`), { kind: 'RuntimeError' }));
    }
    switch (message.t) {
      case 'start':
        for (const u of this.catalog.runUnits()) this.emit('loadedSource', u);
        this.emit('breakpoints', this.breakpoints.states(this.catalog));
        return Promise.resolve(this.runningReply(this.launch?.stopOnEntry ? 'entry' : 'continue'));
      case 'poll':
        return Promise.resolve(this.runningReply('continue'));
      case 'log': {
        const unit = this.catalog.byShown(message.file);
        this.emit('output', {
          category: 'console',
          text: message.text,
          ...(unit ? { file: unit.file, line: message.line, column: message.column } : {}),
        });
        return Promise.resolve(this.runningReply('continue'));
      }
      case 'stopped':
        this.control?.pauseWallClock();
        this.lastStop = { exception: message.exception ?? null, usage: message.usage ?? null };
        queueMicrotask(() =>
          this.emit('stopped', {
            reason: message.reason,
            breakpointIds: message.breakpoints ?? [],
            exception: message.exception ?? null,
          }),
        );
        return this.link.hold(message);
      case 'reply':
        return this.link.hold(message);
    }
  }

  private runningReply(mode: RunMode): Extract<HostCommand, { cmd: 'run' }> {
    const pause = this.pauseRequested;
    this.pauseRequested = false;
    const withConfig = this.configDirty;
    this.configDirty = false;
    return {
      cmd: 'run',
      mode: pause ? 'pause' : mode,
      ...(withConfig ? { config: this.breakpoints.agentConfig(this.catalog) } : {}),
    };
  }

  private resume(mode: RunMode): Promise<void> {
    this.lastStop = null;
    const cmd = this.runningReply(mode);
    return this.link.resume(cmd, () => this.control?.resumeWallClock());
  }

  continue(): Promise<void> {
    return this.resume('continue');
  }

  next(): Promise<void> {
    return this.resume('next');
  }

  stepIn(): Promise<void> {
    return this.resume('stepIn');
  }

  stepOut(): Promise<void> {
    return this.resume('stepOut');
  }

  /** Stops the running program at its next statement (every loop iteration has one). */
  pause(): void {
    if (!this.link.stopped) this.pauseRequested = true;
  }

  get stopped(): boolean {
    return this.link.stopped;
  }

  async stack(): Promise<RuntimeFrame[]> {
    const frames = (await this.link.ask({ cmd: 'stack' })) as {
      name: string;
      file: string;
      line: number;
      column: number;
    }[];
    return frames.map((f) => ({ ...f, shown: f.file, file: this.catalog.byShown(f.file)?.file ?? f.file }));
  }

  async scopes(frame: number): Promise<RuntimeScope[]> {
    const scopes = (await this.link.ask({ cmd: 'scopes', frame })) as AgentScope[];
    return [
      ...scopes.map((s) => ({
        name: s.name,
        handle: { kind: 'agent', ref: s.ref } as VariableHandle,
        expensive: false,
        count: s.count,
      })),
      { name: 'Capabilities', handle: { kind: 'capabilities' }, expensive: false },
      { name: 'Resources', handle: { kind: 'resources' }, expensive: false },
    ];
  }

  async variables(handle: VariableHandle, start?: number, count?: number): Promise<RuntimeVariable[]> {
    const launch = this.launch;
    if (handle.kind === 'capabilities' || handle.kind === 'capabilities-part') {
      if (!launch) return [];
      return capabilityVariables(
        launch.capabilities,
        this.audit,
        handle.kind === 'capabilities-part' ? handle.part : undefined,
      ).map(fromHost);
    }
    if (handle.kind === 'resources')
      return launch ? resourceVariables(this.lastStop?.usage ?? null, launch.limits).map(fromHost) : [];
    const vars = (await this.link.ask({
      cmd: 'variables',
      ref: handle.ref,
      ...(start !== undefined ? { start } : {}),
      ...(count !== undefined ? { count } : {}),
    })) as AgentVariable[];
    return vars.map((v) => ({
      name: v.name,
      ...fromAgent(v),
      ...(v.evaluateName ? { evaluateName: v.evaluateName } : {}),
    }));
  }

  /** The audit log so far (capability checks with their results). */
  auditLog(): readonly AuditRecord[] {
    return this.audit;
  }

  /** Why the program stopped on an exception, with the capability a refused call asked for. */
  exception(): (ExceptionDetail & { capability?: string }) | null {
    const e = this.lastStop?.exception ?? null;
    if (e === null || e.filter !== 'denied' || e.capability) return e;
    const last = [...this.audit].reverse().find((r) => r.result === 'DENIED');
    return last ? { ...e, capability: last.capability } : e;
  }

  loadedUnits(): KnownUnit[] {
    return this.catalog.runUnits();
  }

  /** Ends the run (the isolate is disposed; `exited` follows). */
  async terminate(): Promise<void> {
    const run = this.running;
    if (!run) return;
    this.terminating = true;
    this.control?.terminate();
    this.link.close();
    await run;
  }

  /** Stops everything this runtime started. */
  async dispose(): Promise<void> {
    await this.terminate();
    await this.sandbox?.dispose();
    this.sandbox = null;
  }

  ask(cmd: Exclude<HostCommand, { cmd: 'run' }>): Promise<unknown> {
    return this.link.ask(cmd);
  }

  value(v: AgentValue): RuntimeValue {
    return fromAgent(v);
  }
}
