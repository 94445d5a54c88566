// Host side of the `env` module: a sandbox-local copy of the environment the caller chose to
// expose. env:read / env:write are checked per variable; writes change only this run's copy,
// never the host's process.env.
import { str } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import { BridgeError, type SyncBridge } from './types.js';

export function envBridges(env: BridgeEnv, initial: Record<string, string>): Record<string, SyncBridge> {
  const vars = new Map<string, string>(Object.entries(initial));
  const require = (op: 'read' | 'write', key: string, fn: string): void => {
    if (key === '') throw new BridgeError('ValueError', `${fn}(): empty variable name`);
    env.gate.require({ resource: 'env', operation: op, target: key }, { functionName: `env.${fn}` });
  };
  const read = (fn: string, args: unknown[]): string | undefined => {
    const key = str(args, 0, fn, 'key');
    require('read', key, fn);
    return vars.get(key);
  };
  return {
    /** Returns the value, or the default (null when not given) when unset. */
    'env.get': (args) => read('get', args) ?? (args[1] === undefined ? null : args[1]),
    'env.require': (args) => {
      const v = read('require', args);
      if (v === undefined) throw new BridgeError('KeyError', `required environment variable '${String(args[0])}' is not set`);
      return v;
    },
    'env.has': (args) => read('has', args) !== undefined,
    /** Raw text for get_int/get_bool/get_float: the runtime converts (with its own error messages). */
    'env.getRaw': (args) => read('getRaw', args) ?? null,
    'env.set': (args) => {
      const key = str(args, 0, 'set', 'key');
      const value = args[1];
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new BridgeError('TypeError', `env.set() value must be a string, number or boolean`);
      }
      require('write', key, 'set');
      vars.set(key, String(value));
      return null;
    },
    'env.delete': (args) => {
      const key = str(args, 0, 'delete', 'key');
      require('write', key, 'delete');
      return vars.delete(key);
    },
    'env.all': () => {
      env.gate.require({ resource: 'env', operation: 'read', target: '*' }, { functionName: 'env.all' });
      const out: Record<string, string> = {};
      for (const [k, v] of vars) out[k] = v;
      return out;
    },
  };
}
