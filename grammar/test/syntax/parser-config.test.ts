// The parser's configuration: Chevrotain accepts the grammar (validations on), the hand-written fast
// paths produce exactly what the DSL rules produce, the analysis deferred to first use gives what
// Chevrotain's eager analysis gives, one instance is reused safely across documents, and the
// Chevrotain internals the parser relies on are still there.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse, parseWith, sharedParser } from '../../src/syntax/api.js';
import { lazily } from '../../src/syntax/parser-analysis.js';
import { MlParser } from '../../src/syntax/parser.js';
import { conformancePrograms, MALFORMED_DIR } from './helpers.js';
import { mutate, pick, prng, tokenSpans } from './mutate.js';

const dslOnly = new MlParser({ fastPaths: false });
const fast = new MlParser();
/** Chevrotain's stock analysis: validations, every lookahead function and follow set up front. */
const eagerDslOnly = new MlParser({ fastPaths: false, validate: true });

/** Chevrotain internals read by these tests (present in 11.x). */
interface Internals {
  resyncFollows: Record<string, unknown>;
  lookAheadFuncsCache: unknown;
}
const chevrotainOf = (parser: MlParser): Internals => parser as unknown as Internals;

function comparable(source: string, parser: MlParser): string {
  const r = parseWith(parser, source);
  return JSON.stringify({ program: r.program, diagnostics: r.diagnostics, tokens: r.tokens });
}

describe('parser configuration', () => {
  test('Chevrotain validates the grammar (no ambiguities, no left recursion)', () => {
    expect(() => new MlParser({ validate: true })).not.toThrow();
  });

  const malformed = readdirSync(MALFORMED_DIR)
    .filter((f) => f.endsWith('.ml'))
    .map((f): [string, string] => [f, readFileSync(MALFORMED_DIR + f, 'utf8')]);

  test.each([...conformancePrograms(), ...malformed])(
    'fast paths and deferred analysis match the eagerly analysed DSL rules on %s',
    (_name, source) => {
      const expected = comparable(source, eagerDslOnly);
      expect(comparable(source, dslOnly)).toBe(expected);
      expect(comparable(source, fast)).toBe(expected);
    },
  );

  test('fast paths and deferred analysis match the eagerly analysed DSL rules on 500 mutated programs', () => {
    const programs = conformancePrograms().map(([, s]) => ({ source: s, spans: tokenSpans(s) }));
    const r = prng(99);
    const mismatches: string[] = [];
    for (let i = 0; i < 500; i++) {
      const base = pick(r, programs);
      const source = mutate(r, mutate(r, base.source, base.spans), tokenSpans(base.source));
      const expected = comparable(source, eagerDslOnly);
      if (comparable(source, fast) !== expected || comparable(source, dslOnly) !== expected)
        mismatches.push(JSON.stringify(source));
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  test('the follow sets of error recovery are computed on the first recovery, equal to the eager ones', () => {
    const parser = new MlParser();
    expect(chevrotainOf(parser).resyncFollows).toEqual({});
    parseWith(parser, 'x = 1;\n');
    expect(chevrotainOf(parser).resyncFollows).toEqual({});
    expect(parseWith(parser, 'x = 1 +;\n').diagnostics.length).toBeGreaterThan(0);
    const eager = chevrotainOf(eagerDslOnly).resyncFollows;
    expect(Object.keys(eager).length).toBeGreaterThan(0);
    expect(chevrotainOf(parser).resyncFollows).toEqual(eager);
  });

  test('a deferred lookahead function builds once, then takes its place in the cache', () => {
    let builds = 0;
    const real = function (this: unknown, alts?: unknown[]): number {
      return alts === undefined ? -1 : alts.length;
    };
    const deferred = lazily(() => {
      builds++;
      return real;
    });
    const cache = new Map<number, unknown>([
      [1, () => 0],
      [2, deferred],
    ]);
    const parser = { lookAheadFuncsCache: cache };
    expect(deferred.call(parser, [{ ALT: () => 0 }, { ALT: () => 1 }])).toBe(2);
    expect(cache.get(2)).toBe(real);
    expect(deferred.call(parser)).toBe(-1);
    expect(builds).toBe(1);
  });

  test('parse() reuses one parser and no state leaks between documents', () => {
    expect(sharedParser()).toBe(sharedParser());
    expect(parse('x = (1;\nif (').diagnostics.length).toBeGreaterThan(0);
    const clean = parse('x = 1;');
    expect(clean.diagnostics).toEqual([]);
    expect(clean.program.body).toHaveLength(1);
  });

  test('Chevrotain internals used to limit repetition recovery are present', () => {
    const internals = sharedParser() as unknown as Record<string, unknown>;
    expect(typeof internals['attemptInRepetitionRecovery']).toBe('function');
    expect(typeof internals['fullRuleNameToShort']).toBe('object');
    expect(Array.isArray(internals['RULE_STACK'])).toBe(true);
  });

  test('Chevrotain internals used to defer the grammar analysis are present', () => {
    const parser = chevrotainOf(sharedParser());
    expect(parser.lookAheadFuncsCache).toBeInstanceOf(Map);
    expect(typeof parser.resyncFollows).toBe('object');
  });

  test('junk between statements is skipped once and parsing carries on', () => {
    const result = parse('x = 1;\n) ] )\ny = 2;\nfunction f() {\n  a = 1;\n  ) )\n  b = 2;\n}\n');
    expect(result.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['ML200', 1],
      ['ML200', 5],
    ]);
    expect(result.program.body.map((s) => s.kind)).toEqual(['AssignStmt', 'AssignStmt', 'FunctionDef']);
    const f = result.program.body[2];
    expect(f?.kind === 'FunctionDef' && f.body.body.length).toBe(2);
  });

  test('parse never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, {}, '\u0000\uffff\ud800', '"'.repeat(3)] as unknown as string[]) {
      expect(() => parse(input)).not.toThrow();
    }
  });
});
