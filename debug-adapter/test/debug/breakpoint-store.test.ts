// The breakpoint model without a program running: hit-condition syntax, placement on executable
// lines of a file compiled from disk, ids kept across updates (so hit counts survive), and the
// agent configuration built for the run's units.
import { describe, expect, it } from 'vitest';
import { BreakpointStore, parseHitCondition } from '../../src/debug/runtime/breakpoints.js';
import { UnitCatalog } from '../../src/debug/runtime/units.js';
import { auditLine } from '../../src/debug/runtime/host-scopes.js';
import { fixture, markerLine } from './dap-client.js';

describe('hit conditions', () => {
  it.each([
    ['>= 3', { op: '>=', n: 3 }],
    ['>3', { op: '>', n: 3 }],
    ['% 2', { op: '%', n: 2 }],
    ['== 5', { op: '==', n: 5 }],
    ['=5', { op: '==', n: 5 }],
    ['===5', { op: '==', n: 5 }],
    [' 5 ', { op: '==', n: 5 }],
    ['< 4', { op: '<', n: 4 }],
    ['<= 4', { op: '<=', n: 4 }],
    ['often', null],
    ['>= x', null],
    ['', null],
  ])('%j', (text, parsed) => {
    expect(parseHitCondition(text)).toEqual(parsed);
  });
});

describe('placement and ids', () => {
  const stats = fixture('lib/stats.ml');

  it('places on the first statement at or after the line; keeps ids of unchanged breakpoints', () => {
    const store = new BreakpointStore();
    const catalog = new UnitCatalog(fixture(''));
    const first = store.setLines(stats, [{ line: 0 }, { line: markerLine(stats, 'mean') - 2 }], catalog);
    expect(first.map((b) => [b.verified, b.line])).toEqual([
      [true, 1],
      [true, markerLine(stats, 'mean') - 1],
    ]);
    const again = store.setLines(
      stats,
      [{ line: markerLine(stats, 'mean') - 2 }, { line: 2, condition: 'n > 1' }],
      catalog,
    );
    expect(again[0]!.id).toBe(first[1]!.id);
    expect(again[1]!.id).not.toBe(first[0]!.id);
  });

  it('a file that does not compile leaves its breakpoints unverified', () => {
    const store = new BreakpointStore();
    const [b] = store.setLines(fixture('missing.ml'), [{ line: 3 }], new UnitCatalog(fixture('')));
    expect(b).toMatchObject({ verified: false, message: expect.stringMatching(/cannot be compiled/) });
  });

  it('exception filters map to the agent configuration', () => {
    const store = new BreakpointStore();
    store.setExceptionFilters(['all', 'denied']);
    expect(store.agentConfig(new UnitCatalog(fixture(''))).exceptions).toEqual({
      all: true,
      uncaught: false,
      denied: true,
    });
  });
});

describe('audit entries', () => {
  const base = { time: 0, resource: 'file', operation: 'read', by: null, reason: null, enforced: true };
  it.each([
    [
      {
        ...base,
        capability: 'file:read:/d/x',
        result: 'GRANTED',
        file: 'm.ml',
        line: 3,
        column: 5,
        functionName: 'file.read',
      },
      'GRANTED file:read:/d/x (m.ml:3:5, file.read)',
    ],
    [
      {
        ...base,
        capability: 'math:compute',
        result: 'DENIED',
        file: null,
        line: null,
        column: null,
        functionName: null,
      },
      'DENIED math:compute',
    ],
    [
      {
        ...base,
        capability: 'env:read:HOME',
        result: 'DENIED',
        file: null,
        line: null,
        column: null,
        functionName: 'env.get',
        enforced: false,
      },
      'DENIED env:read:HOME (env.get) [audit only]',
    ],
  ] as const)('%j', (record, line) => {
    expect(auditLine(record as never)).toBe(line);
  });
});
