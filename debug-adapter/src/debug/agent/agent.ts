// The debug agent INSIDE the sandbox isolate: the hooks debug-mode units call (statements, frame
// entry/exit, errors), breakpoints and stepping, and the stopped loop that answers the debug
// runtime's questions over the one synchronous `debug.call` channel until told to resume.
// Hooks stay cheap when nothing is armed: a flag check and a countdown toward the next poll.
import type { Runtime, Value } from '@mlsec/grammar';
import type {
  AgentConfig,
  AgentMessage,
  ExceptionDetail,
  HostCommand,
  RunMode,
  RunUsage,
  StopReason,
} from '../protocol.js';
import { columnOf, lineOf, FrameStack, type Accessor, type FnMeta, type Unit } from './frames.js';
import { Inspector } from './inspect.js';
import { BreakpointChecker } from './breakpoints.js';
import { answer } from './answer.js';

/** The facade calls the agent uses (sync and blocking-async host operations). */
export interface Channel {
  call(op: string, args: unknown[]): unknown;
  callAsync(op: string, args: unknown[]): unknown;
}

/** Hooks a count of this many statements before looking at the clock for a poll. */
const TICKS = 1000;
/** How often a running program asks the runtime for a pause request or new breakpoints. */
const POLL_MS = 20;
/** Errors that end the run: never reported as exceptions (ML code cannot catch them either). */
const FATAL = new Set(['SandboxTimeoutError', 'SandboxMemoryError', 'SandboxOutputLimitError']);

export interface UnitHooks {
  h(k: number): void;
  e(fi: number, acc: Accessor): void;
  x(): void;
  t(err: unknown): unknown;
  c(value: unknown): unknown;
}

const EMPTY_CONFIG: AgentConfig = {
  breakpoints: {},
  functionBreakpoints: [],
  exceptions: { all: false, uncaught: false, denied: false },
};

export class DebugAgent {
  readonly stack = new FrameStack();
  private readonly units = new Map<string, Unit>();
  private config: AgentConfig = EMPTY_CONFIG;
  private readonly checker = new BreakpointChecker(this);
  private rtRef: Runtime | null = null;
  private inspectorRef: Inspector | null = null;
  /** Nonzero while a step or a function breakpoint needs every hook's attention. */
  watch = 0;
  private ticks = TICKS;
  private nextPoll = 0;
  /** True while the agent itself runs ML code (conditions, evaluation): hooks then do nothing. */
  busy = false;
  private step: { mode: RunMode; depth: number } | null = null;
  private fnPending: { depth: number; unit: Unit; fi: number } | null = null;
  private readonly reported = new WeakSet<object>();
  private skipCapabilityError = false;

  constructor(private readonly channel: Channel) {}

  get rt(): Runtime {
    if (this.rtRef === null) throw new Error('the debug agent has no runtime yet');
    return this.rtRef;
  }

  get inspector(): Inspector {
    return (this.inspectorRef ??= new Inspector(this.rt));
  }

  attach(rt: Runtime): void {
    this.rtRef = rt;
  }

  send(message: AgentMessage): HostCommand {
    return this.channel.callAsync('debug.call', [message]) as HostCommand;
  }

  /** Before the main unit runs: learns the breakpoints and whether to stop on entry. */
  start(): void {
    this.resume(this.send({ t: 'start' }));
  }

  /** Registers a unit as it starts and returns the hooks its code calls. */
  unit(file: string, module: string | null, table: { data: readonly number[] }, meta: FnMeta[]): UnitHooks {
    const data = table.data;
    const flags = new Uint8Array(Math.max(1, data.length / 2));
    const u: Unit = { file, module, data, meta, flags, bps: new Map(), fnBps: meta.map(() => null), globals: null };
    this.units.set(file, u);
    this.applyUnit(u);
    const stack = this.stack;
    const accs = stack.accs;
    const units = stack.units;
    // The hot paths: a statement costs one flag read unless something is armed; entering a
    // function stores its accessor and unit; leaving it pops them.
    const h = (k: number): void => {
      if (flags[k] !== 0 || this.watch !== 0 || --this.ticks <= 0) this.slow(u, k);
    };
    const e = (fi: number, acc: Accessor): void => {
      const d = stack.depth++;
      accs[d] = acc;
      units[d] = u;
      if (fi === 0) u.globals = acc;
      if (u.fnBps[fi] !== null && !this.busy) {
        this.fnPending = { depth: d + 1, unit: u, fi };
        this.watch = 1;
      }
    };
    const x = (): void => {
      stack.depth--;
    };
    return { h, e, x, t: (err) => this.thrown(err, false), c: (value) => this.caught(value) };
  }

  /** A hook that needs attention: polls, breakpoints, steps. */
  private slow(u: Unit, k: number): void {
    if (this.busy) return;
    if (this.ticks > 0) this.ticks--;
    if (this.ticks <= 0) {
      this.ticks = TICKS;
      if (Date.now() >= this.nextPoll) this.poll();
    }
    let reason: StopReason | null = null;
    let hit: number[] = [];
    const pending = this.fnPending;
    if (pending !== null && this.stack.depth <= pending.depth) {
      this.fnPending = null;
      if (this.stack.depth === pending.depth) {
        hit = this.checker.functionHits(pending.unit.fnBps[pending.fi] ?? []);
        if (hit.length > 0) reason = 'function breakpoint';
      }
    }
    if (u.flags[k] !== 0) {
      const lineHits = this.checker.lineHits(u, k);
      if (lineHits.length > 0) {
        reason ??= 'breakpoint';
        hit = [...hit, ...lineHits];
      }
    }
    if (reason === null && this.step !== null && this.stepDone(this.step)) {
      reason = this.step.mode === 'entry' ? 'entry' : this.step.mode === 'pause' ? 'pause' : 'step';
    }
    this.rearm();
    if (reason !== null) this.stop(reason, hit.length > 0 ? { breakpoints: hit } : {});
  }

  private stepDone(step: { mode: RunMode; depth: number }): boolean {
    switch (step.mode) {
      case 'next':
        return this.stack.depth <= step.depth;
      case 'stepOut':
        return this.stack.depth < step.depth;
      case 'continue':
        return false;
      default:
        return true;
    }
  }

  private rearm(): void {
    this.watch = this.step !== null || this.fnPending !== null ? 1 : 0;
  }

  private poll(): void {
    this.nextPoll = Date.now() + POLL_MS;
    this.running(this.send({ t: 'poll' }));
  }

  /** Applies the runtime's answer to a message sent while running (poll, log). */
  running(cmd: HostCommand): void {
    if (cmd.cmd !== 'run') return;
    if (cmd.config) this.configure(cmd.config);
    if (cmd.mode === 'pause') this.step = { mode: 'pause', depth: this.stack.depth };
    this.rearm();
  }

  /** Resumes after a stop (or at start): new breakpoints and how to run. */
  private resume(cmd: HostCommand): void {
    if (cmd.cmd !== 'run') return;
    if (cmd.config) this.configure(cmd.config);
    this.step = cmd.mode === 'continue' ? null : { mode: cmd.mode, depth: this.stack.depth };
    this.nextPoll = Date.now() + POLL_MS;
    this.ticks = TICKS;
    this.rearm();
  }

  /** Holds the program stopped, answering the runtime's requests until it says how to resume. */
  stop(reason: StopReason, extra: { breakpoints?: number[]; exception?: ExceptionDetail }): void {
    this.busy = true;
    this.step = null;
    this.fnPending = null;
    this.rearm();
    try {
      const usage = this.usage();
      let cmd = this.send({ t: 'stopped', reason, ...extra, ...(usage ? { usage } : {}) });
      while (cmd.cmd !== 'run') cmd = this.send(answer(this, cmd));
      this.resume(cmd);
    } finally {
      this.inspectorRef?.clear();
      this.busy = false;
    }
  }

  private usage(): RunUsage | null {
    try {
      return this.channel.call('debug.usage', []) as RunUsage;
    } catch {
      return null;
    }
  }

  /** An error leaving a function (`caught` false) or entering an `except` (true). */
  private thrown(err: unknown, caught: boolean): unknown {
    if (this.busy || typeof err !== 'object' || err === null || this.reported.has(err)) return err;
    this.reported.add(err);
    const e = err as { kind?: unknown; message?: unknown };
    const kind = typeof e.kind === 'string' ? e.kind : 'RuntimeError';
    if (FATAL.has(kind)) return err;
    if (kind === 'CapabilityError' && this.skipCapabilityError) {
      this.skipCapabilityError = false;
      return err;
    }
    const handled = caught || this.stack.inTry();
    const { all, uncaught } = this.config.exceptions;
    if (all || (uncaught && !handled)) {
      const message = typeof e.message === 'string' ? e.message : '';
      this.stop('exception', { exception: { kind, message, filter: !handled && uncaught ? 'uncaught' : 'all' } });
    }
    return err;
  }

  private caught(value: unknown): unknown {
    const err = (value as { error?: unknown } | null)?.error;
    this.thrown(err, true);
    return value;
  }

  /**
   * The host refused a capability (the call has not returned to the program yet): stops on the
   * calling statement when the "Capability denied" filter is on. `error` is the error about to be
   * thrown, if it already exists; otherwise the runtime raises one right after.
   */
  denied(message: string, capability: string | undefined, error: object | null): void {
    if (this.busy || !this.config.exceptions.denied || this.stack.depth === 0) return;
    if (error !== null) this.reported.add(error);
    else this.skipCapabilityError = true;
    this.stop('exception', {
      exception: { kind: 'CapabilityError', message, filter: 'denied', ...(capability ? { capability } : {}) },
    });
  }

  /** The ML location being run (1-based), for the audit log's call site. */
  site(): [string, number, number] | null {
    const top = this.stack.fromTop(0);
    if (!top) return null;
    return [top.unit.file, lineOf(top.unit, top.p) + 1, columnOf(top.unit, top.p) + 1];
  }

  private configure(config: AgentConfig): void {
    this.config = config;
    for (const u of this.units.values()) this.applyUnit(u);
  }

  private applyUnit(u: Unit): void {
    u.flags.fill(0);
    u.bps.clear();
    for (const bp of this.config.breakpoints[u.file] ?? []) {
      if (bp.k < 0 || bp.k >= u.flags.length) continue;
      u.flags[bp.k] = 1;
      const list = u.bps.get(bp.k);
      if (list) list.push(bp);
      else u.bps.set(bp.k, [bp]);
    }
    u.fnBps = u.meta.map((m) => {
      const list = this.config.functionBreakpoints.filter((b) => b.name === m.name);
      return list.length > 0 ? list : null;
    });
  }

  /** Runs `f` as the agent's own work: hooks and error reports are off meanwhile. */
  quietly<T>(f: () => T): T {
    const was = this.busy;
    this.busy = true;
    try {
      return f();
    } finally {
      this.busy = was;
    }
  }

  /** The value an expression or logpoint part produces, as `str()` would print it. */
  str(v: Value): string {
    return this.rt.builtins['str']!(v) as string;
  }
}
