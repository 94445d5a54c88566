// random module: after setSeed(n) the draws equal CPython's random.Random(n) (MT19937, same seeding
// and derived algorithms); without a seed the first seed comes from the context.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/runtime/values.js';
import { createRandomModule } from '../../src/runtime/modules/random/module.js';
import { call, outcome, testContext } from './context.js';

const seeded = (seed: Value) => {
  const m = createRandomModule(testContext());
  call(m, 'setSeed', seed);
  return (name: string, ...args: Value[]) => call(m, name, ...args);
};

const cases: [string, () => Value, string][] = [
  [
    'seed 42 sequence',
    () => {
      const r = seeded(42);
      return [
        r('random'),
        r('randomInt', 0, 100),
        r('nextInt'),
        r('uniform', 1, 2),
        r('gaussian', 0, 1),
        r('gaussian'),
        r('randomNormal', 0, 1),
        r('triangular', 0, 10, 3),
      ];
    },
    '[0.6394267984578837, 3, 3184935163, 1.2750293183691193, 0.2735990065583831, 1.610071094463357, 2.811460417586422, 1.6149814175037693]',
  ],
  [
    'shuffle, sample, choice',
    () => {
      const r = seeded(42);
      return [
        r('shuffle', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
        r('randomIndices', 100, 5),
        r('sample', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], 3),
        r('choice', [1, 2, 3]),
      ];
    },
    "[[7, 3, 2, 8, 5, 6, 9, 4, 0, 1], [75, 54, 4, 3, 11], ['d', 'j', 'a'], 3]",
  ],
  [
    'big ranges',
    () => {
      const r = seeded(7);
      return [r('randomInt', 0, 2n ** 60n), r('random_int', 0, 10n ** 20n - 1n)];
    },
    '[910400992860572983, 890727360438182992]',
  ],
  [
    'large populations use the set algorithm',
    () => {
      const r = seeded(3);
      return [r('random_indices', 10 ** 9, 4), r('randomIndices', 30, 10)];
    },
    '[[255512575, 636343332, 584361682, 140040410], [11, 19, 15, 20, 18, 2, 28, 0, 27, 8]]',
  ],
  [
    'bools and ranges',
    () => {
      const r = seeded(1);
      return [
        r('randomBool'),
        r('random_bool'),
        r('randomBool'),
        r('randomBool'),
        r('randomBool'),
        r('triangular', 2, 5),
        r('randomFloat', -1, 1),
      ];
    },
    '[True, False, False, True, True, 3.422220022200968, 0.3031859454455259]',
  ],
  [
    'other seeds',
    () => [0, -5, 2 ** 40 + 3, true].map((s) => seeded(s)('random')),
    '[0.8444218515250481, 0.6229016948897019, 0.21978710637116716, 0.13436424411240122]',
  ],
  [
    'getSeed',
    () => {
      const r = seeded(99);
      r('random');
      return r('get_seed');
    },
    '99',
  ],
  [
    'shuffle copies',
    () => {
      const r = seeded(5);
      const xs = [1, 2, 3];
      r('shuffle', xs);
      return xs;
    },
    '[1, 2, 3]',
  ],
  ['empty range', () => seeded(1)('randomInt', 5, 1), 'ValueError: empty range for randrange() (5, 2, -3)'],
  ['empty choice', () => seeded(1)('choice', []), 'IndexError: Cannot choose from an empty sequence'],
  ['sample too large', () => seeded(1)('sample', [1], 2), 'ValueError: Sample larger than population or is negative'],
  [
    'weighted bool range',
    () => seeded(1)('randomBoolWeighted', 1.5),
    'ValueError: probability must be between 0 and 1',
  ],
  [
    'weighted extremes',
    () => {
      const r = seeded(1);
      return [r('randomBoolWeighted', 0), r('randomBoolWeighted', 1)];
    },
    '[False, True]',
  ],
  [
    'seed must be an int',
    () => seeded('abc'),
    'TypeError: The only supported seed types are: None, int, float, str, bytes, and bytearray (int expected, got str)',
  ],
];

describe('random module', () => {
  it.each(cases)('%s', (_name, f, expected) => {
    expect(outcome(f)).toBe(expected);
  });

  it('takes its first seed from the context, and repeats with the same context', () => {
    const a = createRandomModule(testContext());
    const b = createRandomModule(testContext());
    expect(call(a, 'getSeed')).toBe(call(b, 'getSeed'));
    expect([call(a, 'random'), call(a, 'nextInt')]).toEqual([call(b, 'random'), call(b, 'nextInt')]);
  });
});
