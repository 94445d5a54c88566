// DAP execution control: threads, continue, next / stepIn / stepOut (ML statement granularity),
// pause. Resuming invalidates every variable handle of the stop.
import { Thread } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { handle, THREAD_ID, type SessionContext } from './context.js';

export function threads(ctx: SessionContext, response: DebugProtocol.ThreadsResponse): void {
  response.body = { threads: [new Thread(THREAD_ID, 'ML program')] };
  ctx.respond(response);
}

type Resume = 'continue' | 'next' | 'stepIn' | 'stepOut';

export function resume(ctx: SessionContext, response: DebugProtocol.Response, how: Resume): void {
  handle(ctx, response, async () => {
    if (!ctx.runtime.stopped) throw new Error('the program is not stopped');
    ctx.variables.reset();
    if (how === 'continue') (response as DebugProtocol.ContinueResponse).body = { allThreadsContinued: true };
    ctx.respond(response);
    await ctx.runtime[how]();
  });
}

export function pause(ctx: SessionContext, response: DebugProtocol.PauseResponse): void {
  handle(ctx, response, () => {
    if (!ctx.runtime.isRunning) throw new Error('no program is running');
    ctx.runtime.pause();
    ctx.respond(response);
  });
}
