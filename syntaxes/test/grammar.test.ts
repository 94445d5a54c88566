// Snapshot and assertion tests for the ML TextMate grammar (syntaxes/ml.tmLanguage.json), run through
// the real vscode-textmate engine. UPDATE_SNAPSHOTS=1 rewrites the .snap files; review them by eye.
//
// How the grammar approximates the lexer's `//` rule (ML-LANGUAGE.md §1). The lexer decides from the
// previous token and a stack of what each open `(`/`{` began; TextMate only sees one line at a time
// through regexes, so the grammar does this instead:
//   - `//` is floor division when it follows, with optional spaces on the same line, a word
//     character, a closing quote, `]`, `)`, or a number ending in `.` (`3. // 2`), unless that word is
//     one of else/try/finally/except/return/throw/break/continue/nonlocal.
//   - `if`/`elif`/`while`/`for`/`except (...)` headers and `function f(...)`/`fn(...)` parameter lists
//     are begin/end rules whose end consumes the closing `)` together with a comment after it, so
//     `if (x) // c` is a comment while `f(x) // 2` and `(a + b) // 2` are division. Nested parens
//     inside a header are their own begin/end rule, so the header ends at the matching `)`.
//   - Anything else (line start, after `;`, `,`, `{`, `}`, `(`, `[` or an operator) is a comment.
//     Inside `capability` blocks `//` is always a comment.
// Known gaps (the lexer and this colouring disagree):
//   - `//` at the start of a line that continues an expression from the line above
//     (`x = a` + newline + `// b;`) is division for the lexer but coloured as a comment.
//   - `}` closing an object literal is an operand for the lexer (`{a: 1} // 2` divides) but the
//     grammar cannot tell it from a block's `}` and colours a comment.
//   - A keyword-like word used as a variable before `//` (`else // 2` with `else` bound) is coloured
//     as a comment.
//   - A header or parameter list whose `(` is on a later line than its keyword (`if` + newline +
//     `(x) // c`) is not recognised, so its `)` counts as an operand.
//   - Unbalanced parentheses while typing keep a header rule open until a `)` appears.
//   - `f(a // note` + newline + `, b)` is division, as the lexer decides; the language server warns.
// Other approximations: `elif`/`if`/`while`/`for`/`except` are keywords before `(` (not after a `.`),
// so a user function named `if` called as `if(x)` is coloured as a keyword; a name is an object key
// when it follows `{`/`,` (or starts its line) and precedes `:`, so the middle of a ternary split
// over lines (`c ?` + newline + `a : b`) is coloured as a key; a user variable named like a stdlib
// module (`path.x`) is coloured as the module.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES, STDLIB_MODULE_NAMES } from '@mlsec/grammar';
import { GRAMMAR_PATH, renderSnapshot, tokenize, tokensAt } from './tokenize.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const snapshotDir = path.join(here, 'snapshots');
const update = process.env.UPDATE_SNAPSHOTS === '1';

function sources(dir: string): { name: string; file: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ml'))
    .sort()
    .map((f) => ({ name: f.replace(/\.ml$/, ''), file: path.join(dir, f) }));
}

const inputs = [
  ...sources(path.join(here, 'fixtures')),
  ...sources(path.resolve(here, '..', '..', 'test', 'conformance')),
];

describe('grammar snapshots', () => {
  it('has unique snapshot names and no stale snapshots', () => {
    const names = inputs.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    expect(inputs.length).toBeGreaterThan(4);
    if (!update && existsSync(snapshotDir)) {
      const stale = readdirSync(snapshotDir).filter((f) => !names.includes(f.replace(/\.snap$/, '')));
      expect(stale, 'snapshots without a source file (run with UPDATE_SNAPSHOTS=1)').toEqual([]);
    }
  });

  for (const input of inputs) {
    it(`matches the snapshot for ${input.name}.ml`, async () => {
      const { lines, tokens } = await tokenize(readFileSync(input.file, 'utf8'));
      const actual = renderSnapshot(lines, tokens);
      const snapFile = path.join(snapshotDir, `${input.name}.snap`);
      if (update) {
        mkdirSync(snapshotDir, { recursive: true });
        writeFileSync(snapFile, actual);
        return;
      }
      expect(existsSync(snapFile), `${snapFile} is missing (run with UPDATE_SNAPSHOTS=1)`).toBe(true);
      expect(actual).toBe(readFileSync(snapFile, 'utf8'));
    });
  }
});

/**
 * Each case names a piece of one line (`target`, its `nth` occurrence, counting from 0) and what its
 * tokens must (`has`) or must not (`not`) carry: a scope prefix such as `comment` or `keyword`.
 */
interface Case {
  source: string;
  target: string;
  nth?: number;
  has?: string;
  not?: string;
}

const cases: Case[] = [
  { source: 'x = a // b;', target: '//', not: 'comment', has: 'keyword.operator.arithmetic.floor-division' },
  { source: 'x = a // b;', target: 'b', not: 'comment', has: 'variable.other' },
  { source: 'x = 10 // 3;', target: '3', not: 'comment', has: 'constant.numeric.integer' },
  { source: 'f(a // b);', target: 'b', not: 'comment' },
  { source: 'y = xs[n // 2];', target: '2', not: 'comment' },
  { source: 'y = (a + b) // 2;', target: '//', has: 'keyword.operator.arithmetic.floor-division' },
  { source: 'y = "s" // 2;', target: '//', has: 'keyword.operator.arithmetic.floor-division' },
  { source: 'y = 3. // 2;', target: '//', has: 'keyword.operator.arithmetic.floor-division' },
  { source: 'x = 1; // note', target: '// note', has: 'comment.line.double-slash' },
  { source: '// note', target: 'note', has: 'comment.line.double-slash' },
  { source: 'f(1, // note', target: 'note', has: 'comment' },
  { source: 'o = { // note', target: 'note', has: 'comment' },
  { source: 'f( // note', target: 'note', has: 'comment' },
  { source: 'x = 1 + // note', target: 'note', has: 'comment' },
  { source: 'if (x) // c', target: '// c', has: 'comment.line.double-slash' },
  { source: 'while (f(x)) // c', target: 'c', has: 'comment' },
  { source: 'for (i in xs) // c', target: 'c', has: 'comment' },
  { source: '} except (e) // c', target: '// c', has: 'comment.line' },
  { source: 'function f(a) // c', target: '// c', has: 'comment.line' },
  { source: '} // c', target: 'c', has: 'comment' },
  { source: '} else // c', target: 'c', has: 'comment' },
  { source: 'if (a // b) {', target: 'b', not: 'comment' },
  { source: 'capability C { allow read; // c', target: '// c', has: 'comment.line' },
  { source: 'y = o.if;', target: 'if', not: 'keyword', has: 'variable.other.property' },
  { source: 'o = {if: 1};', target: 'if', not: 'keyword' },
  { source: 'o = {true: 2, for: 3};', target: 'true', not: 'constant', has: 'variable.other.property' },
  { source: 'o = {true: 2, for: 3};', target: 'for', not: 'keyword', has: 'variable.other.property' },
  { source: 'x = c ? true : false;', target: 'true', has: 'constant.language.boolean' },
  { source: 'in = 5;', target: 'in', not: 'keyword' },
  { source: 'elif = 1;', target: 'elif', not: 'keyword' },
  { source: 'x = o.import(1);', target: 'import', not: 'keyword' },
  { source: 'y = import(x);', target: 'import', not: 'keyword' },
  { source: '{return, v} = pair;', target: 'return', not: 'keyword' },
  { source: 'for (x in xs) {', target: 'in', has: 'keyword.control' },
  { source: 'for (x in // c', target: '// c', has: 'comment.line' },
  { source: 'if (x) {', target: 'if', has: 'keyword.control.conditional' },
  { source: '} elif (y) {', target: 'elif', has: 'keyword.control.conditional' },
  { source: '} else {', target: 'else', has: 'keyword.control.conditional' },
  { source: 'import math as m;', target: 'as', has: 'keyword.control.import' },
  { source: 'import math as m;', target: 'math', has: 'support.class.module' },
  { source: 'x = math.sqrt(2);', target: 'sqrt', has: 'support.function' },
  { source: 'x = trueValue;', target: 'trueValue', not: 'constant' },
  { source: 'x = true;', target: 'true', has: 'constant.language.boolean' },
  { source: 'x = null;', target: 'null', has: 'constant.language.null' },
  { source: 'fnord = 1;', target: 'fnord', not: 'keyword' },
  { source: 'print(len(x));', target: 'len', has: 'support.function.builtin' },
  { source: 'function area(r) {', target: 'area', has: 'entity.name.function' },
  { source: 'y = area(2);', target: 'area', has: 'entity.name.function' },
  { source: 's = "a\\u00e9b";', target: '\\u00e9', has: 'constant.character.escape' },
  { source: 's = "a\\"b";', target: 'b', has: 'string.quoted.double' },
  { source: 'x = 1.e5;', target: '1.e5', has: 'constant.numeric.float' },
  { source: 'capability C { resource "r"; }', target: 'resource', has: 'keyword.other.capability' },
  { source: 'capability C { allow write "r"; }', target: 'write', has: 'storage.modifier.permission' },
];

function locate(source: string, target: string, nth: number): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = source.indexOf(target, at + 1);
    if (at < 0) throw new Error(`'${target}' (#${nth}) not found in ${source}`);
  }
  return at;
}

describe('grammar scopes', () => {
  for (const c of cases) {
    const expectation = [c.has && `has ${c.has}`, c.not && `not ${c.not}`].filter(Boolean).join(', ');
    it(`${c.source}  →  '${c.target}' ${expectation}`, async () => {
      const { tokens } = await tokenize(c.source);
      const start = locate(c.source, c.target, c.nth ?? 0);
      const covering = tokensAt(tokens, 0, start, start + c.target.length);
      expect(covering.length).toBeGreaterThan(0);
      for (const t of covering) {
        const shown = `${JSON.stringify(t.text)}: ${t.scopes.join(' ')}`;
        if (c.has)
          expect(
            t.scopes.some((s) => s.startsWith(c.has!)),
            shown,
          ).toBe(true);
        if (c.not)
          expect(
            t.scopes.some((s) => s.startsWith(c.not!)),
            shown,
          ).toBe(false);
      }
    });
  }
});

describe('grammar data', () => {
  const grammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as {
    scopeName: string;
    repository: Record<string, { patterns?: { match?: string }[] }>;
  };
  const alternation = (regex: string | undefined) => {
    const m = /\((?:\?:)?([A-Za-z_|]+)\)/.exec(regex ?? '');
    return new Set((m?.[1] ?? '').split('|'));
  };

  it('is the source.ml grammar', () => {
    expect(grammar.scopeName).toBe('source.ml');
  });
  it('colours exactly the builtin functions of the stdlib catalogue', () => {
    expect(alternation(grammar.repository.call?.patterns?.[0]?.match)).toEqual(new Set(BUILTIN_NAMES));
  });
  it('colours exactly the stdlib module names', () => {
    expect(alternation(grammar.repository['module-member']?.patterns?.[0]?.match)).toEqual(
      new Set(STDLIB_MODULE_NAMES),
    );
  });
});
