// The `regex` module: Python `re` semantics on top of translated JavaScript RegExps. Flags are
// functions returning Python's flag values; patterns are cached per run.
import { MLError } from '../../values.js';
import type { MLModule, ModuleContext } from '../types.js';
import { ModuleBuilder, strArg } from '../util.js';
import { countMatches, findAll, findIter, matchOnce, split, substitute, window } from './operations.js';
import { PatternCache, PatternObject, subnResult } from './pattern.js';
import { FLAGS } from './syntax.js';

// Python 3.7+ re.escape: only characters special in patterns are escaped.
const SPECIAL = new Set(Array.from('()[]{}?*+-|^$\\.&~# \t\n\r\v\f'));

export function regexEscape(text: string): string {
  let out = '';
  for (const ch of text) out += SPECIAL.has(ch) ? '\\' + ch : ch;
  return out;
}

export function createRegexModule(_ctx: ModuleContext): MLModule {
  const cache = new PatternCache();
  const b = new ModuleBuilder('regex');
  for (const name of ['IGNORECASE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'ASCII', 'UNICODE'] as const) {
    const value = FLAGS[name];
    b.fn(name, 0, 0, () => value);
  }
  return b
    .fn('compile', 1, 2, (p, f) => new PatternObject(cache.get(p, f)))
    .fn('search', 2, 3, (p, t, f) => matchOnce(cache.get(p, f), window(t), 'search'))
    .fn('match', 2, 3, (p, t, f) => matchOnce(cache.get(p, f), window(t), 'match'))
    .fn('fullmatch', 2, 3, (p, t, f) => matchOnce(cache.get(p, f), window(t), 'fullmatch'))
    .fn('findall', 2, 3, (p, t, f) => findAll(cache.get(p, f), window(t)))
    .fn('finditer', 2, 3, (p, t, f) => findIter(cache.get(p, f), window(t)))
    .fn('split', 2, 4, (p, t, max, f) => split(cache.get(p, f), t, max))
    .fn('sub', 3, 5, (p, r, t, count, f) => substitute(cache.get(p, f), r, t, count)[0])
    .fn('subn', 3, 5, (p, r, t, count, f) => subnResult(substitute(cache.get(p, f), r, t, count)))
    .fn('escape', 1, 1, (t) => regexEscape(strArg(t, 'text')))
    .fn('isValid', 1, 1, (p) => {
      try {
        cache.get(strArg(p, 'pattern'), 0);
        return true;
      } catch (e) {
        if (e instanceof MLError && e.kind === 'ValueError') return false;
        throw e;
      }
    })
    .fn('test', 2, 3, (p, t, f) => matchOnce(cache.get(p, f), window(t), 'search') !== null)
    .fn('count', 2, 3, (p, t, f) => countMatches(cache.get(p, f), window(t)))
    .build();
}
