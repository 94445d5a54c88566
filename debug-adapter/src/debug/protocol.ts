// The conversation between the debug agent (inside the sandbox isolate) and the debug runtime (in
// the adapter process), carried by the sandbox's `debug.call` channel as plain data. Types only: the
// agent bundle and the runtime both compile against it; nothing here may import Node or DAP.
import type { DebugExpr, DebugStatement, LogPart } from '@mlsec/grammar';

/** Why the program stopped (DAP's stopped reasons). */
export type StopReason = 'entry' | 'breakpoint' | 'function breakpoint' | 'step' | 'pause' | 'exception';

/** Which exception filter made the program stop. */
export type ExceptionFilter = 'uncaught' | 'all' | 'denied';

export interface ExceptionDetail {
  kind: string;
  message: string;
  filter: ExceptionFilter;
  /** The capability a refused call asked for, when the agent knows it (`math:compute`). */
  capability?: string;
}

/** How to resume: run freely, step at ML statement granularity, stop at the next statement. */
export type RunMode = 'continue' | 'next' | 'stepIn' | 'stepOut' | 'pause' | 'entry';

/** `>= 3`, `% 2`, `== 5`: when a breakpoint's hit count lets it stop. */
export interface HitCondition {
  op: '>=' | '>' | '==' | '<' | '<=' | '%';
  n: number;
}

export interface AgentBreakpoint {
  id: number;
  /** Position index of the hook site (in the unit's position table). */
  k: number;
  cond?: DebugExpr;
  hit?: HitCondition;
  /** A logpoint: prints these parts instead of stopping. */
  log?: LogPart[];
}

export interface AgentFunctionBreakpoint {
  id: number;
  name: string;
  cond?: DebugExpr;
  hit?: HitCondition;
}

export interface AgentConfig {
  /** Line breakpoints by unit file (the file name the unit was transpiled with). */
  breakpoints: Record<string, AgentBreakpoint[]>;
  functionBreakpoints: AgentFunctionBreakpoint[];
  exceptions: { all: boolean; uncaught: boolean; denied: boolean };
}

/** The run's resource use when it stopped (the sandbox's `debug.usage`). */
export interface RunUsage {
  cpuMs: number;
  wallMs: number;
  heapBytes: number;
  outputBytes: number;
}

/** Agent → runtime. */
export type AgentMessage =
  | { t: 'start' }
  | { t: 'poll' }
  | { t: 'stopped'; reason: StopReason; breakpoints?: number[]; exception?: ExceptionDetail; usage?: RunUsage }
  | { t: 'log'; text: string; file: string; line: number; column: number }
  | { t: 'reply'; ok: true; body: unknown }
  | { t: 'reply'; ok: false; message: string };

export type EvaluateContext = 'hover' | 'watch' | 'repl' | 'variables' | 'clipboard';

/** Runtime → agent: what to do next (answers to start/poll/log/stopped/reply). */
export type HostCommand =
  | { cmd: 'run'; mode: RunMode; config?: AgentConfig }
  | { cmd: 'stack' }
  | { cmd: 'scopes'; frame: number }
  | { cmd: 'variables'; ref: number; start?: number; count?: number }
  | { cmd: 'setVariable'; ref: number; name: string; value: DebugExpr }
  | { cmd: 'evaluate'; frame: number | null; input: DebugStatement; context: EvaluateContext }
  | { cmd: 'completions'; frame: number | null; object: DebugExpr | null };

/** One ML frame, innermost first. Lines and columns are 0-based (the runtime's convention). */
export interface AgentFrame {
  name: string;
  file: string;
  line: number;
  column: number;
}

export interface AgentScope {
  name: 'Locals' | 'Closure' | 'Globals';
  ref: number;
  count: number;
}

/** A value as shown to the user: ML syntax, its ML type, and a handle to expand it (0 = none). */
export interface AgentValue {
  value: string;
  type: string;
  ref: number;
  /** Children count hints for paging large arrays. */
  indexed?: number;
  named?: number;
}

export interface AgentVariable extends AgentValue {
  name: string;
  /** An ML expression that evaluates to this value in the selected frame. */
  evaluateName?: string;
}
