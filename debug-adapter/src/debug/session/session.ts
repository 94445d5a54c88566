// The DAP session: translates between the Debug Adapter Protocol and the DebugRuntime. This file
// holds the lifecycle (initialize, launch, configurationDone, restart, terminate, disconnect) and
// turns runtime events into DAP events; each request family lives in its own module.
import {
  BreakpointEvent,
  DebugSession,
  Event,
  ExitedEvent,
  Handles,
  InitializedEvent,
  LoadedSourceEvent,
  OutputEvent,
  StoppedEvent,
  TerminatedEvent,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { RunResult } from '../../sandbox/types.js';
import { DebugRuntime, type RuntimeOptions, type VariableHandle } from '../runtime/debug-runtime.js';
import { LaunchError, resolveLaunch, type LaunchArguments, type ResolvedLaunch } from '../runtime/launch.js';
import {
  setBreakpoints,
  setExceptionBreakpoints,
  setFunctionBreakpoints,
  toDapBreakpoint,
} from './breakpoint-requests.js';
import { adapterCapabilities } from './capabilities.js';
import { handle, messageOf, sourceOf, THREAD_ID, type SessionContext } from './context.js';
import { pause, resume, threads } from './execution-requests.js';
import {
  completionsRequest,
  evaluateRequest,
  exceptionInfo,
  loadedSources,
  scopes,
  setVariableRequest,
  stackTrace,
  variables,
} from './inspection-requests.js';
import { errorReport } from './run-report.js';

/** Name of the custom event carrying the run result (SANDBOX.md shape) at the end of a run. */
export const RUN_RESULT_EVENT = 'mlsec.runResult';

export class MlDebugSession extends DebugSession implements SessionContext {
  readonly runtime: DebugRuntime;
  readonly variables = new Handles<VariableHandle>();
  private configured!: Promise<void>;
  private markConfigured!: () => void;
  private launchArgs: LaunchArguments | null = null;
  /** Set while a restart ends the old run: its end is not reported as the session's end. */
  private restarting = false;

  constructor(options: RuntimeOptions = {}) {
    super();
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
    this.resetConfiguration();
    this.runtime = new DebugRuntime(options);
    this.wire();
  }

  private resetConfiguration(): void {
    this.configured = new Promise<void>((resolve) => (this.markConfigured = resolve));
  }

  private wire(): void {
    const rt = this.runtime;
    rt.on('stopped', (s) => {
      const ev = new StoppedEvent(s.reason, THREAD_ID, s.exception?.message) as DebugProtocol.StoppedEvent;
      ev.body.allThreadsStopped = true;
      if (s.breakpointIds.length > 0) ev.body.hitBreakpointIds = s.breakpointIds;
      if (s.exception)
        ev.body.description =
          s.exception.filter === 'denied' ? 'Paused on capability denied' : `Paused on ${s.exception.kind}`;
      this.sendEvent(ev);
    });
    rt.on('output', (o) => {
      const ev = new OutputEvent(o.text, o.category) as DebugProtocol.OutputEvent;
      if (o.file !== undefined && o.line !== undefined) {
        ev.body.source = sourceOf(o.file);
        ev.body.line = this.clientLine(o.line);
        if (o.column !== undefined) ev.body.column = this.clientColumn(o.column);
      }
      this.sendEvent(ev);
    });
    rt.on('breakpoints', (states) => {
      for (const s of states) this.sendEvent(new BreakpointEvent('changed', toDapBreakpoint(this, s)));
    });
    rt.on('loadedSource', (u) => this.sendEvent(new LoadedSourceEvent('new', sourceOf(u.file))));
    rt.on('exited', (result) => this.ended(result));
  }

  private ended(result: RunResult): void {
    this.variables.reset();
    if (this.restarting) return;
    const report = errorReport(result);
    if (report !== '') this.sendEvent(new OutputEvent(report, 'stderr'));
    this.sendEvent(new Event(RUN_RESULT_EVENT, result));
    this.sendEvent(new ExitedEvent(result.exitCode));
    this.sendEvent(new TerminatedEvent());
  }

  // SessionContext: the session owns every 0/1-based conversion.
  clientLine(line0: number): number {
    return this.convertDebuggerLineToClient(line0);
  }
  clientColumn(column0: number): number {
    return this.convertDebuggerColumnToClient(column0);
  }
  debuggerLine(clientLine: number): number {
    return this.convertClientLineToDebugger(clientLine);
  }
  debuggerColumn(clientColumn: number): number {
    return this.convertClientColumnToDebugger(clientColumn);
  }
  respond(response: DebugProtocol.Response): void {
    this.sendResponse(response);
  }
  fail(response: DebugProtocol.Response, message: string): void {
    // Braces in ML text (`{a: 1}`) stay as they are: with no variables, the format has none to fill.
    this.sendErrorResponse(response, { id: 1001, format: message, variables: {}, showUser: true });
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = adapterCapabilities();
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.markConfigured();
    this.sendResponse(response);
  }

  protected override launchRequest(
    response: DebugProtocol.LaunchResponse,
    args: DebugProtocol.LaunchRequestArguments,
  ): void {
    handle(this, response, async () => {
      this.launchArgs = args as LaunchArguments;
      const launch = await this.resolve(args as LaunchArguments);
      // Breakpoints arrive between `initialized` and configurationDone; run only after them.
      await this.configured;
      this.runtime.start(launch);
      this.sendResponse(response);
    });
  }

  private async resolve(args: LaunchArguments): Promise<ResolvedLaunch> {
    try {
      return await resolveLaunch(args);
    } catch (e) {
      if (e instanceof LaunchError) throw e;
      throw new LaunchError(`cannot launch: ${messageOf(e)}`);
    }
  }

  protected override restartRequest(
    response: DebugProtocol.RestartResponse,
    args: DebugProtocol.RestartArguments,
  ): void {
    handle(this, response, async () => {
      const next = (args.arguments as LaunchArguments | undefined) ?? this.launchArgs;
      if (!next) throw new Error('nothing to restart: no program was launched');
      const launch = await this.resolve(next);
      this.launchArgs = next;
      this.restarting = true;
      try {
        await this.runtime.terminate();
      } finally {
        this.restarting = false;
      }
      this.runtime.start(launch);
      this.sendResponse(response);
    });
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    handle(this, response, async () => {
      const wasRunning = this.runtime.isRunning;
      await this.runtime.terminate();
      this.sendResponse(response);
      if (!wasRunning) this.sendEvent(new TerminatedEvent());
    });
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    handle(this, response, async () => {
      this.restarting = true;
      await this.runtime.dispose();
      this.sendResponse(response);
      this.shutdown();
    });
  }

  protected override setBreakPointsRequest(
    r: DebugProtocol.SetBreakpointsResponse,
    a: DebugProtocol.SetBreakpointsArguments,
  ): void {
    setBreakpoints(this, r, a);
  }
  protected override setFunctionBreakPointsRequest(
    r: DebugProtocol.SetFunctionBreakpointsResponse,
    a: DebugProtocol.SetFunctionBreakpointsArguments,
  ): void {
    setFunctionBreakpoints(this, r, a);
  }
  protected override setExceptionBreakPointsRequest(
    r: DebugProtocol.SetExceptionBreakpointsResponse,
    a: DebugProtocol.SetExceptionBreakpointsArguments,
  ): void {
    setExceptionBreakpoints(this, r, a);
  }
  protected override threadsRequest(r: DebugProtocol.ThreadsResponse): void {
    threads(this, r);
  }
  protected override continueRequest(r: DebugProtocol.ContinueResponse): void {
    resume(this, r, 'continue');
  }
  protected override nextRequest(r: DebugProtocol.NextResponse): void {
    resume(this, r, 'next');
  }
  protected override stepInRequest(r: DebugProtocol.StepInResponse): void {
    resume(this, r, 'stepIn');
  }
  protected override stepOutRequest(r: DebugProtocol.StepOutResponse): void {
    resume(this, r, 'stepOut');
  }
  protected override pauseRequest(r: DebugProtocol.PauseResponse): void {
    pause(this, r);
  }
  protected override stackTraceRequest(
    r: DebugProtocol.StackTraceResponse,
    a: DebugProtocol.StackTraceArguments,
  ): void {
    stackTrace(this, r, a);
  }
  protected override scopesRequest(r: DebugProtocol.ScopesResponse, a: DebugProtocol.ScopesArguments): void {
    scopes(this, r, a);
  }
  protected override variablesRequest(r: DebugProtocol.VariablesResponse, a: DebugProtocol.VariablesArguments): void {
    variables(this, r, a);
  }
  protected override setVariableRequest(
    r: DebugProtocol.SetVariableResponse,
    a: DebugProtocol.SetVariableArguments,
  ): void {
    setVariableRequest(this, r, a);
  }
  protected override evaluateRequest(r: DebugProtocol.EvaluateResponse, a: DebugProtocol.EvaluateArguments): void {
    evaluateRequest(this, r, a);
  }
  protected override completionsRequest(
    r: DebugProtocol.CompletionsResponse,
    a: DebugProtocol.CompletionsArguments,
  ): void {
    completionsRequest(this, r, a);
  }
  protected override exceptionInfoRequest(r: DebugProtocol.ExceptionInfoResponse): void {
    exceptionInfo(this, r);
  }
  protected override loadedSourcesRequest(r: DebugProtocol.LoadedSourcesResponse): void {
    loadedSources(this, r);
  }
}
