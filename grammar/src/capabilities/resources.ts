// The resources of CAPABILITIES.md §1: target syntax and known operations of each. Data plus tiny
// lookups; must not depend on the stdlib catalogue (a test checks the two agree).

/** How a resource's targets are written and matched. */
export type TargetSyntax = 'path' | 'url' | 'hostport' | 'name' | 'none';

export interface ResourceInfo {
  name: string;
  target: TargetSyntax;
  /** Known operations; null when the resource accepts any operation word (host-API resources). */
  operations: readonly string[] | null;
}

const TABLE: readonly ResourceInfo[] = [
  { name: 'file', target: 'path', operations: ['read', 'write', 'append', 'delete', 'stat'] },
  { name: 'path', target: 'path', operations: ['read', 'write'] },
  { name: 'http', target: 'url', operations: ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'] },
  { name: 'network', target: 'hostport', operations: null },
  { name: 'database', target: 'name', operations: null },
  { name: 'process', target: 'name', operations: null },
  { name: 'system', target: 'none', operations: null },
  { name: 'env', target: 'name', operations: ['read', 'write'] },
  { name: 'console', target: 'none', operations: ['write', 'error', 'read'] },
  { name: 'math', target: 'none', operations: ['compute'] },
  { name: 'regex', target: 'none', operations: ['compile', 'match'] },
  { name: 'json', target: 'none', operations: ['parse', 'serialize'] },
  { name: 'collections', target: 'none', operations: ['read', 'transform'] },
  { name: 'functional', target: 'none', operations: ['compose', 'transform'] },
  { name: 'datetime', target: 'none', operations: ['now', 'create'] },
  { name: 'random', target: 'none', operations: ['generate', 'sample'] },
  { name: 'crypto', target: 'none', operations: ['hash', 'random'] },
  { name: 'log', target: 'none', operations: ['write'] },
  { name: 'args', target: 'none', operations: ['read'] },
];

export const RESOURCES: ReadonlyMap<string, ResourceInfo> = new Map(TABLE.map((r) => [r.name, r]));

/** Resource names in CAPABILITIES.md order (without the `*` wildcard). */
export const RESOURCE_NAMES: readonly string[] = TABLE.map((r) => r.name);

export function resourceInfo(name: string): ResourceInfo | undefined {
  return RESOURCES.get(name);
}

/** Whether requests for this resource carry a target. */
export function takesTarget(resource: string): boolean {
  const info = RESOURCES.get(resource);
  return info !== undefined && info.target !== 'none';
}
