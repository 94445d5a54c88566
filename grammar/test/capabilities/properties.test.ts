// Property tests of the matcher and contexts (fast-check): agreement with an independent regex
// oracle, denials win, children never exceed parents, `*` stays in a segment, `..` and `.` are
// resolved before matching and never leave a granted folder, and matching work is bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CapabilityContext, compileGlob, matchGlob } from '@mlsec/grammar';

const RUNS = { numRuns: 300, seed: 20240611 };

const segmentPattern = fc.oneof(
  fc.constantFrom('a', 'b', 'ab', 'x.csv', 'data'),
  fc.constantFrom('*', '*.csv', 'a*', '*b', 'a*b', '?', 'a?', '[ab]', '[!a]*', '[a-c]?'),
  fc.constant('**'),
);
const globPattern = fc.array(segmentPattern, { minLength: 0, maxLength: 5 }).map((s) => '/' + s.join('/'));
const pathSegment = fc.constantFrom('a', 'b', 'ab', 'ba', 'x.csv', 'data', 'c', 'aab', 'abb');
const path = fc.array(pathSegment, { minLength: 0, maxLength: 6 }).map((s) => '/' + s.join('/'));

/** Independent oracle: the glob as a backtracking regular expression over the whole path. */
function oracle(pattern: string, target: string): boolean {
  const segments = pattern === '/' ? [] : pattern.slice(1).split('/');
  let re = '^';
  for (const s of segments) {
    if (s === '**') {
      re += '(?:/[^/]+)*';
      continue;
    }
    re += '/';
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === '*') re += '[^/]*';
      else if (ch === '?') re += '[^/]';
      else if (ch === '[') {
        const end = s.indexOf(']', i + 2);
        const body = s.slice(i + 1, end);
        re += body.startsWith('!') ? `(?!/)[^${body.slice(1)}]` : `[${body}]`;
        i = end;
      } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
    }
  }
  if (segments.length === 0) re += '/?';
  return new RegExp(re + '$').test(target === '/' && segments.length > 0 ? '' : target);
}

function context(grants: string[], denials: string[] = []): CapabilityContext {
  const ctx = CapabilityContext.create({ root: '/' }).context!;
  for (const g of grants) ctx.grant(`file:read:${g}`);
  for (const d of denials) ctx.deny(`file:read:${d}`);
  return ctx;
}
const granted = (ctx: CapabilityContext, p: string): boolean =>
  ctx.check({ resource: 'file', operation: 'read', target: p }).decision === 'GRANTED';

describe('matcher properties', () => {
  it('agrees with a regex oracle', () => {
    fc.assert(
      fc.property(globPattern, path, (pattern, target) => {
        const g = compileGlob(pattern);
        expect(g.ok).toBe(true);
        if (g.ok) expect(matchGlob(g.glob, target)).toBe(oracle(pattern, target));
      }),
      RUNS,
    );
  });

  it('a denial always wins', () => {
    fc.assert(
      fc.property(fc.array(globPattern, { maxLength: 4 }), globPattern, path, (grants, denial, target) => {
        const ctx = context(grants, [denial]);
        if (granted(context([denial]), target)) expect(granted(ctx, target)).toBe(false);
        if (granted(ctx, target)) expect(granted(context(grants), target)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a child context never exceeds its parent', () => {
    fc.assert(
      fc.property(
        fc.array(globPattern, { maxLength: 3 }),
        fc.array(globPattern, { maxLength: 3 }),
        fc.constantFrom('extend', 'restrict'),
        path,
        (parentGrants, childGrants, mode, target) => {
          const parent = context(parentGrants);
          const { context: child } = parent.createChild(
            childGrants.map((g) => `file:read:${g}`),
            { mode: mode as 'extend' | 'restrict' },
          );
          if (granted(child, target)) expect(granted(parent, target)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('`*` never matches `/`', () => {
    const noGlobstar = fc
      .array(
        segmentPattern.filter((s) => s !== '**'),
        { minLength: 1, maxLength: 4 },
      )
      .map((s) => '/' + s.join('/'));
    fc.assert(
      fc.property(noGlobstar, path, (pattern, target) => {
        const g = compileGlob(pattern);
        if (!g.ok) return;
        const segments = target === '/' ? 0 : target.split('/').length - 1;
        if (matchGlob(g.glob, target)) expect(segments).toBe(g.glob.segments.length);
      }),
      RUNS,
    );
  });

  it('`x/..` and `.` are resolved before matching', () => {
    const noisy = fc.array(fc.tuple(pathSegment, fc.constantFrom('', 'dot', 'detour', 'slash')), { maxLength: 6 });
    fc.assert(
      fc.property(globPattern, noisy, (pattern, parts) => {
        const clean = '/' + parts.map(([s]) => s).join('/');
        const dirty =
          '/' +
          parts
            .map(([s, noise]) =>
              noise === 'dot' ? `./${s}` : noise === 'detour' ? `zz/../${s}` : noise === 'slash' ? `${s}/` : s,
            )
            .join('/');
        const ctx = context([pattern]);
        expect(granted(ctx, dirty)).toBe(granted(ctx, clean));
      }),
      RUNS,
    );
  });

  it('`..` can never leave a granted folder', () => {
    const messy = fc
      .array(fc.constantFrom('..', '.', '', 'g', 'x', '%2e%2e', '..%2F..', 'a'), { maxLength: 8 })
      .map((s) => s.join('/'));
    fc.assert(
      fc.property(messy, fc.boolean(), (rel, absolute) => {
        const ctx = CapabilityContext.create({ root: '/g/h' }).context!;
        ctx.grant('file:read:/g/**');
        const r = ctx.check({ resource: 'file', operation: 'read', target: absolute ? `/g/${rel}` : rel });
        if (r.decision === 'GRANTED') expect(r.target === '/g' || r.target!.startsWith('/g/')).toBe(true);
      }),
      RUNS,
    );
  });

  it('matching work is bounded by segments × pattern size', () => {
    const adversarialSegment = fc.stringMatching(/^[ab]{1,40}$/);
    const adversarialPattern = fc
      .array(fc.constantFrom('**', '*a*a*b', 'a*', '*b*a*'), { minLength: 1, maxLength: 12 })
      .map((s) => '/' + s.join('/'));
    fc.assert(
      fc.property(
        adversarialPattern,
        fc.array(adversarialSegment, { minLength: 1, maxLength: 200 }),
        (pattern, segments) => {
          const g = compileGlob(pattern);
          if (!g.ok) return;
          const counter = { steps: 0 };
          matchGlob(g.glob, '/' + segments.join('/'), counter);
          const patternSize = pattern.length + 1;
          expect(counter.steps).toBeLessThanOrEqual((segments.length + 1) * patternSize * 41);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });
});
