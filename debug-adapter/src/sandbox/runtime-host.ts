// The ML runtime's RuntimeHost (grammar/src/runtime/host.ts) built INSIDE the isolate on top of the
// host facade: output, stdin, capability checks and the clock cross to the host; random numbers come
// from a generator seeded once by the host. Serialised with toString: references nothing outside.
import type { HostFacade } from './isolate-prelude.js';

/** Run facts baked into the program wrapper as JSON (plain data, no authority). */
export interface RuntimeHostInfo {
  cwd: string;
  argv: string[];
}

/** Builds the frozen host object `__mlsecRuntime.createRuntime` receives. */
export function makeRuntimeHost(facade: HostFacade, info: RuntimeHostInfo): object {
  'use strict';
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  // sfc32, seeded through splitmix32 from the host's per-run seed (fixed seeds reproduce runs).
  let state: number[] | null = null;
  const seedState = (): number[] => {
    let s = Number(facade.call('random.seed', [])) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    return [next(), next(), next(), next()];
  };
  const random = (): number => {
    const st = (state ??= seedState());
    let [a, b, c, d] = st as [number, number, number, number];
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    st[0] = a;
    st[1] = b;
    st[2] = c;
    st[3] = d;
    return t / 4294967296;
  };
  // The ML call site a capability check is for, as the facade passes it to the host.
  const where = (site: { file: unknown; line: unknown; column: unknown } | undefined): unknown =>
    site ? [String(site.file), Number(site.line), Number(site.column)] : null;
  const cwd = String(info.cwd);
  const argv = strings(info.argv);
  const host = {
    write(stream: string, text: string): void {
      facade.write(stream === 'stderr' ? 2 : 1, String(text));
    },
    readLine(): string | null {
      const v = facade.callAsync('stdin.readLine', []);
      return typeof v === 'string' ? v : null;
    },
    checkCapability(
      capability: string,
      site?: { file: string; line: number; column: number; functionName?: string },
    ): boolean {
      const fn = site && typeof site.functionName === 'string' ? site.functionName : '';
      return facade.call('cap.check', [String(capability), fn], where(site)) === true;
    },
    queryCapability(capability: string): boolean {
      return facade.call('cap.query', [String(capability)]) === true;
    },
    listCapabilities(): string[] {
      return strings(facade.call('cap.list', []));
    },
    random,
    now(): number {
      return Number(facade.call('clock.now', []));
    },
    cwd: (): string => cwd,
    argv: (): string[] => argv.slice(),
    /**
     * Host-implemented stdlib function `module.fn` (file, path, http, env, csv, ...): the host checks
     * its capabilities with the actual arguments and acts. ML errors come back as data; errors that
     * end the run (limits) are rethrown for the runtime to pass through.
     */
    bridge(
      module: string,
      fn: string,
      args: unknown[],
      site?: { file: string; line: number; column: number },
    ): unknown {
      const op = `${module}.${fn}`;
      const at = where(site);
      try {
        return { ok: true, value: module === 'http' ? facade.callAsync(op, args, at) : facade.call(op, args, at) };
      } catch (e) {
        const kind = (e as { kind?: unknown } | null)?.kind;
        if (typeof kind !== 'string' || kind.startsWith('Sandbox')) throw e;
        return { ok: false, kind, message: String((e as { message?: unknown }).message) };
      }
    },
    /** Any host operation by name (debug-mode hooks use `debug.*` here); blocks until answered. */
    callAsync: (op: string, args: unknown[]): unknown => facade.callAsync(op, args),
  };
  for (const k of Object.keys(host)) Object.freeze((host as Record<string, unknown>)[k]);
  return Object.freeze(host);
}
