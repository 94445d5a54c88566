// Builtins of STDLIB.md's `builtin` module beyond the conformance programs: sequences, numbers,
// characters, introspection, capability queries and input.
import { describe, expect, test } from 'vitest';
import { runML, show } from './harness.js';

const SEQUENCES: [string, string][] = [
  [
    'range(3), range(1, 4), range(0, 10, 3), range(5, 0, -2), range(0)',
    '[0, 1, 2] [1, 2, 3] [0, 3, 6, 9] [5, 3, 1] []',
  ],
  ['range(true), range(-2)', '[0] []'],
  ['enumerate("ab"), enumerate(["x"], 5)', "[(0, 'a'), (1, 'b')] [(5, 'x')]"],
  ['zip([1, 2, 3], "ab"), zip(), zip([1])', "[(1, 'a'), (2, 'b')] [] [(1,)]"],
  ['zip([1], [2], [3])', '[(1, 2, 3)]'],
  ['sorted("cab"), sorted({b: 1, a: 2}), sorted([3, 1.5, true])', "['a', 'b', 'c'] ['a', 'b'] [True, 1.5, 3]"],
  ['sorted([[2, 1], [1, 5], [1, 2]])', '[[1, 2], [1, 5], [2, 1]]'],
  ['sorted([1, 1.0, true], true)', '[1, 1.0, True]'],
  ['reversed({a: 1, b: 2}), reversed(zip([1], [2])[0])', "['b', 'a'] [2, 1]"],
  ['keys({}), values({x: [1]})', '[] [[1]]'],
  ['all("abc"), any(""), all([[], 1]), any({a: 0})', 'true false false true'],
  ['sum([1, 2.5]), sum([[1], [2]], []), sum(range(5), 10)', '3.5 [1, 2] 20'],
  ['sum([1, "a"])', "TypeError: unsupported operand type(s) for +: 'int' and 'str'"],
  ['min("bca"), max([1, 3, 2]), max(1, 3, 2), min([]), max([[1], [0, 5]])', 'a 3 3 None [1]'],
  ['min()', 'TypeError: min expected at least 1 argument, got 0'],
  ['next(iter({k: 1})), next(iter(zip([1], [2])[0]))', 'k 1'],
  ['next([1])', "TypeError: 'list' object is not an iterator"],
  ['call(fn(a, b) => a - b, 5, 3), call(len, "abc")', '2 3'],
  ['call(5)', "TypeError: 'int' object is not callable"],
];

const VALUES: [string, string][] = [
  [
    'abs(-5), abs(-2.5), abs(true), abs(-123456789012345678901234567890), abs(-0.0)',
    '5 2.5 1 123456789012345678901234567890 0.0',
  ],
  ['abs("x")', "TypeError: bad operand type for abs(): 'str'"],
  ['chr(65), chr(128578), ord("🙂"), ord("é")', 'A 🙂 128578 233'],
  ['hex(255), hex(-42), bin(0), oct(8), hex(2 * 9007199254740993)', '0xff -0x2a 0b0 0o10 0x40000000000002'],
  ['hex(1.5)', "TypeError: 'float' object cannot be interpreted as an integer (in hex())"],
  ['int(), float(), str(), bool()', '0 0.0  false'],
  ['len(zip([1], [2])[0]), len(print), len(5)', '0 0 0'],
  ['isinstance(1, "number"), isinstance(zip([1], [1])[0], "unknown"), isinstance(null, "unknown")', 'true true true'],
  ['typeof(iter([])), callable(print), callable(zip([1], [1])[0])', 'unknown true false'],
];

const INTROSPECTION: [string, string][] = [
  [
    'hasattr("s", "upper"), hasattr("s", "nope"), hasattr([], "append"), hasattr("s", "length")',
    'true false true true',
  ],
  ['hasattr({a: 1}, "a"), hasattr({a: 1}, "b"), hasattr({_a: 1}, "_a")', 'true false false'],
  ['hasattr("s", "__class__"), hasattr("s", "constructor"), hasattr([], "__proto__")', 'false false false'],
  ['getattr({a: 1}, "a"), getattr({}, "a", 5), getattr("x", "constructor", "no"), getattr([], "nope")', '1 5 no None'],
  ['getattr("abc", "upper")()', 'diagnostics'],
  [
    'methods("s")[0:3], methods([]), methods(5)',
    "['capitalize', 'center', 'count'] ['append', 'clear', 'copy', 'count', 'extend', 'index', 'insert', 'pop', 'remove', 'reverse', 'sort'] []",
  ],
  ['methods({f: print, x: 1})', "['f']"],
  ['"math" in modules()', 'diagnostics'],
  ['modules().index("math") >= 0, has_module("math"), has_module("nope")', 'true true false'],
  ['module_info("math").name, module_info("nope")', 'math None'],
  ['requiredCapabilities(print), len(requiredCapabilities(fn() => 1))', '[] 0'],
];

describe('sequence builtins', () => {
  test.each(SEQUENCES)('%s', (expr, expected) => expect(show(expr)).toBe(expected));
});

describe('value builtins', () => {
  test.each(VALUES)('%s', (expr, expected) => expect(show(expr)).toBe(expected));
});

describe('introspection builtins', () => {
  test.each(INTROSPECTION)('%s', (expr, expected) => {
    const out = show(expr);
    if (expected === 'diagnostics') expect(out).toMatch(/^diagnostics: /);
    else expect(out).toBe(expected);
  });

  test('help() names the capabilities a stdlib function requires', () => {
    const out = show('help(math.sqrt) + "|" + help(print) + "|" + help("math")', 'import math;');
    expect(out).toContain('math.sqrt(x)');
    expect(out).toContain('Requires: math:compute');
    expect(out).toContain('Capabilities: None required');
    expect(out).toContain('Module math');
  });

  test('requiredCapabilities() of a module function', () => {
    expect(show('requiredCapabilities(math.floor)', 'import math;')).toBe("['math:compute']");
  });
});

describe('capabilities and host input', () => {
  test('queries ask the host', () => {
    const r = runML(
      'print(hasCapability("math:compute"), hasCapability("file:read:/x"), getCapabilities(), getCapabilityInfo("math:compute").resource, getCapabilityInfo("file:read"));',
      { grants: ['math'] },
    );
    expect(r.stdout).toBe("true false ['math:*'] math None\n");
  });

  test('a stdlib call without its capability raises CapabilityError', () => {
    const r = runML('import math;\nprint(math.pi);\nprint(math.sqrt(4));', { grants: [] });
    expect(r.stdout).toBe('3.141592653589793\n');
    expect(r.error).toMatchObject({ kind: 'CapabilityError', line: 3 });
  });

  test('input() reads lines from the host after writing the prompt', () => {
    const r = runML('a = input("name? "); b = input(); print(a + "/" + b); input();', { stdin: ['ann', 'bob'] });
    expect(r.stdout).toBe('name? ann/bob\n');
    expect(r.error).toMatchObject({ kind: 'EOFError', message: 'EOF when reading a line' });
  });

  test('input() needs console:read', () => {
    const r = runML('input();', { grants: [] });
    expect(r.error?.kind).toBe('CapabilityError');
  });
});

describe('resource guards', () => {
  test.each([
    ['s = "x"; while (true) { s = s + s; }', 'MemoryError'],
    ['a = [0] * 100000000;', 'MemoryError'],
    ['a = range(100000000);', 'MemoryError'],
    ['s = "ab" * 20000000;', 'MemoryError'],
  ])('%s', (src, kind) => {
    expect(runML(src).error?.kind).toBe(kind);
  });

  test('a counting loop over a huge range allocates nothing', () => {
    expect(runML('n = 0; for (i in range(100000000)) { n = n + 1; if (n == 5) { break; } } print(n);').stdout).toBe(
      '5\n',
    );
  });

  test('hasattr/getattr never find JS internals, even as object keys', () => {
    expect(
      runML(
        'o = {constructor: 1, ok: 2}; print(hasattr(o, "constructor"), getattr(o, "constructor", "no"), getattr(o, "ok"));',
      ).stdout,
    ).toBe('false no 2\n');
  });
});
