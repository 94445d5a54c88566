// path module (pure functions): POSIX semantics with expected values from CPython's posixpath.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/runtime/values.js';
import { createPathModule } from '../../src/runtime/modules/path.js';
import { call, outcome, testContext } from './context.js';

const path = createPathModule(testContext());
const each = (name: string, inputs: Value[]) => inputs.map((x) => call(path, name, x));

const cases: [string, () => Value, string][] = [
  [
    'join',
    () => [
      call(path, 'join', '/home', 'user', 'docs', 'report.txt'),
      call(path, 'join', 'a', 'b', 'c'),
      call(path, 'join', 'a/', 'b'),
      call(path, 'join', 'a', '/abs', 'c'),
      call(path, 'join', '', 'x'),
      call(path, 'join', 'a', ''),
      call(path, 'join', 'a//', 'b'),
    ],
    "['/home/user/docs/report.txt', 'a/b/c', 'a/b', '/abs/c', 'x', 'a/', 'a//b']",
  ],
  [
    'dirname',
    () => each('dirname', ['file.txt', '/tmp/dir/', '/', '/top', '//x', 'a//b', '///']),
    "['', '/tmp/dir', '/', '/', '//', 'a', '///']",
  ],
  ['basename', () => each('basename', ['/tmp/dir/', '/', 'a/b.c', '']), "['', '', 'b.c', '']"],
  [
    'extname',
    () => each('extname', ['archive.tar.gz', 'README', '.bashrc', '..x', 'a/.b.c', 'a.b/c', 'x.']),
    "['.gz', '', '', '', '.c', '', '.']",
  ],
  [
    'split',
    () => each('split', ['/home/user/docs/report.txt', 'name.md', '//a', '/a//', '']),
    "[['/home/user/docs', 'report.txt'], ['', 'name.md'], ['//', 'a'], ['/a', ''], ['', '']]",
  ],
  [
    'normalize',
    () =>
      each('normalize', ['/a/b/../c/./d', 'x//y/', './a/../b', '../up', '', '//a/b', '///a/../..', 'a/../..', '/..']),
    "['/a/c/d', 'x/y', 'b', '../up', '.', '//a/b', '/', '..', '/']",
  ],
  [
    'relative',
    () => [
      call(path, 'relative', '/home/user', '/home/user/docs/a.txt'),
      call(path, 'relative', '/home/user/docs', '/home/other'),
      call(path, 'relative', '/a', '/a'),
      call(path, 'relative', '/a/b', '/'),
    ],
    "['docs/a.txt', '../../other', '.', '../..']",
  ],
  [
    'relative against the working directory',
    () => [call(path, 'relative', 'src', 'src/lib/a.ml'), call(path, 'relative', '/work', 'x')],
    "['lib/a.ml', 'project/x']",
  ],
  ['isAbsolute', () => each('isAbsolute', ['/etc/hosts', 'etc/hosts', './x']), '[True, False, False]'],
  ['separator and delimiter', () => [call(path, 'separator'), call(path, 'delimiter')], "['/', ':']"],
  [
    'cwd and absolute come from the host',
    () => [call(path, 'cwd'), call(path, 'absolute', '../x/./y')],
    "['/work/project', '/work/x/y']",
  ],
  [
    'join needs text',
    () => call(path, 'join', 'a', 5),
    'TypeError: expected str, bytes or os.PathLike object, not int',
  ],
  ['relative needs a path', () => call(path, 'relative', '/a', ''), 'ValueError: no path specified'],
];

describe('path module', () => {
  it.each(cases)('%s', (_name, f, expected) => {
    expect(outcome(f)).toBe(expected);
  });

  it('offers cwd/absolute only when the host gives a working directory', () => {
    const { cwd: _cwd, ...rest } = testContext();
    const bare = createPathModule(rest);
    expect(bare.members.has('cwd')).toBe(false);
    expect(bare.members.has('absolute')).toBe(false);
    expect(call(bare, 'relative', 'a', 'b')).toBe('../b');
  });
});
