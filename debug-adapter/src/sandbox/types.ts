// Public types of the sandbox API (what the CLI and the debug adapter see): run requests, streamed
// events and the run result of SANDBOX.md. Types only; nothing here touches isolated-vm or Node.
import type { AuditEvent, Program, TranspileResult } from '@mlsec/grammar';
import type { MlUnits } from './program-wrapper.js';

/** Resource limits of one run (SANDBOX.md "Limits"). All optional in a request; see limits.ts. */
export interface SandboxLimits {
  /** Isolate heap limit in MB (isolate `memoryLimit`). */
  memoryMb: number;
  /** CPU time of the isolate in ms (watchdog polling `isolate.cpuTime`). */
  cpuTimeMs: number;
  /** Wall time in ms; paused while a debugger holds the program stopped. */
  wallTimeMs: number;
  /** stdout + stderr bytes (UTF-8); over it the output is truncated with a marker and the run stops. */
  outputBytes: number;
  /** Bytes one file write may store (file bridge). */
  fileWriteBytes: number;
  /** Bytes one file read may load into the sandbox (file bridge). */
  fileReadBytes: number;
  /** Files the program may have open at once (file bridge). */
  openFiles: number;
  /** Per-request HTTP timeout in ms (a smaller `timeout` argument wins). */
  httpTimeoutMs: number;
  /** Bytes of one HTTP response body. */
  httpResponseBytes: number;
  /** Characters one bridge call may copy out of the isolate (all string arguments together). */
  copyOutChars: number;
}

/** What to run: ML source (parsed, analyzed and transpiled first) or JavaScript for the harness. */
export type RunProgram =
  | { kind: 'ml'; source: string; file: string }
  /**
   * Hand-written JavaScript run in the same hardened isolate (benchmarks, sandbox tests). The code
   * is a function body: `$0` is the in-isolate host facade, and `return` ends the program.
   */
  | { kind: 'js'; code: string; file: string };

/** Capability configuration of a run; compiled into the run's CapabilityContext inside the sandbox. */
export interface RunCapabilities {
  /** Capability strings granted (default grant, profile and `--allow` flags already merged). */
  allow: string[];
  /** Explicit denials (`--deny`, profile denials); they always win. */
  deny?: string[];
  /** Allow everything but record what would have been denied (`--audit-only`). */
  auditOnly?: boolean;
}

export interface RunRequest {
  program: RunProgram;
  capabilities: RunCapabilities;
  /** Root for relative paths and relative grant patterns; defaults to the program's folder. */
  rootDir?: string;
  /** Arguments after the script name (`args.rest()`). */
  args?: string[];
  /** The sandbox's initial view of the environment (never written back to the host). */
  env?: Record<string, string>;
  /** Program stdin as text, for `input()`; when absent, `events.input` is asked for each line. */
  stdin?: string;
  /** Seed of the `random` module (a fixed seed makes runs reproducible). */
  randomSeed?: number;
  limits?: Partial<SandboxLimits>;
  /** Debug run (the debug adapter): units are transpiled in debug mode and wrapped by the debugger. */
  debug?: DebugInstrumentation;
}

/** One ML file compiled for a debug run. */
export interface DebugUnit {
  /** Absolute path of the file. */
  file: string;
  /** The name the unit was transpiled with (relative to the run root). */
  shown: string;
  /** Dotted module name; null for the main program. */
  moduleName: string | null;
  source: string;
  program: Program;
  /** The debug-mode transpilation (its `debug` field holds hook sites and frame layouts). */
  transpiled: TranspileResult;
}

/** How a debug run's program is compiled (ML programs only). */
export interface DebugInstrumentation {
  /** Sees each file as it is compiled (the main program first, then the modules it imports). */
  unit(unit: DebugUnit): void;
  /** Builds the closure body from the debug-mode units, in place of the normal wrapper. */
  wrap(units: MlUnits): string;
}

export type OutputStream = 'stdout' | 'stderr';

/** One capability check, as recorded by the capability model (CAPABILITIES.md §4). */
export type AuditRecord = AuditEvent;

/** Callbacks a caller passes to `run`; output arrives as it happens, never buffered to the end. */
export interface RunEvents {
  output?(stream: OutputStream, text: string): void;
  audit?(record: AuditRecord): void;
  /** Asked for each line `input()` reads when the request has no `stdin`; null = end of input. */
  input?(prompt: string): Promise<string | null>;
  /**
   * Answers `debug.*` operations that debug-mode code sends through the runtime host's
   * `callAsync(op, args)` (statement hooks, frame/variable queries). The program is blocked until
   * the promise settles; plain data in and out. A rejection with a `kind` raises that ML error.
   */
  debug?(op: string, args: unknown[]): Promise<unknown>;
  /** Receives control over the run once it is scheduled (the debugger pauses wall time with it). */
  control?(control: RunControl): void;
}

/** Control over a run in flight. */
export interface RunControl {
  /** Stops counting wall time (the debugger holds the program stopped). */
  pauseWallClock(): void;
  resumeWallClock(): void;
  /** Ends the run now; its result has error kind `TerminatedError`. */
  terminate(): void;
}

/** Kinds of the error of a failed run: ML error kinds plus the sandbox's own. */
export type RunErrorKind = string;

export interface MLStackFrame {
  name: string;
  file: string;
  line: number;
  column: number;
}

/** Where and why a run failed. Lines and columns are 1-based, as printed to users. */
export interface RunError {
  kind: RunErrorKind;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  mlStack: MLStackFrame[];
}

export interface RunStats {
  parseMs: number;
  analyzeMs: number;
  transpileMs: number;
  runMs: number;
  cpuMs: number;
  peakHeapBytes: number;
  capabilityChecks: number;
  bridgeCalls: number;
}

/** SANDBOX.md "Result of a run": the same shape from the API, `mlsec run --json` and the debugger. */
export interface RunResult {
  ok: boolean;
  exitCode: number;
  stdout: string;
  stderr: string;
  error?: RunError;
  stats: RunStats;
  audit: AuditRecord[];
}

export interface Sandbox {
  /** Runs one program in a fresh isolate. Never rejects for program errors: they are in the result. */
  run(request: RunRequest, events?: RunEvents): Promise<RunResult>;
  /** Stops the worker (if any) and fails runs still in flight. */
  dispose(): Promise<void>;
}
