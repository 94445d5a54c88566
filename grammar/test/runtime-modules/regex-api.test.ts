// Regex module API beyond plain matching: Pattern/Match methods, pos/endpos windows, templates,
// callable replacements, flags, escape/isValid, and the Python constructs deliberately rejected.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/runtime/values.js';
import { createRegexModule } from '../../src/runtime/modules/regex/module.js';
import { call, callMethod, outcome, testContext } from './context.js';

const re = createRegexModule(testContext());
const compile = (p: string, flags: Value = 0) => call(re, 'compile', p, flags);
const flag = (name: string) => call(re, name);
const search = (p: string, t: string) => call(re, 'search', p, t);

const cases: [string, () => Value, string][] = [
  ['^ does not match at pos > 0', () => callMethod(compile('^\\w+'), 'search', 'ab cd', 3), 'None'],
  [
    'endpos cuts the text',
    () => callMethod(compile('\\w+$'), 'search', 'ab cd', 0, 2),
    "<re.Match object; span=(0, 2), match='ab'>",
  ],
  ['findall window', () => callMethod(compile('\\w+$'), 'findall', 'ab cd ef', 3, 5), "['cd']"],
  ['pos/endpos are clamped', () => callMethod(compile('\\w+$'), 'findall', 'ab cd ef', -5, 100), "['ef']"],
  [
    'match anchors at pos',
    () => callMethod(compile('cd'), 'match', 'abcd', 2),
    "<re.Match object; span=(2, 4), match='cd'>",
  ],
  ['expand', () => callMethod(search('(?P<a>x)(y)', 'xy'), 'expand', '\\2\\g<a>\\n'), "'yx\\n'"],
  [
    'Pattern repr with flags',
    () => callMethod(compile('a+', 2 + 8), 'toString'),
    '"re.compile(\'a+\', re.IGNORECASE|re.MULTILINE)"',
  ],
  ['Pattern repr', () => compile('a+'), "re.compile('a+')"],
  ['getFlags adds UNICODE', () => callMethod(compile('a+', flag('IGNORECASE')), 'getFlags'), '34'],
  ['getFlags with inline verbose', () => callMethod(compile('(?x)a'), 'getFlags'), '96'],
  ['getFlags ASCII', () => callMethod(compile('a', flag('ASCII')), 'getFlags'), '256'],
  ['getPattern', () => callMethod(compile('[a-z]+'), 'getPattern'), "'[a-z]+'"],
  ['Match repr', () => search('b+', 'abbc'), "<re.Match object; span=(1, 3), match='bb'>"],
  ['positions count code points', () => callMethod(search('😀(b)', 'a😀b'), 'span', 1), '[2, 3]'],
  ['unmatched group positions', () => callMethod(search('(a)(b)?', 'a'), 'span', 2), '[-1, -1]'],
  ['groups default', () => callMethod(search('(a)(b)?', 'a'), 'groups', '-'), "['a', '-']"],
  ['groupDict default', () => callMethod(search('(?P<x>a)(?P<y>b)?', 'a'), 'groupDict', '?'), "{'x': 'a', 'y': '?'}"],
  ['group by name', () => callMethod(search('(?P<x>a)', 'a'), 'group', 'x'), "'a'"],
  ['no such group', () => callMethod(search('(a)', 'a'), 'group', 2), 'IndexError: no such group'],
  ['unknown group name', () => callMethod(search('(a)', 'a'), 'group', 'zz'), 'IndexError: no such group'],
  ['value()', () => callMethod(search('b+', 'abbc'), 'value'), "'bb'"],
  ['groupCount', () => callMethod(search('(a)(b)(c)?', 'ab'), 'groupCount'), '3'],
  ['lastGroup without name', () => callMethod(search('(a)(b)', 'ab'), 'lastGroup'), 'None'],
  ['Match toString', () => callMethod(search('b', 'abc'), 'toString'), '"<re.Match object; span=(1, 2), match=\'b\'>"'],
  [
    'sub with a function',
    () => call(re, 'sub', '\\d', (m: Value) => String(Number(callMethod(m, 'group')) * 2), 'a1b2'),
    "'a2b4'",
  ],
  [
    'sub function must return str',
    () => call(re, 'sub', '\\d', () => 5, 'a1'),
    'TypeError: expected str instance, int found',
  ],
  ['sub count negative', () => call(re, 'sub', 'a', 'b', 'aaa', -1), "'aaa'"],
  ['split maxsplit negative', () => call(re, 'split', '-', 'a-b', -1), "['a-b']"],
  ['Pattern.subn', () => callMethod(compile('o'), 'subn', '0', 'foo'), "{'result': 'f00', 'count': 2}"],
  ['Pattern.test', () => callMethod(compile('^a'), 'test', 'abc'), 'True'],
  ['Pattern.count', () => callMethod(compile('ab'), 'count', 'abcabcab'), '3'],
  ['module functions accept a Pattern', () => call(re, 'findall', compile('\\d'), 'a1b2'), "['1', '2']"],
  [
    'flags with a Pattern',
    () => call(re, 'findall', compile('\\d'), 'a1', 2),
    'ValueError: cannot process flags argument with a compiled pattern',
  ],
  [
    'pattern must be text',
    () => call(re, 'search', 5, 'a'),
    'TypeError: first argument must be string or compiled pattern, not int',
  ],
  ['text must be a string', () => call(re, 'search', 'a', 5), 'TypeError: string must be str, not int'],
  [
    'flag values',
    () => [flag('IGNORECASE'), flag('MULTILINE'), flag('DOTALL'), flag('VERBOSE'), flag('ASCII'), flag('UNICODE')],
    '[2, 8, 16, 64, 256, 32]',
  ],
  [
    'flags combine with +',
    () => call(re, 'findall', '^a.', 'A\nab\nAc', (flag('IGNORECASE') as number) + (flag('MULTILINE') as number)),
    "['ab', 'Ac']",
  ],
  [
    'escape',
    () => call(re, 'escape', '1+1=2 a.b [x] ~#&'),
    "'1\\\\+1=2\\\\ a\\\\.b\\\\ \\\\[x\\\\]\\\\ \\\\~\\\\#\\\\&'",
  ],
  [
    'isValid',
    () => [call(re, 'isValid', '[a-z]+'), call(re, 'isValid', '[a-z'), call(re, 'isValid', '(?(1)a|b)')],
    '[True, False, False]',
  ],
  [
    'ASCII and UNICODE together',
    () => compile('a', 256 + 32),
    'ValueError: ASCII and UNICODE flags are incompatible at position 0',
  ],
  ['LOCALE flag', () => compile('a', 4), 'ValueError: cannot use LOCALE flag with a str pattern at position 0'],
  ['arity is checked', () => call(re, 'escape'), 'TypeError: escape() missing 1 required positional argument'],
  [
    'too many arguments',
    () => call(re, 'test', 'a', 'b', 0, 1),
    'TypeError: test() takes from 2 to 3 positional arguments but 4 were given',
  ],
];

// Valid in Python but with no faithful JavaScript translation: refused with a clear ValueError.
const rejected: [string, Value, string][] = [
  [
    '(?(1)a|b)',
    0,
    'conditional patterns (?(...)...) have no JavaScript equivalent and are not supported at position 0',
  ],
  [
    '(a)(?(1)b)',
    0,
    'conditional patterns (?(...)...) have no JavaScript equivalent and are not supported at position 3',
  ],
  ['\\N{DIGIT ONE}', 0, 'named Unicode escapes \\N{...} are not supported at position 0'],
  [
    '(?i:(a)\\1)',
    0,
    'a backreference in a case-insensitive part of a pattern that also has case-sensitive parts is not supported at position 7',
  ],
  [
    '(?-i:x)(?P<n>a)(?P=n)',
    2,
    'a backreference in a case-insensitive part of a pattern that also has case-sensitive parts is not supported at position 15',
  ],
  ['x(?a:\\w)', 0, 'scoped ASCII flag (?a:...) is not supported at position 1'],
];

describe('regex API', () => {
  it.each(cases)('%s', (_name, f, expected) => {
    expect(outcome(f)).toBe(expected);
  });
});

describe('regex constructs that are refused', () => {
  it.each(rejected)('%s', (pattern, flags, message) => {
    expect(outcome(() => compile(pattern, flags))).toBe(`ValueError: ${message}`);
    expect(call(re, 'isValid', pattern)).toBe(flags === 0 ? false : true);
  });
});
