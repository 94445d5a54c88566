// The runtime's side of the conversation with the debug agent. The agent's `debug.call` blocks the
// program until answered: while running, polls and logpoints are answered at once; once stopped,
// the agent's call stays open and is answered with one request at a time (stack, variables, ...)
// until `resume` answers it with how to run on. No DAP, no sandbox details.
import type { AgentMessage, HostCommand } from '../protocol.js';

type Reply = Extract<AgentMessage, { t: 'reply' }>;

export class AgentLink {
  /** Answers the agent's open call (set while the program is stopped and no request is in flight). */
  private open: ((cmd: HostCommand) => void) | null = null;
  private inFlight: { resolve(r: Reply): void; reject(e: Error): void } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  get stopped(): boolean {
    return this.open !== null || this.inFlight !== null;
  }

  /** The agent stopped (or replied): its call stays open until the next command. */
  hold(message: AgentMessage): Promise<HostCommand> {
    if (message.t === 'reply') {
      const waiter = this.inFlight;
      this.inFlight = null;
      waiter?.resolve(message);
    }
    return new Promise<HostCommand>((resolve) => {
      if (this.closed) resolve({ cmd: 'run', mode: 'continue' });
      else this.open = resolve;
    });
  }

  /** Sends one request to the stopped agent and returns its answer's body. */
  ask(cmd: Exclude<HostCommand, { cmd: 'run' }>): Promise<unknown> {
    const run = this.queue.then(
      () =>
        new Promise<Reply>((resolve, reject) => {
          const open = this.open;
          if (open === null || this.closed) {
            reject(new Error('the program is running; pause it first'));
            return;
          }
          this.open = null;
          this.inFlight = { resolve, reject };
          open(cmd);
        }),
    );
    this.queue = run.catch(() => undefined);
    return run.then((reply) => {
      if (!reply.ok) throw new Error(reply.message);
      return reply.body;
    });
  }

  /** Lets the stopped agent run on (after requests already queued). */
  resume(cmd: Extract<HostCommand, { cmd: 'run' }>, before?: () => void): Promise<void> {
    const run = this.queue.then(() => {
      const open = this.open;
      if (open === null) return;
      this.open = null;
      before?.();
      open(cmd);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The run is over: fail requests in flight and release an open call. */
  close(): void {
    this.closed = true;
    this.inFlight?.reject(new Error('the program has ended'));
    this.inFlight = null;
    const open = this.open;
    this.open = null;
    open?.({ cmd: 'run', mode: 'continue' });
  }
}
