// The pure part of the `path` module: POSIX path strings as Python's posixpath handles them (join,
// dirname, basename, splitext, normpath, relpath). Never touches a file system; the working
// directory, when offered, comes from the host through the context.
import type { Value } from '../values.js';
import { raise } from '../ops.js';
import type { MLModule, ModuleContext } from './types.js';
import { ModuleBuilder, pyTypeName } from './util.js';

function pathArg(v: Value | undefined): string {
  if (typeof v === 'string') return v;
  return raise('TypeError', `expected str, bytes or os.PathLike object, not ${pyTypeName(v ?? null)}`);
}

const allSlashes = (s: string) => /^\/+$/.test(s);

export function joinPath(first: string, rest: readonly string[]): string {
  let path = first;
  for (const b of rest) {
    if (b.startsWith('/')) path = b;
    else if (path === '' || path.endsWith('/')) path += b;
    else path += '/' + b;
  }
  return path;
}

/** posixpath.split: [head, tail], with trailing slashes stripped from a head that is not all slashes. */
export function splitPath(p: string): [string, string] {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  if (head !== '' && !allSlashes(head)) head = head.replace(/\/+$/, '');
  return [head, p.slice(i)];
}

/** posixpath.splitext's extension: the last dot of the last component, unless the name only has leading dots. */
export function extension(p: string): string {
  const sep = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  if (dot > sep) {
    for (let i = sep + 1; i < dot; i++) if (p[i] !== '.') return p.slice(dot);
  }
  return '';
}

export function normalizePath(path: string): string {
  if (path === '') return '.';
  let initial = path.startsWith('/') ? 1 : 0;
  if (path.startsWith('//') && !path.startsWith('///')) initial = 2;
  const comps: string[] = [];
  for (const comp of path.split('/')) {
    if (comp === '' || comp === '.') continue;
    if (comp !== '..' || (initial === 0 && comps.length === 0) || comps.at(-1) === '..') comps.push(comp);
    else if (comps.length > 0) comps.pop();
  }
  const joined = '/'.repeat(initial) + comps.join('/');
  return joined === '' ? '.' : joined;
}

export function absolutePath(p: string, cwd: string): string {
  return normalizePath(p.startsWith('/') ? p : joinPath(cwd, [p]));
}

/** posixpath.relpath(target, start), resolving relative paths against `cwd`. */
export function relativePath(target: string, start: string, cwd: string): string {
  if (target === '') raise('ValueError', 'no path specified');
  const parts = (p: string) =>
    absolutePath(p, cwd)
      .split('/')
      .filter((x) => x !== '');
  const from = parts(start);
  const to = parts(target);
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  const rel = [...Array<string>(from.length - i).fill('..'), ...to.slice(i)];
  return rel.length === 0 ? '.' : joinPath(rel[0]!, rel.slice(1));
}

export function createPathModule(ctx: ModuleContext): MLModule {
  const cwd = () => (ctx.cwd ? ctx.cwd() : '/');
  const b = new ModuleBuilder('path')
    .fn('join', 1, Infinity, (first, ...rest) => joinPath(pathArg(first), rest.map(pathArg)))
    .fn('dirname', 1, 1, (p) => splitPath(pathArg(p))[0])
    .fn('basename', 1, 1, (p) => splitPath(pathArg(p))[1])
    .fn('extname', 1, 1, (p) => extension(pathArg(p)))
    .fn('split', 1, 1, (p) => splitPath(pathArg(p)))
    .fn('normalize', 1, 1, (p) => normalizePath(pathArg(p)))
    .fn('relative', 2, 2, (from, to) => relativePath(pathArg(to), pathArg(from), cwd()))
    .fn('isAbsolute', 1, 1, (p) => pathArg(p).startsWith('/'))
    .fn('separator', 0, 0, () => '/')
    .fn('delimiter', 0, 0, () => ':');
  if (ctx.cwd) {
    const hostCwd = ctx.cwd.bind(ctx);
    b.fn('cwd', 0, 0, () => hostCwd()).fn('absolute', 1, 1, (p) => absolutePath(pathArg(p), hostCwd()));
  }
  return b.build();
}
