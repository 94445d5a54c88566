// File targets: lexical canonicalisation, glob matching (with step bounds), realpath through
// injected facts, protected trees.
import { describe, expect, it } from 'vitest';
import {
  CapabilityContext,
  cachedFileSystemFacts,
  canonicalizePath,
  compileGlob,
  matchGlob,
  resolveRealPath,
  type FileSystemFacts,
} from '@mlsec/grammar';

const ROOT = '/proj';

describe('canonicalizePath', () => {
  it.each([
    ['data/x.csv', '/proj/data/x.csv'],
    ['./data//x.csv/', '/proj/data/x.csv'],
    ['a/b/../c', '/proj/a/c'],
    ['a/./c', '/proj/a/c'],
    ['../../../../etc/passwd', '/etc/passwd'],
    ['/', '/'],
    ['/a/b/..', '/a'],
    ['.', '/proj'],
    ['file:///etc/hosts', '/etc/hosts'],
    ['file://localhost/srv/x', '/srv/x'],
    ['file:/srv/a%20b', '/srv/a b'],
    ['data/%2e%2e/%2e%2e/etc', '/etc'],
    ['data%2F..%2F..%2Fetc', '/etc'],
    ['data/%252e%252e/x', '/proj/data/%2e%2e/x'],
    ['100%.txt', '/proj/100%.txt'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizePath(input, ROOT)).toEqual({ ok: true, path: expected });
  });

  it.each([['a\0b'], [''], ['file://evil.host/x'], ['a/%00/b'], ['%C3%28']])('rejects %j', (input) => {
    const r = canonicalizePath(input, ROOT);
    expect(r.ok).toBe(false);
  });
});

describe('compileGlob / matchGlob', () => {
  const table: [pattern: string, path: string, matches: boolean][] = [
    ['/data/**', '/data', true],
    ['/data/**', '/data/a/b/c', true],
    ['/data/**', '/database', false],
    ['/data/*', '/data/a', true],
    ['/data/*', '/data/a/b', false],
    ['/data/*.csv', '/data/x.csv', true],
    ['/data/*.csv', '/data/sub/x.csv', false],
    ['/data/**/*.csv', '/data/x.csv', true],
    ['/data/**/*.csv', '/data/a/b/x.csv', true],
    ['/data/**/*.csv', '/data/a/b/x.txt', false],
    ['/a/?.txt', '/a/b.txt', true],
    ['/a/?.txt', '/a/bb.txt', false],
    ['/a/[0-9]x', '/a/5x', true],
    ['/a/[0-9]x', '/a/ax', false],
    ['/a/[!0-9]x', '/a/ax', true],
    ['/a/[]]', '/a/]', true],
    ['/a/*b*c*', '/a/xxbyyczz', true],
    ['/a/*b*c*', '/a/xxcyybzz', false],
    ['/a/ü?', '/a/üß', true],
    ['/**', '/', true],
    ['/**/x/**', '/a/b/x', true],
    ['/x', '/x', true],
    ['/x', '/x/y', false],
  ];
  it.each(table)('%s vs %s → %s', (pattern, path, expected) => {
    const g = compileGlob(pattern);
    expect(g.ok).toBe(true);
    if (g.ok) expect(matchGlob(g.glob, path)).toBe(expected);
  });

  it('stays linear on 8 `**` against a 4,000-segment path', () => {
    const pattern = '/' + Array.from({ length: 8 }, (_, i) => `**/a${i}*z`).join('/');
    const g = compileGlob(pattern);
    if (!g.ok) throw new Error(g.message);
    const path =
      '/' + Array.from({ length: 4000 }, () => 'a0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaay').join('/');
    const counter = { steps: 0 };
    expect(matchGlob(g.glob, path, counter)).toBe(false);
    // At most (segments × pattern states) path steps plus per-segment character steps.
    const bound = 4000 * (g.glob.segments.length + 1) * 60;
    expect(counter.steps).toBeLessThan(bound);
    expect(counter.steps).toBeGreaterThan(4000);
  });
});

/** A small in-memory file system: `links` maps a path to its symlink target. */
function facts(existing: string[], links: Record<string, string> = {}, dangling: string[] = []): FileSystemFacts {
  const exists = new Set(['/', ...existing]);
  const resolve = (p: string): string | null => {
    const parts = p.split('/').filter(Boolean);
    let cur = '';
    for (const [i, part] of parts.entries()) {
      cur = `${cur}/${part}`;
      const link = links[cur];
      if (link !== undefined) return resolve(link + (i + 1 < parts.length ? '/' + parts.slice(i + 1).join('/') : ''));
      if (!exists.has(cur)) return null;
    }
    return cur === '' ? '/' : cur;
  };
  return { realpath: resolve, lstatKind: (p) => (dangling.includes(p) ? 'symlink' : exists.has(p) ? 'file' : null) };
}

describe('resolveRealPath', () => {
  const fs = facts(['/proj', '/proj/data', '/mnt', '/mnt/real', '/mnt/real/x'], { '/proj/link': '/mnt/real' }, [
    '/proj/dangling',
  ]);
  it.each([
    ['/proj/data', '/proj/data'],
    ['/proj/data/new/file.txt', '/proj/data/new/file.txt'],
    ['/proj/link/x', '/mnt/real/x'],
    ['/proj/link/not-yet', '/mnt/real/not-yet'],
  ])('%s → %s', (input, expected) => {
    expect(resolveRealPath(fs, input)).toEqual({ ok: true, path: expected });
  });
  it('refuses a path through a dangling symlink', () => {
    expect(resolveRealPath(fs, '/proj/dangling').ok).toBe(false);
  });
  it('fails closed when the facts throw', () => {
    const throwing: FileSystemFacts = {
      realpath: () => {
        throw new Error('EACCES');
      },
    };
    expect(resolveRealPath(throwing, '/x').ok).toBe(false);
  });
  it('caches facts for the TTL only', () => {
    let calls = 0;
    let now = 0;
    const cached = cachedFileSystemFacts(
      {
        realpath: (p) => {
          calls++;
          return p;
        },
      },
      { now: () => now },
      100,
    );
    cached.realpath('/a');
    cached.realpath('/a');
    expect(calls).toBe(1);
    now = 150;
    cached.realpath('/a');
    expect(calls).toBe(2);
  });
});

describe('symlinks and protected trees in checks', () => {
  const fs = facts(
    [
      '/proj',
      '/proj/data',
      '/proj/data/ok.txt',
      '/etc',
      '/etc/passwd',
      '/mnt',
      '/mnt/data',
      '/proc',
      '/proc/self',
      '/dev',
      '/dev/null',
    ],
    {
      '/proj/data/escape': '/etc',
      '/proj/shared': '/mnt/data',
      '/proj/data/proc': '/proc/self',
    },
  );
  const make = (grants: string[]): CapabilityContext => {
    const ctx = CapabilityContext.create({ root: ROOT, fs }).context!;
    for (const g of grants) expect(ctx.grant(g).ok).toBe(true);
    return ctx;
  };
  const read = (ctx: CapabilityContext, target: string): string =>
    ctx.check({ resource: 'file', operation: 'read', target }).decision;

  it('a symlink out of the granted folder is denied', () => {
    const ctx = make(['file:read:data/**']);
    expect(read(ctx, 'data/ok.txt')).toBe('GRANTED');
    expect(read(ctx, 'data/escape/passwd')).toBe('DENIED');
    expect(read(ctx, 'data/proc/environ')).toBe('DENIED');
  });
  it('a grant through a symlinked folder follows its real location', () => {
    const ctx = make(['file:read:shared/**']);
    expect(ctx.check({ resource: 'file', operation: 'read', target: 'shared/a.csv' })).toMatchObject({
      decision: 'GRANTED',
      target: '/mnt/data/a.csv',
    });
    expect(read(ctx, '/mnt/data/a.csv')).toBe('GRANTED');
  });
  it('/proc, /sys and /dev need a literal grant; /dev/null does not', () => {
    const everything = make(['file:*:/**', '*:*:**']);
    expect(read(everything, '/proc/self/environ')).toBe('DENIED');
    expect(read(everything, '/sys/kernel')).toBe('DENIED');
    expect(read(everything, '/dev/sda')).toBe('DENIED');
    expect(read(everything, '/dev/null')).toBe('GRANTED');
    expect(read(everything, '/etc/passwd')).toBe('GRANTED');
    expect(read(make(['file:read:/proc/cpuinfo']), '/proc/cpuinfo')).toBe('GRANTED');
    expect(read(make(['file:read:/proc/**']), '/proc/self/status')).toBe('GRANTED');
    expect(read(make(['file:read:/pr*/**']), '/proc/self/status')).toBe('DENIED');
  });
  it('extra protected roots (sandbox internals) behave like /proc', () => {
    const ctx = CapabilityContext.create({ root: ROOT, fs, protectedRoots: ['/opt/mlsec'] }).context!;
    ctx.grant('file:read:/**');
    expect(read(ctx, '/opt/mlsec/runtime.js')).toBe('DENIED');
    expect(read(ctx, '/opt/other')).toBe('GRANTED');
  });
});

describe('realpath TTL of repeated requests', () => {
  it('re-resolves a path once the TTL has passed (and at once with TTL 0)', () => {
    let now = 0;
    let target = '/proj/data/real';
    const fs: FileSystemFacts = {
      realpath: (p) => (p.startsWith('/proj/data/link') ? p.replace('/proj/data/link', target) : p),
    };
    const ttl = CapabilityContext.create({ root: ROOT, fs, clock: { now: () => now }, realpathTtlMs: 100 }).context!;
    const none = CapabilityContext.create({ root: ROOT, fs, clock: { now: () => now }, realpathTtlMs: 0 }).context!;
    for (const ctx of [ttl, none]) ctx.grant('file:read:data/**');
    const read = (ctx: CapabilityContext) =>
      ctx.check({ resource: 'file', operation: 'read', target: 'data/link/x' }).decision;
    expect(read(ttl)).toBe('GRANTED');
    expect(read(none)).toBe('GRANTED');
    target = '/etc';
    expect(read(none)).toBe('DENIED');
    expect(read(ttl)).toBe('GRANTED');
    now = 100;
    expect(read(ttl)).toBe('DENIED');
  });
});
