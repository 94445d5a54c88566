// `--audit-only` support: the minimal list of grant strings that would have let a program's refused
// requests through, built from audit events. Targets are escaped so they match literally.
import type { AuditEvent } from './audit.js';
import { DEFAULT_PORTS } from './url.js';
import { resourceInfo } from './resources.js';

/** Escapes glob metacharacters (and the alternative separator) so a target matches only itself. */
export function escapeGlobLiteral(text: string): string {
  return text.replace(/[*?[{},]/g, (ch) => `[${ch}]`);
}

function pathTarget(target: string, root: string | undefined): string {
  if (root !== undefined && root !== '/') {
    if (target === root) return '.';
    if (target.startsWith(root + '/')) return escapeGlobLiteral(target.slice(root.length + 1));
  }
  return escapeGlobLiteral(target);
}

function urlTarget(target: string): string {
  const m = /^(https?):\/\/([^/]+?)(?::(\d+))?(\/.*)$/.exec(target);
  if (m === null) return escapeGlobLiteral(target);
  const [, scheme, host, port, path] = m as unknown as [string, string, string, string | undefined, string];
  const shownPort = port === undefined || Number(port) === DEFAULT_PORTS[scheme] ? '' : `:${port}`;
  return `${scheme}://${host}${shownPort}${escapeGlobLiteral(path)}`;
}

/**
 * Grant strings covering every DENIED event (each target literally), deduplicated and sorted.
 * With `root`, paths under it are written relative to it (as a profile in mlpy.yaml would).
 */
export function minimalGrantList(
  events: Iterable<Pick<AuditEvent, 'capability' | 'resource' | 'operation' | 'result'>>,
  options: { root?: string } = {},
): string[] {
  const grants = new Set<string>();
  for (const e of events) {
    if (e.result !== 'DENIED') continue;
    const prefix = `${e.resource}:${e.operation}`;
    const info = resourceInfo(e.resource);
    if (info === undefined) continue;
    if (!e.capability.startsWith(prefix + ':') || info.target === 'none') {
      grants.add(prefix);
      continue;
    }
    const target = e.capability.slice(prefix.length + 1);
    if (info.target === 'path') grants.add(`${prefix}:${pathTarget(target, options.root)}`);
    else if (info.target === 'url') grants.add(`${prefix}:${urlTarget(target)}`);
    else grants.add(`${prefix}:${target}`);
  }
  return [...grants].sort();
}
