// Typed IPC messages between the supervisor (parent) and the sandbox worker process, plus the
// worker's start-up configuration. Data only: both sides validate what they receive.
import type { ExecOutcome, ExecRequest } from './engine.js';
import type { AuditRecord, OutputStream } from './types.js';

/** Parent → worker. */
export type ParentMessage =
  | { type: 'run'; id: number; request: ExecRequest }
  /** Answer to a worker `request` (stdin line, debugger hook). */
  | { type: 'reply'; id: number; seq: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; seq: number; ok: false; kind: string; message: string }
  | { type: 'control'; id: number; action: 'pause-wall' | 'resume-wall' | 'terminate' }
  | { type: 'shutdown' };

/** Worker → parent. */
export type WorkerMessage =
  | { type: 'ready'; startupMs: number }
  | { type: 'output'; id: number; stream: OutputStream; text: string }
  | { type: 'audit'; id: number; records: AuditRecord[] }
  /** Something only the caller can answer: `input` (args [prompt]) or a `debug.*` hook. */
  | { type: 'request'; id: number; seq: number; op: string; args: unknown[] }
  | { type: 'done'; id: number; outcome: ExecOutcome }
  /** V8 lost control of an isolate (onCatastrophicError) or the worker hit a bug: it is exiting. */
  | { type: 'fatal'; message: string };

/** Passed to the worker as its single command-line argument (JSON). */
export interface WorkerConfig {
  /** Runtime bundle to load into every isolate, or null to run without the ML runtime. */
  runtimePath: string | null;
  /** Pre-warmed isolates kept ready. */
  poolSize: number;
}

/** Exit code of a worker that stops after a catastrophic error. */
export const WORKER_FATAL_EXIT = 70;

export function isWorkerMessage(m: unknown): m is WorkerMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

export function isParentMessage(m: unknown): m is ParentMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}
