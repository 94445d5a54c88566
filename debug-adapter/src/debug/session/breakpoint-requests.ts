// DAP breakpoint requests: line breakpoints (conditions, hit counts, logpoints), function
// breakpoints by ML name, exception filters; and the DAP form of a breakpoint's state.
import path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { BreakpointState } from '../runtime/breakpoints.js';
import { handle, sourceOf, type SessionContext } from './context.js';

export function toDapBreakpoint(ctx: SessionContext, b: BreakpointState, file?: string): DebugProtocol.Breakpoint {
  return {
    id: b.id,
    verified: b.verified,
    ...(b.line !== undefined ? { line: ctx.clientLine(b.line) } : {}),
    ...(b.column !== undefined ? { column: ctx.clientColumn(b.column) } : {}),
    ...(b.message ? { message: b.message } : {}),
    ...(file ? { source: sourceOf(file) } : {}),
  };
}

export function setBreakpoints(
  ctx: SessionContext,
  response: DebugProtocol.SetBreakpointsResponse,
  args: DebugProtocol.SetBreakpointsArguments,
): void {
  handle(ctx, response, () => {
    const file = args.source.path;
    if (!file) throw new Error('breakpoints need a source file path');
    const abs = path.resolve(file);
    const specs = (args.breakpoints ?? []).map((b) => ({
      line: ctx.debuggerLine(b.line),
      condition: b.condition,
      hitCondition: b.hitCondition,
      logMessage: b.logMessage,
    }));
    const states = ctx.runtime.setBreakpoints(abs, specs);
    response.body = { breakpoints: states.map((s) => toDapBreakpoint(ctx, s, abs)) };
    ctx.respond(response);
  });
}

export function setFunctionBreakpoints(
  ctx: SessionContext,
  response: DebugProtocol.SetFunctionBreakpointsResponse,
  args: DebugProtocol.SetFunctionBreakpointsArguments,
): void {
  handle(ctx, response, () => {
    const states = ctx.runtime.setFunctionBreakpoints(
      args.breakpoints.map((b) => ({ name: b.name, condition: b.condition, hitCondition: b.hitCondition })),
    );
    response.body = { breakpoints: states.map((s) => toDapBreakpoint(ctx, s)) };
    ctx.respond(response);
  });
}

export function setExceptionBreakpoints(
  ctx: SessionContext,
  response: DebugProtocol.SetExceptionBreakpointsResponse,
  args: DebugProtocol.SetExceptionBreakpointsArguments,
): void {
  handle(ctx, response, () => {
    ctx.runtime.setExceptionFilters(args.filters);
    response.body = { breakpoints: args.filters.map(() => ({ verified: true })) };
    ctx.respond(response);
  });
}
