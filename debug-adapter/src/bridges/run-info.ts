// Host side of the run's own information: script arguments (args:read), the clock, the random
// seed, and the capability introspection builtins (hasCapability, getCapabilities, and the
// runtime's enforced checks for pure modules). Hands out copies of plain data only.
import { randomInt } from 'node:crypto';
import { str } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import type { SyncBridge } from './types.js';

export interface RunInfo {
  /** The program file as given to the run. */
  script: string;
  args: readonly string[];
  randomSeed: number | null;
}

/** Splits `resource:operation[:target]` (a URL target keeps its own colons). */
export function splitCapability(text: string): { resource: string; operation: string; target: string | null } | null {
  const first = text.indexOf(':');
  if (first <= 0) return null;
  const second = text.indexOf(':', first + 1);
  const resource = text.slice(0, first);
  const operation = second < 0 ? text.slice(first + 1) : text.slice(first + 1, second);
  if (operation === '') return null;
  return { resource, operation, target: second < 0 ? null : text.slice(second + 1) };
}

export function runInfoBridges(env: BridgeEnv, info: RunInfo): Record<string, SyncBridge> {
  const seed = info.randomSeed ?? randomInt(0, 2 ** 31 - 1);
  const argsRead = (fn: string): void => {
    env.gate.require({ resource: 'args', operation: 'read' }, { functionName: `args.${fn}` });
  };
  return {
    'args.all': () => {
      argsRead('all');
      return [info.script, ...info.args];
    },
    'args.script': () => {
      argsRead('script');
      return info.script;
    },
    'args.rest': () => {
      argsRead('rest');
      return [...info.args];
    },
    /** Milliseconds since the epoch (datetime.now checks datetime:now in the runtime). */
    'clock.now': () => Date.now(),
    /** The seed of the run's random generator (fixed by the request, else fresh per run). */
    'random.seed': () => seed,
    /**
     * The runtime's enforced check (audited, at the call site the isolate sent, for the stdlib
     * function named by args[1]); false instead of an error, the runtime raises.
     */
    'cap.check': (args) => {
      const text = str(args, 0, 'checkCapability', 'capability');
      const parts = splitCapability(text);
      if (parts === null) return false;
      const fn = typeof args[1] === 'string' && args[1] !== '' ? args[1].slice(0, 200) : 'runtime';
      try {
        env.gate.require(parts, { functionName: fn });
        return true;
      } catch {
        return false;
      }
    },
    /** hasCapability(): whether the grants cover the capability; not a use, not audited. */
    'cap.query': (args) => env.gate.context.covers(str(args, 0, 'hasCapability', 'capability')),
    'cap.list': () => env.gate.context.grantedCapabilities(),
  };
}
