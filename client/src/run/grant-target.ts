// Turns a denied capability (canonical, absolute target) into the grant a user would write: file
// targets inside the workspace become relative to it, as mlpy.yaml and launch configurations expect.
// Pure string/path logic.
import path from 'node:path';

/** `file:read:/ws/data/x.csv` with root `/ws` → `file:read:data/x.csv`; other capabilities unchanged. */
export function grantFor(capability: string, root: string | null): string {
  const first = capability.indexOf(':');
  const second = first < 0 ? -1 : capability.indexOf(':', first + 1);
  if (root === null || second < 0 || capability.slice(0, first) !== 'file') return capability;
  const target = capability.slice(second + 1);
  if (!path.isAbsolute(target)) return capability;
  const relative = path.relative(root, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return capability;
  return `${capability.slice(0, second + 1)}${relative.split(path.sep).join('/')}`;
}
