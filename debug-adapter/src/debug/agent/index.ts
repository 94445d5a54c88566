// Entry of the debug agent bundle (dist/debug-agent.js, an IIFE evaluated at the top of a debug
// run's program closure INSIDE the isolate). Exposes one factory; nothing is installed globally and
// nothing here is reachable from ML code (units receive only the `handle`).
import type { Runtime } from '@mlsec/grammar';
import { DebugAgent, type Channel } from './agent.js';
import type { FnMeta } from './frames.js';
import { wrapHost } from './host-wrapper.js';

export function createDebugAgent(channel: Channel) {
  const agent = new DebugAgent(channel);
  const handle = Object.freeze({
    unit: (file: string, module: string | null, table: { data: readonly number[] }, meta: FnMeta[]) =>
      agent.unit(file, module, table, meta),
  });
  return Object.freeze({
    /** The `$D` argument of every debug-mode unit. */
    handle,
    wrapHost: (base: Record<string, unknown>) => wrapHost(base, agent, channel),
    attach: (rt: Runtime) => agent.attach(rt),
    /** Asks the debugger for breakpoints and whether to stop on entry; call before the main unit. */
    start: () => agent.start(),
  });
}
