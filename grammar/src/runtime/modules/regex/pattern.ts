// The ML `Pattern` class (what regex.compile returns) and the per-run cache of compiled patterns.
// Methods delegate to operations.ts; the class exposes no RegExp object to ML code.
import { MLNative, type NativeMethodTable, type Value } from '../../values.js';
import { quoteString, raise } from '../../ops.js';
import { method, methodTable } from '../native.js';
import { absent, intArg, obj, pyTypeName } from '../util.js';
import { compileRegex, type CompiledRegex } from './compile.js';
import { countMatches, findAll, findIter, matchOnce, split, substitute, window } from './operations.js';
import { FLAGS, FLAG_NAMES } from './syntax.js';

export class PatternObject extends MLNative {
  readonly typeName = 'Pattern';
  readonly methods: NativeMethodTable = PATTERN_METHODS;

  constructor(readonly compiled: CompiledRegex) {
    super();
  }

  override equals(other: MLNative): boolean {
    return (
      other instanceof PatternObject &&
      other.compiled.pattern === this.compiled.pattern &&
      other.compiled.info.flags === this.compiled.info.flags
    );
  }

  /** Python's repr: `re.compile('a+', re.IGNORECASE)`. */
  override toMLString(): string {
    const shown = this.compiled.info.flags & ~FLAGS.UNICODE;
    const names = FLAG_NAMES.filter(([, bit]) => shown & bit).map(([n]) => `re.${n}`);
    const flags = names.length > 0 ? `, ${names.join('|')}` : '';
    return `re.compile(${quoteString(this.compiled.pattern)}${flags})`;
  }
}

const isPattern = (v: unknown): v is PatternObject => v instanceof PatternObject;

const PATTERN_METHODS: NativeMethodTable = methodTable<PatternObject>('Pattern', isPattern, {
  search: method(1, 3, (p, t, pos, end) => matchOnce(p.compiled, window(t, pos, end), 'search')),
  match: method(1, 3, (p, t, pos, end) => matchOnce(p.compiled, window(t, pos, end), 'match')),
  fullmatch: method(1, 3, (p, t, pos, end) => matchOnce(p.compiled, window(t, pos, end), 'fullmatch')),
  findall: method(1, 3, (p, t, pos, end) => findAll(p.compiled, window(t, pos, end))),
  finditer: method(1, 3, (p, t, pos, end) => findIter(p.compiled, window(t, pos, end))),
  split: method(1, 2, (p, t, maxsplit) => split(p.compiled, t, maxsplit)),
  sub: method(2, 3, (p, r, t, count) => substitute(p.compiled, r, t, count)[0]),
  subn: method(2, 3, (p, r, t, count) => subnResult(substitute(p.compiled, r, t, count))),
  test: method(1, 1, (p, t) => matchOnce(p.compiled, window(t), 'search') !== null),
  count: method(1, 1, (p, t) => countMatches(p.compiled, window(t))),
  getPattern: method(0, 0, (p) => p.compiled.pattern),
  getFlags: method(0, 0, (p) => p.compiled.info.flags),
  toString: method(0, 0, (p: PatternObject) => p.toMLString()),
});

/** subn's result as the reference returns it: `{result, count}`. */
export function subnResult([result, count]: [string, number]): Value {
  return obj([
    ['result', result],
    ['count', count],
  ]);
}

/** Reads a flags argument (an int such as `regex.IGNORECASE() + regex.MULTILINE()`). */
export function flagsArg(v: Value | undefined): number {
  return absent(v) ? 0 : intArg(v, 'flags');
}

const CACHE_LIMIT = 256;

/** Compiles patterns for one run, reusing earlier compilations of the same pattern and flags. */
export class PatternCache {
  private readonly cache = new Map<string, CompiledRegex>();

  get(pattern: Value | undefined, flags: Value | undefined): CompiledRegex {
    if (pattern instanceof PatternObject) {
      if (flagsArg(flags) !== 0) raise('ValueError', 'cannot process flags argument with a compiled pattern');
      return pattern.compiled;
    }
    if (typeof pattern !== 'string') {
      return raise(
        'TypeError',
        `first argument must be string or compiled pattern, not ${pyTypeName(pattern ?? null)}`,
      );
    }
    const f = flagsArg(flags);
    const key = `${f}:${pattern}`;
    let c = this.cache.get(key);
    if (c === undefined) {
      c = compileRegex(pattern, f);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, c);
    }
    return c;
  }
}
