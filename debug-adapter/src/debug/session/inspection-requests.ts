// DAP inspection of a stopped program: stack trace in ML terms, scopes (Locals, Closure, Globals,
// Capabilities, Resources), variables, setVariable, evaluate (hover, watch, REPL), completions,
// exceptionInfo and loadedSources. Frame ids are 1 + the frame's index from the innermost.
import { CompletionItem, Scope, StackFrame } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { RuntimeValue, RuntimeVariable } from '../runtime/debug-runtime.js';
import { completions, evaluate, setVariable } from '../runtime/evaluation.js';
import { handle, sourceOf, type SessionContext } from './context.js';

const frameIndex = (frameId: number | undefined): number | null => (frameId === undefined ? null : frameId - 1);

export function stackTrace(
  ctx: SessionContext,
  response: DebugProtocol.StackTraceResponse,
  args: DebugProtocol.StackTraceArguments,
): void {
  handle(ctx, response, async () => {
    const frames = await ctx.runtime.stack();
    const start = args.startFrame ?? 0;
    const end = args.levels ? start + args.levels : frames.length;
    response.body = {
      stackFrames: frames
        .slice(start, end)
        .map(
          (f, i) =>
            new StackFrame(start + i + 1, f.name, sourceOf(f.file), ctx.clientLine(f.line), ctx.clientColumn(f.column)),
        ),
      totalFrames: frames.length,
    };
    ctx.respond(response);
  });
}

export function scopes(
  ctx: SessionContext,
  response: DebugProtocol.ScopesResponse,
  args: DebugProtocol.ScopesArguments,
): void {
  handle(ctx, response, async () => {
    const list = await ctx.runtime.scopes(args.frameId - 1);
    response.body = {
      scopes: list.map((s) => {
        const scope: DebugProtocol.Scope = new Scope(s.name, ctx.variables.create(s.handle), s.expensive);
        if (s.count !== undefined) scope.namedVariables = s.count;
        if (s.name === 'Locals') scope.presentationHint = 'locals';
        return scope;
      }),
    };
    ctx.respond(response);
  });
}

function reference(ctx: SessionContext, v: RuntimeValue): number {
  return v.handle ? ctx.variables.create(v.handle) : 0;
}

function toVariable(ctx: SessionContext, v: RuntimeVariable): DebugProtocol.Variable {
  return {
    name: v.name,
    value: v.value,
    variablesReference: reference(ctx, v),
    ...(v.type ? { type: v.type } : {}),
    ...(v.evaluateName ? { evaluateName: v.evaluateName } : {}),
    ...(v.indexed ? { indexedVariables: v.indexed } : {}),
  };
}

export function variables(
  ctx: SessionContext,
  response: DebugProtocol.VariablesResponse,
  args: DebugProtocol.VariablesArguments,
): void {
  handle(ctx, response, async () => {
    const h = ctx.variables.get(args.variablesReference);
    if (!h) throw new Error('unknown variables reference (the program has resumed)');
    const list = await ctx.runtime.variables(h, args.start, args.count);
    response.body = { variables: list.map((v) => toVariable(ctx, v)) };
    ctx.respond(response);
  });
}

export function setVariableRequest(
  ctx: SessionContext,
  response: DebugProtocol.SetVariableResponse,
  args: DebugProtocol.SetVariableArguments,
): void {
  handle(ctx, response, async () => {
    const h = ctx.variables.get(args.variablesReference);
    if (!h) throw new Error('unknown variables reference (the program has resumed)');
    const v = await setVariable(ctx.runtime, h, args.name, args.value);
    response.body = { value: v.value, variablesReference: reference(ctx, v), ...(v.type ? { type: v.type } : {}) };
    ctx.respond(response);
  });
}

export function evaluateRequest(
  ctx: SessionContext,
  response: DebugProtocol.EvaluateResponse,
  args: DebugProtocol.EvaluateArguments,
): void {
  handle(ctx, response, async () => {
    if (!ctx.runtime.stopped) throw new Error('the program is running; pause it to evaluate ML expressions');
    const context =
      args.context === 'hover' || args.context === 'watch' || args.context === 'repl' || args.context === 'clipboard'
        ? args.context
        : 'watch';
    const v = await evaluate(ctx.runtime, frameIndex(args.frameId), args.expression, context);
    response.body = {
      result: v.value,
      variablesReference: reference(ctx, v),
      ...(v.type ? { type: v.type } : {}),
      ...(v.indexed ? { indexedVariables: v.indexed } : {}),
    };
    ctx.respond(response);
  });
}

export function completionsRequest(
  ctx: SessionContext,
  response: DebugProtocol.CompletionsResponse,
  args: DebugProtocol.CompletionsArguments,
): void {
  handle(ctx, response, async () => {
    const column = ctx.debuggerColumn(args.column);
    const items = ctx.runtime.stopped
      ? await completions(ctx.runtime, frameIndex(args.frameId), args.text, column)
      : [];
    response.body = { targets: items.map((c) => new CompletionItem(c.label, ctx.clientColumn(c.start), c.length)) };
    ctx.respond(response);
  });
}

export function exceptionInfo(ctx: SessionContext, response: DebugProtocol.ExceptionInfoResponse): void {
  handle(ctx, response, () => {
    const e = ctx.runtime.exception();
    if (!e) throw new Error('the program did not stop on an error');
    const description =
      e.filter === 'denied'
        ? `${e.message}${e.capability ? ` — requested capability: ${e.capability}` : ''}`
        : e.message;
    response.body = {
      exceptionId: e.kind,
      description,
      breakMode: e.filter === 'uncaught' ? 'unhandled' : 'always',
      details: {
        message: e.message,
        typeName: e.kind,
        ...(e.capability ? { fullTypeName: `CapabilityError(${e.capability})` } : {}),
      },
    };
    ctx.respond(response);
  });
}

export function loadedSources(ctx: SessionContext, response: DebugProtocol.LoadedSourcesResponse): void {
  response.body = { sources: ctx.runtime.loadedUnits().map((u) => sourceOf(u.file)) };
  ctx.respond(response);
}
