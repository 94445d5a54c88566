// args.create_parser (ArgParser/ParsedArgs, pure parsing) and the http module's pure helpers, with
// urllib.parse results from CPython as expectations.
import { describe, expect, it } from 'vitest';
import { MLObject, MLTuple, type Value } from '../../src/runtime/values.js';
import { createArgsModule } from '../../src/runtime/modules/args.js';
import { createHttpModule } from '../../src/runtime/modules/http.js';
import { call, callMethod, outcome, testContext } from './context.js';

const args = createArgsModule(testContext());
function parser(): Value {
  const p = call(args, 'create_parser', 'convert', 'Convert files.');
  callMethod(p, 'add_flag', 'verbose', 'v', 'talk more');
  callMethod(p, 'add_option', 'output', 'o', 'where to write', 'out.txt');
  callMethod(p, 'add_option', '--level', null, 'level');
  callMethod(p, 'add_positional', 'input', 'file to read', true);
  callMethod(p, 'add_positional', 'extra', 'optional second file');
  return p;
}
const parse = (...argv: string[]) => callMethod(parser(), 'parse', argv);

const argCases: [string, () => Value, string][] = [
  [
    'defaults',
    () => {
      const r = parse('in.txt');
      return [
        callMethod(r, 'get', 'input'),
        callMethod(r, 'get', 'output'),
        callMethod(r, 'get', 'verbose'),
        callMethod(r, 'get', 'extra', 'none'),
      ];
    },
    "['in.txt', 'out.txt', False, 'none']",
  ],
  [
    'long, short and = forms',
    () => {
      const r = parse('-v', '--output', 'a.txt', '--level=3', 'in.txt', 'more.txt');
      return [callMethod(r, 'flags'), callMethod(r, 'options'), callMethod(r, 'positionals')];
    },
    "[{'verbose': True}, {'output': 'a.txt', 'level': '3'}, {'input': 'in.txt', 'extra': 'more.txt'}]",
  ],
  [
    'has',
    () => {
      const r = parse('-o', 'x', 'in');
      return [
        callMethod(r, 'has', 'output'),
        callMethod(r, 'has', 'verbose'),
        callMethod(r, 'has', 'input'),
        callMethod(r, 'has', 'extra'),
      ];
    },
    '[True, False, True, False]',
  ],
  [
    'get_bool',
    () => {
      const r = parse('--level', 'yes', 'in');
      return [callMethod(r, 'get_bool', 'level'), callMethod(r, 'get_bool', 'verbose')];
    },
    '[True, False]',
  ],
  ['-- ends options', () => callMethod(parse('--', '-v', 'x'), 'positionals'), "{'input': '-v', 'extra': 'x'}"],
  [
    'negative numbers are values',
    () => callMethod(parse('-o', '-5', '-3'), 'options'),
    "{'output': '-5', 'level': None}",
  ],
  ['unknown option', () => parse('--nope', 'in'), 'ValueError: Unknown option: --nope'],
  ['missing value', () => parse('in', '--output'), 'ValueError: Option --output requires a value'],
  ['missing required', () => parse('-v'), 'ValueError: Missing required argument: input'],
  ['too many', () => parse('a', 'b', 'c'), 'ValueError: Unexpected argument: c'],
  ['flag with a value', () => parse('--verbose=1', 'in'), 'ValueError: Flag --verbose does not take a value'],
  [
    'duplicate definition',
    () => callMethod(parser(), 'add_flag', 'verbose'),
    "ValueError: argument 'verbose' is already defined",
  ],
  ['argv from the context', () => callMethod(callMethod(parser(), 'parse'), 'get', 'input'), "'input.txt'"],
];

const http = createHttpModule(testContext());
const h = (name: string, ...a: Value[]) => call(http, name, ...a);
const httpCases: [string, () => Value, string][] = [
  ['encodeURI', () => h('encodeURI', 'a b/c?d=é&x~_.-😀'), "'a%20b/c%3Fd%3D%C3%A9%26x~_.-%F0%9F%98%80'"],
  [
    'decodeURI',
    () => h('decodeURI', '%E2%82%AC %ZZ %e2%82 %C3%28 a%2Fb %F0%9F%98%80'),
    "'€ %ZZ \ufffd \ufffd( a/b 😀'",
  ],
  [
    'encodeQuery',
    () =>
      h(
        'encodeQuery',
        new MLObject([
          ['q', 'a b&c'],
          ['n', 1],
          ['t', true],
          ['path', '/x/y'],
          ['none', null],
        ]),
      ),
    "'q=a+b%26c&n=1&t=True&path=%2Fx%2Fy&none=None'",
  ],
  ['encodeQuery pairs', () => h('encodeQuery', [new MLTuple(['a', 1]), ['b', 'c d']]), "'a=1&b=c+d'"],
  [
    'encodeQuery needs a mapping',
    () => h('encodeQuery', 'a=1'),
    'TypeError: not a valid non-string sequence or mapping object (got str)',
  ],
  ['parseQuery', () => h('parseQuery', 'a=1&b=&c&d=x+y%21&a=2'), "{'a': '2', 'd': 'x y!'}"],
  ['round trip', () => h('parseQuery', h('encodeQuery', new MLObject([['k', 'ü & =']]))), "{'k': 'ü & ='}"],
];

describe('args module', () => {
  it.each(argCases)('%s', (_name, f, expected) => {
    expect(outcome(f)).toBe(expected);
  });

  it('renders help', () => {
    expect(callMethod(parser(), 'help')).toBe(
      [
        'usage: convert [options] <input> [extra]',
        '',
        'Convert files.',
        '',
        'positional arguments:',
        '  input  file to read',
        '  extra  optional second file',
        '',
        'options:',
        '  -v, --verbose        talk more',
        '  -o, --output OUTPUT  where to write (default: out.txt)',
        '  --level LEVEL        level',
      ].join('\n'),
    );
  });
});

describe('http helpers', () => {
  it.each(httpCases)('%s', (_name, f, expected) => {
    expect(outcome(f)).toBe(expected);
  });
});
