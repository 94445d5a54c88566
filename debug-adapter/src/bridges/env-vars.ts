// Host side of the `env` module: a sandbox-local copy of the environment the caller chose to
// expose. env:read / env:write are checked per variable; writes change only this run's copy,
// never the host's process.env.
import { str } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import { asFloat } from './file.js';
import { BridgeError, type SyncBridge } from './types.js';

/** Python's float() of a string (inf, nan, exponents, surrounding spaces), or null when invalid. */
export function pythonFloat(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  const sign = t.startsWith('-') ? -1 : 1;
  if (/^[+-]?(inf|infinity)$/i.test(t)) return sign * Infinity;
  if (/^[+-]?nan$/i.test(t)) return NaN;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : null;
}

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
      if (v === undefined)
        throw new BridgeError('KeyError', `required environment variable '${String(args[0])}' is not set`);
      return v;
    },
    'env.has': (args) => read('has', args) !== undefined,
    /** get_int(key, default=0): the value as an int; the default when unset or not an integer. */
    'env.get_int': (args) => {
      const v = read('get_int', args)?.trim();
      return v !== undefined && /^[+-]?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : (args[1] ?? 0);
    },
    /** get_bool(key, default=False): true for 1/true/yes/on, false for 0/false/no/off (any case). */
    'env.get_bool': (args) => {
      const v = read('get_bool', args)?.trim().toLowerCase();
      if (v !== undefined && ['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (v !== undefined && ['0', 'false', 'no', 'off', ''].includes(v)) return false;
      return args[1] ?? false;
    },
    /** get_float(key, default=0.0): the value as a float; the default when unset or not a number. */
    'env.get_float': (args) => {
      const n = pythonFloat(read('get_float', args));
      return asFloat(n ?? (typeof args[1] === 'number' ? args[1] : 0));
    },
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
