// The idle collector: one collection after a burst of analyses and a quiet period, none otherwise.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleCollector, v8Collector } from '../src/idle-collector.js';

/** `work N`: N documents analysed; `idle`: the queue ran dry; `wait MS`: time passes. */
type Step = ['work', number] | ['idle'] | ['wait', number];

const typing: Step[] = Array.from({ length: 19 }, () => [['work', 1], ['idle'], ['wait', 5000]] as Step[]).flat();

const cases: [string, Step[], number][] = [
  ['a burst, then quiet: one collection', [['work', 20], ['idle'], ['wait', 1000]], 1],
  ['a burst, not yet quiet long enough', [['work', 20], ['idle'], ['wait', 999]], 0],
  ['fewer analyses than a burst, however quiet, never collect', typing, 0],
  [
    'work resuming cancels the pending collection',
    [['work', 25], ['idle'], ['wait', 500], ['work', 1], ['wait', 5000]],
    0,
  ],
  [
    '...and the queue running dry again schedules it anew',
    [['work', 25], ['idle'], ['wait', 500], ['work', 1], ['idle'], ['wait', 1000]],
    1,
  ],
  [
    'the count starts again after a collection',
    [['work', 20], ['idle'], ['wait', 1000], ['work', 5], ['idle'], ['wait', 5000]],
    1,
  ],
  ['idle twice schedules once', [['work', 30], ['idle'], ['idle'], ['wait', 3000]], 1],
];

describe('IdleCollector', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each(cases)('%s', (_name, steps, expected) => {
    const collect = vi.fn();
    const collector = new IdleCollector({ delayMs: 1000, burst: 20, collect });
    for (const step of steps) {
      if (step[0] === 'work') for (let i = 0; i < step[1]; i++) collector.workDone();
      else if (step[0] === 'idle') collector.idle();
      else vi.advanceTimersByTime(step[1]);
    }
    expect(collect).toHaveBeenCalledTimes(expected);
  });
});

describe('v8Collector', () => {
  it("gets V8's collector in this Node and it runs", () => {
    const collect = v8Collector();
    expect(collect).toBeTypeOf('function');
    expect(() => collect!()).not.toThrow();
  });
});
