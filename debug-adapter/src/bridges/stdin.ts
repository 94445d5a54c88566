// Host side of `input()`: one line of the run's stdin per call, while console:read is granted.
// Lines come from the request's stdin text, or are asked of the caller (CLI terminal, debug
// console) one at a time; pending output is delivered first so a prompt shows before the wait.
import type { BridgeEnv } from './bridge-env.js';
import { BridgeError, type AsyncBridge } from './types.js';

/** Longest line handed to the program (a longer one is cut: the isolate's memory is bounded). */
export const MAX_LINE = 1024 * 1024;

export interface StdinSource {
  /** The whole stdin text, or null to ask `ask` for each line. */
  text: string | null;
  ask(prompt: string): Promise<string | null>;
  flushOutput(): void;
}

export function stdinBridges(env: BridgeEnv, source: StdinSource): Record<string, AsyncBridge> {
  let offset = 0;
  const fromText = (text: string): string | null => {
    if (offset >= text.length) return null;
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    let line = text.slice(offset, end);
    offset = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    return line;
  };
  return {
    'stdin.readLine': async (args) => {
      // input() has checked and audited console:read in the runtime; enforced again, not audited twice.
      if (!env.gate.peek({ resource: 'console', operation: 'read' })) {
        throw new BridgeError('CapabilityError', "capability 'console:read' is not granted to this run");
      }
      source.flushOutput();
      const prompt = typeof args[0] === 'string' ? args[0] : '';
      const line = source.text !== null ? fromText(source.text) : await source.ask(prompt);
      if (line === null) return null;
      return line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line.replace(/\r?\n$/, '');
    },
  };
}
