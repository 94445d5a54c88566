// Host side of the `path` module's functions with authority: stat queries (file:stat), listing
// (path:read: listDir, glob, walk), directory changes (path:write) and host information
// (system:info). Listings never follow symbolic links, so nothing outside the checked tree shows.
import { lstatSync, mkdirSync, readdirSync, rmSync, rmdirSync, type Dirent } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { optBool, optNum, optStr, str } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import { checkedPath } from './file.js';
import { fsError } from './safe-fs.js';
import { BridgeError, type SyncBridge } from './types.js';
import { compileGlobSegments, globBase, type SegmentMatcher } from './glob-walk.js';

/** Entries one listing may return (a bigger tree is an error, not a truncated answer). */
export const MAX_LISTING = 100_000;

function checkedDir(env: BridgeEnv, op: 'read' | 'write', dir: string, fn: string): string {
  const real = env.gate.require({ resource: 'path', operation: op, target: dir }, { functionName: fn });
  if (real === null) throw new BridgeError('CapabilityError', `no path target for ${fn}`);
  return real;
}

function readDir(real: string, shown: string): Dirent[] {
  try {
    return readdirSync(real, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    throw fsError(e, shown);
  }
}

function joinShown(base: string, name: string): string {
  if (base === '' || base === '.') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}

class Budget {
  private left = MAX_LISTING;
  take(shown: string): void {
    if (--this.left < 0)
      throw new BridgeError('ValueError', `listing '${shown}' returns more than ${MAX_LISTING} entries`);
  }
}

export function pathBridges(env: BridgeEnv): Record<string, SyncBridge> {
  const stat = (fn: string, args: unknown[]) => {
    const path = str(args, 0, fn, 'path');
    const real = checkedPath(env, 'stat', path, `path.${fn}`);
    try {
      return lstatSync(real);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw fsError(e, path);
    }
  };

  /** Every path below a directory (directories first, then their contents), not following links. */
  const walk = (real: string, shown: string, maxDepth: number, budget: Budget): string[] => {
    const out: string[] = [];
    // `depth` of an entry: 1 for the directory's own entries; max_depth < 0 means no limit.
    const visit = (r: string, s: string, depth: number): void => {
      if (maxDepth >= 0 && depth > maxDepth) return;
      for (const d of readDir(r, s)) {
        budget.take(shown);
        const child = joinShown(s, d.name);
        out.push(child);
        if (d.isDirectory()) visit(`${r}/${d.name}`, child, depth + 1);
      }
    };
    visit(real, shown, 1);
    return out;
  };

  const glob = (pattern: string): string[] => {
    const { base, rest } = globBase(pattern);
    const real = checkedDir(env, 'read', base === '' ? '.' : base, 'path.glob');
    const segments = compileGlobSegments(rest);
    const budget = new Budget();
    const results: string[] = [];
    const match = (r: string, s: string, i: number): void => {
      if (i === segments.length) {
        results.push(s);
        return;
      }
      const seg: SegmentMatcher = segments[i]!;
      if (seg === '**') {
        match(r, s, i + 1);
        for (const d of readDir(r, s)) {
          budget.take(pattern);
          if (d.isDirectory() && !d.name.startsWith('.')) match(`${r}/${d.name}`, joinShown(s, d.name), i);
        }
        return;
      }
      for (const d of readDir(r, s)) {
        budget.take(pattern);
        if (!seg.test(d.name)) continue;
        if (i + 1 === segments.length) results.push(joinShown(s, d.name));
        else if (d.isDirectory()) match(`${r}/${d.name}`, joinShown(s, d.name), i + 1);
      }
    };
    match(real, base, 0);
    return [...new Set(results)].sort();
  };

  return {
    'path.exists': (args) => stat('exists', args) !== null,
    'path.isFile': (args) => stat('isFile', args)?.isFile() ?? false,
    'path.isDirectory': (args) => stat('isDirectory', args)?.isDirectory() ?? false,
    'path.listDir': (args) => {
      const dir = optStr(args, 0, 'listDir', 'dir_path', '.');
      const real = checkedDir(env, 'read', dir, 'path.listDir');
      const budget = new Budget();
      return readDir(real, dir).map((d) => {
        budget.take(dir);
        return d.name;
      });
    },
    'path.glob': (args) => glob(str(args, 0, 'glob', 'pattern')),
    'path.walk': (args) => {
      const dir = str(args, 0, 'walk', 'dir_path');
      const maxDepth = Math.trunc(optNum(args, 1, 'walk', 'max_depth', -1));
      return walk(checkedDir(env, 'read', dir, 'path.walk'), dir, maxDepth, new Budget());
    },
    'path.createDir': (args) => {
      const dir = str(args, 0, 'createDir', 'dir_path');
      const parents = optBool(args, 1, 'createDir', 'parents', true);
      const real = checkedDir(env, 'write', dir, 'path.createDir');
      try {
        mkdirSync(real, { recursive: parents });
      } catch (e) {
        throw fsError(e, dir);
      }
      return true;
    },
    'path.removeDir': (args) => {
      const dir = str(args, 0, 'removeDir', 'dir_path');
      const real = checkedDir(env, 'write', dir, 'path.removeDir');
      try {
        rmdirSync(real);
      } catch (e) {
        throw fsError(e, dir);
      }
      return true;
    },
    'path.removeDirRecursive': (args) => {
      const dir = str(args, 0, 'removeDirRecursive', 'dir_path');
      const real = checkedDir(env, 'write', dir, 'path.removeDirRecursive');
      if (real === env.rootDir || real === '/') {
        throw new BridgeError('PermissionError', `refusing to remove the run's root directory: '${dir}'`);
      }
      try {
        if (!lstatSync(real).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
        // rmSync removes symbolic links themselves, never what they point to.
        rmSync(real, { recursive: true });
      } catch (e) {
        throw fsError(e, dir);
      }
      return true;
    },
    'path.cwd': () => env.rootDir,
    'path.home': () => {
      env.gate.require({ resource: 'system', operation: 'info' }, { functionName: 'path.home' });
      return homedir();
    },
    'path.tempDir': () => {
      env.gate.require({ resource: 'system', operation: 'info' }, { functionName: 'path.tempDir' });
      return tmpdir();
    },
  };
}
