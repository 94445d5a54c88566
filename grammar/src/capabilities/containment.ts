// Conservative containment between capabilities: does every request a child grant could allow
// also fall under a parent grant? Used for nested contexts and for `capability` declarations.
// Sound but incomplete: it may answer "not contained" for exotic glob pairs, never the reverse.
import type { CompiledCapability, TargetMatcher } from './compile.js';
import { GLOBSTAR, type CompiledGlob, type GlobSegment } from './glob.js';
import type { HostPortMatcher, NameMatcher } from './target-name.js';
import type { PathMatcher } from './target-path.js';
import type { UrlMatcher } from './target-url.js';

function segmentCovers(p: GlobSegment, c: GlobSegment): boolean {
  if (p === GLOBSTAR || c === GLOBSTAR) return p === c;
  if (p.matchesAll) return true;
  if (c.literal) return p.matches(c.source);
  return p.source === c.source;
}

/** Whether every path matched by `child` is matched by `parent` (DP over segment positions). */
export function globContains(parent: CompiledGlob, child: CompiledGlob): boolean {
  const P = parent.segments;
  const Cs = child.segments;
  const memo = new Map<number, boolean>();
  const covers = (i: number, j: number): boolean => {
    const key = i * (Cs.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === P.length) result = j === Cs.length;
    else if (P[i] === GLOBSTAR) result = covers(i + 1, j) || (j < Cs.length && covers(i, j + 1));
    else if (j === Cs.length) result = false;
    else result = segmentCovers(P[i]!, Cs[j]!) && covers(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return covers(0, 0);
}

function pathContains(p: PathMatcher, c: PathMatcher): boolean {
  if (c.namesProtected !== null && c.namesProtected !== p.namesProtected) return false;
  return globContains(p.real, c.real);
}

function hostContains(
  p: { host: { host: string }; wildcard: boolean },
  c: { host: { host: string; kind: string }; wildcard: boolean },
): boolean {
  if (!p.wildcard) return !c.wildcard && p.host.host === c.host.host;
  if (c.wildcard) return c.host.host === p.host.host;
  if (c.host.kind !== 'name') return false;
  const suffix = '.' + p.host.host;
  const label = c.host.host.endsWith(suffix) ? c.host.host.slice(0, -suffix.length) : '';
  return label !== '' && !label.includes('.');
}

function urlContains(p: UrlMatcher, c: UrlMatcher): boolean {
  if (p.any) return true;
  if (c.any) return false;
  return p.scheme === c.scheme && p.port === c.port && hostContains(p, c) && globContains(p.path, c.path);
}

function nameContains(p: NameMatcher, c: NameMatcher): boolean {
  switch (p.mode) {
    case 'any':
      return true;
    case 'exact':
      return c.mode === 'exact' && c.value === p.value;
    case 'prefix':
      return (c.mode === 'exact' || c.mode === 'prefix') && c.value.startsWith(p.value);
    case 'suffix':
      return (c.mode === 'exact' || c.mode === 'suffix') && c.value.endsWith(p.value);
  }
}

function hostPortContains(p: HostPortMatcher, c: HostPortMatcher): boolean {
  if (p.any) return true;
  if (c.any) return false;
  if (p.port !== null && p.port !== c.port) return false;
  return hostContains(p, c);
}

export function targetContains(p: TargetMatcher, c: TargetMatcher): boolean {
  if (p.kind === 'path' && c.kind === 'path') return pathContains(p, c);
  if (p.kind === 'url' && c.kind === 'url') return urlContains(p, c);
  if (p.kind === 'name' && c.kind === 'name') return nameContains(p, c);
  if (p.kind === 'hostport' && c.kind === 'hostport') return hostPortContains(p, c);
  return false;
}

/** Whether `parent` (a grant) covers everything `child` (a grant) could allow. */
export function capabilityContains(parent: CompiledCapability, child: CompiledCapability): boolean {
  if (parent.resource !== '*' && parent.resource !== child.resource) return false;
  if (parent.operation !== '*' && parent.operation !== child.operation) return false;
  if (parent.anyTarget) {
    // `*:*:**` never opens protected trees or private addresses: neither may the child.
    return child.targets === null
      ? !child.anyTarget || parent.resource === '*'
      : child.targets.every((t) => !literalOnlyTarget(t));
  }
  if (child.anyTarget) return false;
  if (child.targets === null) return parent.targets === null;
  if (parent.targets === null) return false;
  return child.targets.every((c) => parent.targets!.some((p) => targetContains(p, c)));
}

/** Targets a wildcard grant cannot cover because they name protected trees or private hosts. */
function literalOnlyTarget(t: TargetMatcher): boolean {
  if (t.kind === 'path') return t.namesProtected !== null;
  if (t.kind === 'url' || t.kind === 'hostport')
    return (
      !t.any &&
      !t.wildcard &&
      (t.host.kind !== 'name' || t.host.host === 'localhost' || t.host.host.endsWith('.localhost'))
    );
  return false;
}

/** A rough "might these overlap" test for denials: true unless provably disjoint. */
export function mayOverlap(denial: CompiledCapability, cap: CompiledCapability): boolean {
  if (denial.resource !== '*' && cap.resource !== '*' && denial.resource !== cap.resource) return false;
  if (denial.operation !== '*' && cap.operation !== '*' && denial.operation !== cap.operation) return false;
  if (denial.anyTarget || cap.anyTarget || denial.targets === null || cap.targets === null) return true;
  return denial.targets.some((d) => cap.targets!.some((c) => !provablyDisjoint(d, c)));
}

function provablyDisjoint(a: TargetMatcher, b: TargetMatcher): boolean {
  if (a.kind !== b.kind) return true;
  if (a.kind === 'path' && b.kind === 'path') {
    const pa = a.real.fixedPrefix;
    const pb = b.real.fixedPrefix;
    const related = pa === pb || pa === '/' || pb === '/' || pa.startsWith(pb + '/') || pb.startsWith(pa + '/');
    if (!related) return true;
    if (a.real.literal && b.real.literal) return a.real.source !== b.real.source;
    return false;
  }
  if (a.kind === 'name' && b.kind === 'name' && a.mode === 'exact' && b.mode === 'exact') return a.value !== b.value;
  return false;
}
