// Wraps the runtime host the sandbox builds inside the isolate, for debug runs: every operation
// that may check a capability first tells the host the ML call site (for the audit log), and a
// refusal stops the program on the calling statement when "Capability denied" is on.
import type { Channel, DebugAgent } from './agent.js';

type Fn = (...args: unknown[]) => unknown;

/** Operations that check capabilities on the host (all audited there). */
const CHECKED = ['checkCapability', 'bridge', 'call', 'callAsync', 'readLine'];

function capabilityError(e: unknown): { message: string } | null {
  const err = e as { kind?: unknown; message?: unknown } | null;
  if (err === null || typeof err !== 'object' || err.kind !== 'CapabilityError') return null;
  return { message: typeof err.message === 'string' ? err.message : 'capability not granted' };
}

export function wrapHost(base: Record<string, unknown>, agent: DebugAgent, channel: Channel): object {
  const site = (): void => {
    const s = agent.site();
    if (s === null) return;
    try {
      channel.call('debug.site', s);
    } catch {
      // A host without call-site support still audits the check, only without the location.
    }
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) {
    const value = base[key];
    if (typeof value !== 'function' || !CHECKED.includes(key)) {
      out[key] = value;
      continue;
    }
    const f = value as Fn;
    if (key === 'checkCapability') {
      out[key] = (capability: string): boolean => {
        site();
        const ok = f(capability) === true;
        if (!ok) agent.denied(`capability '${capability}' is not granted to this run`, capability, null);
        return ok;
      };
    } else if (key === 'bridge') {
      out[key] = (...args: unknown[]): unknown => {
        site();
        const r = f(...args) as { ok?: unknown; kind?: unknown; message?: unknown } | null;
        if (r !== null && typeof r === 'object' && r.ok === false) {
          const denied = capabilityError(r);
          if (denied) agent.denied(denied.message, undefined, null);
        }
        return r;
      };
    } else {
      out[key] = (...args: unknown[]): unknown => {
        site();
        try {
          return f(...args);
        } catch (e) {
          const denied = capabilityError(e);
          if (denied) agent.denied(denied.message, undefined, e as object);
          throw e;
        }
      };
    }
  }
  for (const key of Object.keys(out)) if (typeof out[key] === 'function') Object.freeze(out[key]);
  return Object.freeze(out);
}
