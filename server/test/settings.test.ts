// Settings from clients are validated field by field: malformed values fall back to the defaults,
// unknown keys are ignored, and nothing a client sends can throw.
import { DEFAULT_ML_SETTINGS } from '@mlsec/grammar';
import { describe, expect, test } from 'vitest';
import { normalizeSettings } from '../src/settings.js';

describe('normalizeSettings', () => {
  test.each([
    ['nothing', undefined, DEFAULT_ML_SETTINGS],
    ['null', null, DEFAULT_ML_SETTINGS],
    ['an array', [1, 2], DEFAULT_ML_SETTINGS],
    [
      'every field',
      {
        profile: ' web ',
        capabilities: { allow: ['env:read:HOME'], deny: ['file:write:**'] },
        security: { analysisLevel: 'strict' },
        codeLens: { enabled: false },
      },
      {
        profile: 'web',
        capabilities: { allow: ['env:read:HOME'], deny: ['file:write:**'] },
        security: { analysisLevel: 'strict' },
        codeLens: { enabled: false },
      },
    ],
    [
      'wrong types and unknown values',
      {
        profile: 3,
        capabilities: { allow: 'x', deny: [1, '', 'ok:*'] },
        security: { analysisLevel: 'paranoid' },
        codeLens: { enabled: 'yes' },
        extra: true,
      },
      { ...DEFAULT_ML_SETTINGS, capabilities: { allow: [], deny: ['ok:*'] } },
    ],
    ['an empty profile', { profile: '  ' }, DEFAULT_ML_SETTINGS],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeSettings(raw)).toEqual(expected);
  });
});
