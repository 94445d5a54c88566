// Host bridges called directly (no isolate): each case grants some capabilities, calls one
// operation with plain-data arguments and expects a value or an ML error, plus the file-system
// state afterwards. Everything outside the run root must be untouched in every case.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../src/bridges/index.js';
import type { SandboxLimits } from '../../src/sandbox/types.js';
import { bridgesFor, makeFixture, subst, type Fixture } from './fixture.js';

interface Case {
  name: string;
  allow: string[];
  deny?: string[];
  limits?: Partial<SandboxLimits>;
  op: string;
  args: unknown[];
  value?: unknown;
  /** Expected value computed from the fixture (hashes, absolute paths). */
  expectFrom?: (f: Fixture) => unknown;
  error?: [string, RegExp];
  /** Files (relative to the fixture's base) and their expected contents; null = must not exist. */
  files?: Record<string, string | null>;
  /** Whether the case may change things outside the root (never, except through granted paths). */
  touchesOutside?: boolean;
}

const READ_DATA = 'file:read:data/**';

const CASES: Case[] = [
  // file: reading
  {
    name: 'read a granted file by relative path',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['data/a.txt'],
    value: 'hello\nworld\n',
  },
  {
    name: 'read by absolute path',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['${root}/data/a.txt'],
    value: 'hello\nworld\n',
  },
  {
    name: 'read by file: URI',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['file://${root}/data/a.txt'],
    value: 'hello\nworld\n',
  },
  {
    name: 'readLines splits lines',
    allow: [READ_DATA],
    op: 'file.readLines',
    args: ['data/a.txt'],
    value: ['hello', 'world'],
  },
  {
    name: 'readBytes returns bytes',
    allow: [READ_DATA],
    op: 'file.readBytes',
    args: ['data/sub/b.csv'],
    value: [...Buffer.from('x,y\n1,2\n')],
  },
  {
    name: 'read latin-1',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['data/a.txt', 'latin-1'],
    value: 'hello\nworld\n',
  },
  {
    name: 'unknown encoding',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['data/a.txt', 'klingon'],
    error: ['LookupError', /unknown encoding: klingon/],
  },
  {
    name: 'read without a grant names the closest grant',
    allow: ['file:read:out/**'],
    op: 'file.read',
    args: ['data/a.txt'],
    error: ['CapabilityError', /`file:read:data\/a\.txt` is not granted \(closest grant: `file:read:out\/\*\*`\)/],
  },
  {
    name: '.. traversal out of the granted folder',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['data/../../outside/secret.txt'],
    error: ['CapabilityError', /not granted/],
  },
  {
    name: 'percent-encoded .. traversal',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['data/%2e%2e/%2e%2e/outside/secret.txt'],
    error: ['CapabilityError', /not granted/],
  },
  {
    name: 'symlinked file pointing out of the grant',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['data/secret-link.txt'],
    error: ['CapabilityError', /not granted/],
  },
  {
    name: 'symlinked folder pointing out of the grant',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['data/link-out/secret.txt'],
    error: ['CapabilityError', /not granted/],
  },
  {
    name: '/proc/self/environ even with file:read:**',
    allow: ['file:read:**'],
    op: 'file.read',
    args: ['/proc/self/environ'],
    error: ['CapabilityError', /proc\/self\/environ/],
  },
  {
    name: '/proc via .. from the root',
    allow: ['file:read:**'],
    op: 'file.read',
    args: ['${root}/../../../../../../proc/self/status'],
    error: ['CapabilityError', /proc/],
  },
  {
    name: 'NUL byte in a path',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['data/a.txt\0.png'],
    error: ['ValueError', /NUL/],
  },
  {
    name: 'missing file',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['data/nope.txt'],
    error: ['FileNotFoundError', /No such file or directory: 'data\/nope\.txt'/],
  },
  {
    name: 'reading a directory',
    allow: [READ_DATA],
    op: 'file.read',
    args: ['data/sub'],
    error: ['IsADirectoryError', /Is a directory/],
  },
  {
    name: 'read over the read limit',
    allow: [READ_DATA],
    limits: { fileReadBytes: 4 },
    op: 'file.read',
    args: ['data/a.txt'],
    error: ['MemoryError', /read limit of 4 bytes/],
  },
  {
    name: 'non-string path',
    allow: [READ_DATA],
    op: 'file.read',
    args: [42],
    error: ['TypeError', /must be a string/],
  },
  {
    name: 'explicit denial wins over a grant',
    allow: ['file:read:**'],
    deny: ['file:read:data/sub/**'],
    op: 'file.read',
    args: ['data/sub/b.csv'],
    error: ['CapabilityError', /denied by `!file:read:data\/sub\/\*\*`/],
  },
  // file: writing
  {
    name: 'write with only a read grant',
    allow: ['file:read:**'],
    op: 'file.write',
    args: ['out/x.txt', 'data'],
    error: ['CapabilityError', /file:write:out\/x\.txt/],
    files: { 'root/out/x.txt': null },
  },
  {
    name: 'write a granted file',
    allow: ['file:write:out/**'],
    op: 'file.write',
    args: ['out/x.txt', 'data'],
    value: 4,
    files: { 'root/out/x.txt': 'data' },
  },
  {
    name: 'write truncates an existing file',
    allow: ['file:write:data/**'],
    op: 'file.write',
    args: ['data/a.txt', 'new'],
    value: 3,
    files: { 'root/data/a.txt': 'new' },
  },
  {
    name: 'write through a dangling symlink out of the grant',
    allow: ['file:write:out/**'],
    op: 'file.write',
    args: ['out/dangling.txt', 'x'],
    error: ['CapabilityError', /dangling|not granted/],
    files: { 'outside/new.txt': null },
  },
  {
    name: 'write through a symlinked file',
    allow: ['file:write:data/**'],
    op: 'file.write',
    args: ['data/secret-link.txt', 'pwned'],
    error: ['CapabilityError', /not granted/],
    files: { 'outside/secret.txt': 'TOP SECRET' },
  },
  {
    name: 'write over the 10 MB cap (here 8 bytes)',
    allow: ['file:write:out/**'],
    limits: { fileWriteBytes: 8 },
    op: 'file.write',
    args: ['out/big.txt', '123456789'],
    error: ['ValueError', /file write limit of 8 bytes/],
    files: { 'root/out/big.txt': null },
  },
  {
    name: 'writeLines',
    allow: ['file:write:out/**'],
    op: 'file.writeLines',
    args: ['out/l.txt', ['a', 'b']],
    value: 4,
    files: { 'root/out/l.txt': 'a\nb\n' },
  },
  {
    name: 'writeBytes from a list of ints',
    allow: ['file:write:out/**'],
    op: 'file.writeBytes',
    args: ['out/b.bin', [104, 105]],
    value: 2,
    files: { 'root/out/b.bin': 'hi' },
  },
  {
    name: 'writeBytes refuses non-bytes',
    allow: ['file:write:out/**'],
    op: 'file.writeBytes',
    args: ['out/b.bin', [300]],
    error: ['TypeError', /bytes/],
  },
  {
    name: 'append needs file:append',
    allow: ['file:write:data/**'],
    op: 'file.append',
    args: ['data/a.txt', '!'],
    error: ['CapabilityError', /file:append/],
  },
  {
    name: 'append',
    allow: ['file:append:data/**'],
    op: 'file.append',
    args: ['data/a.txt', '!'],
    value: 1,
    files: { 'root/data/a.txt': 'hello\nworld\n!' },
  },
  {
    name: 'delete',
    allow: ['file:delete:data/**'],
    op: 'file.delete',
    args: ['data/a.txt'],
    value: true,
    files: { 'root/data/a.txt': null },
  },
  {
    name: 'delete of a symlink removes only the link',
    allow: ['file:delete:data/**'],
    op: 'file.delete',
    args: ['data/secret-link.txt'],
    error: ['CapabilityError', /not granted/],
    files: { 'outside/secret.txt': 'TOP SECRET' },
  },
  {
    name: 'copy needs read on the source and write on the target',
    allow: ['file:read:data/**'],
    op: 'file.copy',
    args: ['data/a.txt', 'out/c.txt'],
    error: ['CapabilityError', /file:write/],
    files: { 'root/out/c.txt': null },
  },
  {
    name: 'copy',
    allow: ['file:read:data/**', 'file:write:out/**'],
    op: 'file.copy',
    args: ['data/a.txt', 'out/c.txt'],
    value: true,
    files: { 'root/out/c.txt': 'hello\nworld\n', 'root/data/a.txt': 'hello\nworld\n' },
  },
  {
    name: 'move needs delete on the source',
    allow: ['file:read:data/**', 'file:write:out/**'],
    op: 'file.move',
    args: ['data/a.txt', 'out/m.txt'],
    error: ['CapabilityError', /file:delete/],
  },
  {
    name: 'move',
    allow: ['file:*:data/**', 'file:write:out/**'],
    op: 'file.move',
    args: ['data/a.txt', 'out/m.txt'],
    value: true,
    files: { 'root/out/m.txt': 'hello\nworld\n', 'root/data/a.txt': null },
  },
  // file: stat
  {
    name: 'exists needs file:stat',
    allow: [READ_DATA],
    op: 'file.exists',
    args: ['data/a.txt'],
    error: ['CapabilityError', /file:stat/],
  },
  { name: 'exists', allow: ['file:stat:**'], op: 'file.exists', args: ['data/a.txt'], value: true },
  { name: 'exists on a missing file', allow: ['file:stat:**'], op: 'file.exists', args: ['data/zzz'], value: false },
  { name: 'size', allow: ['file:stat:**'], op: 'file.size', args: ['data/a.txt'], value: 12 },
  { name: 'isFile / isDirectory', allow: ['file:stat:**'], op: 'file.isDirectory', args: ['data/sub'], value: true },
  {
    name: 'stat of a protected tree',
    allow: ['file:stat:**'],
    op: 'file.exists',
    args: ['/proc/1/cmdline'],
    error: ['CapabilityError', /proc/],
  },
  // path
  {
    name: 'listDir (sorted, symlinks listed by name only)',
    allow: ['path:read:data/**'],
    op: 'path.listDir',
    args: ['data'],
    value: ['.hidden', 'a.txt', 'link-out', 'secret-link.txt', 'sub'],
  },
  {
    name: 'listDir through a symlinked folder',
    allow: ['path:read:data/**'],
    op: 'path.listDir',
    args: ['data/link-out'],
    error: ['CapabilityError', /not granted/],
  },
  {
    name: 'listDir of the root needs a grant',
    allow: ['path:read:data/**'],
    op: 'path.listDir',
    args: [],
    error: ['CapabilityError', /path:read/],
  },
  {
    name: 'glob in one folder',
    allow: ['path:read:data/**'],
    op: 'path.glob',
    args: ['data/*.txt'],
    value: ['data/a.txt', 'data/secret-link.txt'],
  },
  {
    name: 'glob with ** and a class',
    allow: ['path:read:data/**'],
    op: 'path.glob',
    args: ['data/**/[a-c].csv'],
    value: ['data/sub/b.csv'],
  },
  {
    name: 'glob outside the grant',
    allow: ['path:read:data/**'],
    op: 'path.glob',
    args: ['../outside/*'],
    error: ['CapabilityError', /not granted/],
  },
  {
    name: 'glob with a pathological pattern stays fast',
    allow: ['path:read:data/**'],
    op: 'path.glob',
    args: ['data/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b'],
    value: [],
  },
  {
    name: 'walk does not follow symlinks',
    allow: ['path:read:data/**'],
    op: 'path.walk',
    args: ['data'],
    value: ['data/.hidden', 'data/a.txt', 'data/link-out', 'data/secret-link.txt', 'data/sub', 'data/sub/b.csv'],
  },
  {
    name: 'walk with max_depth 1',
    allow: ['path:read:data/**'],
    op: 'path.walk',
    args: ['data', 1],
    value: ['data/.hidden', 'data/a.txt', 'data/link-out', 'data/secret-link.txt', 'data/sub'],
  },
  {
    name: 'createDir needs path:write',
    allow: ['path:read:**'],
    op: 'path.createDir',
    args: ['out/new/deep'],
    error: ['CapabilityError', /path:write/],
  },
  { name: 'createDir', allow: ['path:write:out/**'], op: 'path.createDir', args: ['out/new/deep'], value: true },
  {
    name: 'removeDirRecursive stays inside (symlinks removed, not followed)',
    allow: ['path:write:data/**'],
    op: 'path.removeDirRecursive',
    args: ['data'],
    value: true,
    files: { 'root/data/a.txt': null, 'outside/secret.txt': 'TOP SECRET' },
  },
  { name: 'home needs system:info', allow: [], op: 'path.home', args: [], error: ['CapabilityError', /system:info/] },
  { name: 'cwd is the run root', allow: [], op: 'path.cwd', args: [], expectFrom: (f) => f.root },
  // env
  { name: 'env.get granted', allow: ['env:read:APP_*'], op: 'env.get', args: ['APP_MODE'], value: 'test' },
  {
    name: 'env.get not granted',
    allow: ['env:read:APP_*'],
    op: 'env.get',
    args: ['SECRET_TOKEN'],
    error: ['CapabilityError', /env:read:SECRET_TOKEN/],
  },
  { name: 'env.get default', allow: ['env:read:*'], op: 'env.get', args: ['NOPE', 'dflt'], value: 'dflt' },
  {
    name: 'env.all needs env:read:*',
    allow: ['env:read:APP_*'],
    op: 'env.all',
    args: [],
    error: ['CapabilityError', /env:read:\*/],
  },
  {
    name: 'env.set needs env:write',
    allow: ['env:read:*'],
    op: 'env.set',
    args: ['PATH', '/evil'],
    error: ['CapabilityError', /env:write:PATH/],
  },
  {
    name: 'env.require of a missing variable',
    allow: ['env:read:*'],
    op: 'env.require',
    args: ['NOPE'],
    error: ['KeyError', /NOPE/],
  },
  // args, capabilities, crypto, csv, log
  {
    name: 'args.all (script relative to the root)',
    allow: ['args:read'],
    op: 'args.all',
    args: [],
    value: ['main.ml', 'one', 'two'],
  },
  {
    name: 'args.rest without args:read',
    allow: [],
    op: 'args.rest',
    args: [],
    error: ['CapabilityError', /args:read/],
  },
  { name: 'cap.check granted', allow: ['console:write'], op: 'cap.check', args: ['console:write'], value: true },
  {
    name: 'cap.check refused',
    allow: ['console:write'],
    op: 'cap.check',
    args: ['file:read:/etc/passwd'],
    value: false,
  },
  { name: 'cap.query', allow: ['file:read:data/**'], op: 'cap.query', args: ['file:read:data/sub/**'], value: true },
  {
    name: 'cap.list',
    allow: ['math:*', 'console:write'],
    op: 'cap.list',
    args: [],
    value: ['math:*', 'console:write'],
  },
  {
    name: 'crypto.hash_file',
    allow: ['crypto:hash', READ_DATA],
    op: 'crypto.hash_file',
    args: ['data/a.txt'],
    value: createHash('sha256').update('hello\nworld\n').digest('hex'),
  },
  {
    name: 'crypto.hash_file md5',
    allow: ['crypto:*', READ_DATA],
    op: 'crypto.hash_file',
    args: ['data/a.txt', 'md5'],
    value: createHash('md5').update('hello\nworld\n').digest('hex'),
  },
  {
    name: 'crypto.hash_file needs file:read',
    allow: ['crypto:hash'],
    op: 'crypto.hash_file',
    args: ['data/a.txt'],
    error: ['CapabilityError', /file:read/],
  },
  {
    name: 'crypto.hash_file of a symlink out',
    allow: ['crypto:hash', READ_DATA],
    op: 'crypto.hash_file',
    args: ['data/secret-link.txt'],
    error: ['CapabilityError', /not granted/],
  },
  {
    name: 'csv.read with headers',
    allow: [READ_DATA],
    op: 'csv.read',
    args: ['data/sub/b.csv'],
    value: [{ x: '1', y: '2' }],
  },
  {
    name: 'csv.read without headers',
    allow: [READ_DATA],
    op: 'csv.read',
    args: ['data/sub/b.csv', ',', false],
    value: [
      ['x', 'y'],
      ['1', '2'],
    ],
  },
  { name: 'csv.count_rows', allow: [READ_DATA], op: 'csv.count_rows', args: ['data/sub/b.csv'], value: 1 },
  { name: 'csv.get_headers', allow: [READ_DATA], op: 'csv.get_headers', args: ['data/sub/b.csv'], value: ['x', 'y'] },
  {
    name: 'csv.read through a symlink out',
    allow: [READ_DATA],
    op: 'csv.read',
    args: ['data/secret-link.txt'],
    error: ['CapabilityError', /not granted/],
  },
  {
    name: 'csv.write objects',
    allow: ['file:write:out/**'],
    op: 'csv.write',
    args: [
      'out/t.csv',
      [
        { a: 'x,y', b: 1.5 },
        { a: 'q"r', b: true },
      ],
    ],
    value: true,
    files: { 'root/out/t.csv': 'a,b\r\n"x,y",1.5\r\n"q""r",True\r\n' },
  },
  {
    name: 'csv.write lists',
    allow: ['file:write:out/**'],
    op: 'csv.write',
    args: [
      'out/t.csv',
      [
        ['a', null],
        ['', 'z'],
      ],
      ';',
    ],
    value: true,
    files: { 'root/out/t.csv': 'a;\r\n;z\r\n' },
  },
  {
    name: 'csv.write with a bad delimiter',
    allow: ['file:write:out/**'],
    op: 'csv.write',
    args: ['out/t.csv', [['a']], '"'],
    error: ['ValueError', /bad delimiter/],
  },
  {
    name: 'csv.append needs read and write',
    allow: ['file:write:data/**'],
    op: 'csv.append',
    args: ['data/sub/b.csv', ['3', '4']],
    error: ['CapabilityError', /file:read/],
  },
  {
    name: 'csv.append a list',
    allow: ['file:read:data/**', 'file:write:data/**'],
    op: 'csv.append',
    args: ['data/sub/b.csv', ['3', '4']],
    value: true,
    files: { 'root/data/sub/b.csv': 'x,y\n1,2\n3,4\r\n' },
  },
  {
    name: 'csv.append an object in header order',
    allow: ['file:read:data/**', 'file:write:data/**'],
    op: 'csv.append',
    args: ['data/sub/b.csv', { y: 'Y', x: 'X' }],
    value: true,
    files: { 'root/data/sub/b.csv': 'x,y\n1,2\nX,Y\r\n' },
  },
  { name: 'env.get_int', allow: ['env:read:*'], op: 'env.get_int', args: ['APP_MODE', 7], value: 7 },
  { name: 'env.get_bool default', allow: ['env:read:*'], op: 'env.get_bool', args: ['NOPE'], value: false },
  {
    name: 'env.get_float of a missing variable is a float',
    allow: ['env:read:*'],
    op: 'env.get_float',
    args: ['NOPE'],
    value: { $float: 0 },
  },
  {
    name: 'modifiedTime is a float',
    allow: ['file:stat:**'],
    op: 'file.modifiedTime',
    args: ['data/a.txt'],
    expectFrom: (f) => {
      const t = statSync(path.join(f.root, 'data/a.txt')).mtimeMs / 1000;
      return Number.isInteger(t) ? { $float: t } : t;
    },
  },
  {
    name: 'log.add_file needs file:write',
    allow: ['log:write'],
    op: 'log.add_file',
    args: ['out/app.log'],
    error: ['CapabilityError', /file:write/],
  },
  {
    name: 'log.add_file',
    allow: ['log:write', 'file:write:out/**'],
    op: 'log.add_file',
    args: ['out/app.log'],
    value: null,
    files: { 'root/out/app.log': '' },
  },
];

describe('host bridges', () => {
  let f: Fixture;
  beforeEach(() => {
    f = makeFixture();
  });
  afterEach(() => f.dispose());

  it.each(CASES)('$name', (c) => {
    const before = f.outsideState();
    const { bridges, audit } = bridgesFor(f, c.allow, c.deny ?? [], c.limits);
    const fn = bridges.table.sync[c.op];
    expect(fn, `operation ${c.op}`).toBeDefined();
    const args = c.args.map((a) => (typeof a === 'string' ? subst(a, f) : a));
    let value: unknown;
    let error: unknown = null;
    try {
      value = fn!(args);
    } catch (e) {
      error = e;
    }
    bridges.close();
    if (c.error) {
      expect(error, `expected ${c.error[0]}, got ${JSON.stringify(value)}`).toBeInstanceOf(BridgeError);
      expect((error as BridgeError).kind).toBe(c.error[0]);
      expect((error as BridgeError).message).toMatch(c.error[1]);
      // Messages never show the host's absolute paths for paths under the root.
      expect((error as BridgeError).message).not.toContain(f.base + '/root/');
    } else {
      if (error) throw error;
      expect(value).toEqual(c.expectFrom ? c.expectFrom(f) : c.value);
    }
    for (const [rel, content] of Object.entries(c.files ?? {})) {
      const p = path.join(f.base, rel);
      if (content === null) expect(existsSync(p), `${rel} must not exist`).toBe(false);
      else expect(readFileSync(p, 'utf8')).toBe(content);
    }
    if (!c.touchesOutside) expect(f.outsideState()).toBe(before);
    if (c.error?.[0] === 'CapabilityError') expect(audit.some((e) => e.result === 'DENIED')).toBe(true);
  });
});

describe('stdin bridge', () => {
  it('serves the request stdin line by line, then end of input', async () => {
    const f = makeFixture();
    try {
      const { bridges } = bridgesFor(f, ['console:read']);
      const read = bridges.table.async['stdin.readLine']!;
      expect([await read([]), await read([]), await read([])]).toEqual(['first line', 'second', null]);
      const denied = bridgesFor(f, []).bridges.table.async['stdin.readLine']!;
      await expect(denied([])).rejects.toThrow(/console:read/);
    } finally {
      f.dispose();
    }
  });
});

describe('env bridge', () => {
  it('env.set changes only the sandbox view', () => {
    const f = makeFixture();
    try {
      const before = process.env['APP_MODE'];
      const { bridges } = bridgesFor(f, ['env:*:*']);
      bridges.table.sync['env.set']!(['APP_MODE', 'changed']);
      expect(bridges.table.sync['env.get']!(['APP_MODE'])).toBe('changed');
      expect(process.env['APP_MODE']).toBe(before);
      expect(bridgesFor(f, ['env:*:*']).bridges.table.sync['env.get']!(['APP_MODE'])).toBe('test');
    } finally {
      f.dispose();
    }
  });
});

describe('open-files limit', () => {
  it('log files count against it', () => {
    const f = makeFixture();
    try {
      const { bridges } = bridgesFor(f, ['log:write', 'file:write:out/**'], [], { openFiles: 2 });
      const add = bridges.table.sync['log.add_file']!;
      add(['out/1.log']);
      add(['out/2.log']);
      add(['out/1.log']);
      expect(() => add(['out/3.log'])).toThrow(/too many open files \(the sandbox allows 2\)/);
      bridges.table.sync['log.write_file']!(['line\n']);
      bridges.close();
      expect(readFileSync(path.join(f.root, 'out/1.log'), 'utf8')).toBe('line\n');
      expect(readFileSync(path.join(f.root, 'out/2.log'), 'utf8')).toBe('line\n');
    } finally {
      f.dispose();
    }
  });
});

describe('audit-only mode', () => {
  it('lets a refused operation through and records what would have been denied', () => {
    const f = makeFixture();
    try {
      const { bridges, audit } = bridgesFor(f, ['file:read:out/**'], [], undefined, true);
      expect(bridges.table.sync['file.read']!(['data/a.txt'])).toBe('hello\nworld\n');
      bridges.close();
      expect(audit.map((e) => [e.capability, e.result, e.enforced])).toEqual([
        [`file:read:${f.root}/data/a.txt`, 'DENIED', false],
      ]);
    } finally {
      f.dispose();
    }
  });

  it('still refuses what has no valid target', () => {
    const f = makeFixture();
    try {
      const { bridges } = bridgesFor(f, [], [], undefined, true);
      expect(() => bridges.table.sync['file.read']!(['data/\0x'])).toThrow(/NUL/);
    } finally {
      f.dispose();
    }
  });
});
