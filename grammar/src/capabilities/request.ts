// Canonicalises a capability request before matching: paths resolved against the root and through
// realpath, URLs and host:port targets normalised, names kept verbatim. Produces the display text
// used in messages/audit (never the URL query, which may hold secrets) and the decision-cache key.
import type { CanonicalRequest, CanonicalTarget, CompileEnvironment } from './compile.js';
import { resourceInfo } from './resources.js';
import { parseHostPortTarget } from './target-name.js';
import { resolvePathTarget } from './target-path.js';
import { parseRequestUrl, portSuffix } from './url.js';

/** What a bridge asks for: `{resource:'file', operation:'read', target:'data/x.csv'}`. */
export interface CapabilityRequest {
  resource: string;
  operation: string;
  /** Raw target as the program supplied it (relative paths allowed); absent for targetless resources. */
  target?: string | null;
  /** For http/network: the address the host name resolved to, when the bridge knows it. */
  resolvedAddress?: string | null;
}

export type RequestResult = { ok: true; request: CanonicalRequest } | { ok: false; display: string; message: string };

function displayOf(resource: string, operation: string, target: string | null): string {
  return target === null ? `${resource}:${operation}` : `${resource}:${operation}:${target}`;
}

function canonicalTarget(
  kind: string,
  raw: string,
  req: CapabilityRequest,
  env: CompileEnvironment,
): { ok: true; target: CanonicalTarget; display: string; key: string } | { ok: false; message: string } {
  switch (kind) {
    case 'path': {
      const r = resolvePathTarget(raw, env);
      if (!r.ok) return r;
      const t = r.target;
      const key = t.lexical === t.real ? t.real : `${t.real}\u0001${t.lexical}`;
      return { ok: true, target: t, display: t.lexical, key };
    }
    case 'url': {
      const r = parseRequestUrl(raw);
      if (!r.ok) return r;
      const resolved = req.resolvedAddress ?? null;
      const u = r.url;
      const display = `${u.scheme}://${u.host.host}${portSuffix(u.scheme, u.port)}${u.path}`;
      return {
        ok: true,
        target: { kind: 'url', url: u, resolvedAddress: resolved },
        display,
        key: `${display}\u0001${resolved ?? ''}`,
      };
    }
    case 'hostport': {
      const r = parseHostPortTarget(raw);
      if (!r.ok) return r;
      const display = `${r.target.host.host}:${r.target.port}`;
      return { ok: true, target: r.target, display, key: display };
    }
    default:
      if (raw === '') return { ok: false, message: 'empty target' };
      return { ok: true, target: { kind: 'name', name: raw }, display: raw, key: raw };
  }
}

export function canonicalizeRequest(req: CapabilityRequest, env: CompileEnvironment): RequestResult {
  const raw = req.target ?? null;
  const info = resourceInfo(req.resource);
  // Never echo a URL query (it may carry credentials) into messages or the audit log.
  const rawDisplay = displayOf(
    req.resource,
    req.operation,
    info?.target === 'url' && raw !== null ? raw.replace(/[?#].*$/s, '') : raw,
  );
  if (info === undefined) return { ok: false, display: rawDisplay, message: `unknown resource \`${req.resource}\`` };
  if (raw === null) {
    const display = displayOf(req.resource, req.operation, null);
    return {
      ok: true,
      request: {
        resource: req.resource,
        operation: req.operation,
        target: null,
        display,
        key: `${req.resource}\u0000${req.operation}`,
      },
    };
  }
  if (info.target === 'none')
    return { ok: false, display: rawDisplay, message: `resource \`${req.resource}\` takes no target` };
  const t = canonicalTarget(info.target, raw, req, env);
  if (!t.ok) return { ok: false, display: rawDisplay, message: t.message };
  return {
    ok: true,
    request: {
      resource: req.resource,
      operation: req.operation,
      target: t.target,
      display: displayOf(req.resource, req.operation, t.display),
      key: `${req.resource}\u0000${req.operation}\u0000${t.key}`,
    },
  };
}
