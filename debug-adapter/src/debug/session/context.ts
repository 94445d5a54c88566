// What the request families of the DAP session share: the runtime, handle tables, 0/1-based
// conversions and response helpers. The session owns every conversion between DAP and the
// runtime's 0-based lines/columns; request modules go through this interface only.
import path from 'node:path';
import { Handles, Source } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugRuntime, VariableHandle } from '../runtime/debug-runtime.js';

/** The program is single-threaded: one DAP thread. */
export const THREAD_ID = 1;

export interface SessionContext {
  readonly runtime: DebugRuntime;
  /** DAP variablesReference ↔ runtime handles; reset whenever the program resumes. */
  readonly variables: Handles<VariableHandle>;
  clientLine(line0: number): number;
  clientColumn(column0: number): number;
  debuggerLine(clientLine: number): number;
  debuggerColumn(clientColumn: number): number;
  respond(response: DebugProtocol.Response): void;
  fail(response: DebugProtocol.Response, message: string): void;
}

export function sourceOf(file: string): Source {
  return new Source(path.basename(file), file);
}

/** Runs an async handler; any failure becomes an error response with its message. */
export function handle(ctx: SessionContext, response: DebugProtocol.Response, work: () => Promise<void> | void): void {
  let done: Promise<void> | void;
  try {
    done = work();
  } catch (e) {
    ctx.fail(response, messageOf(e));
    return;
  }
  if (done instanceof Promise) done.then(undefined, (e: unknown) => ctx.fail(response, messageOf(e)));
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
