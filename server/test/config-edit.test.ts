// Adding a capability to mlpy.yaml as text: each list style and each place the grant can live, and
// the cases where no safe edit exists. Checked by re-reading the edited file with the config loader.
import { parseMlpyConfig } from '@mlsec/grammar';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { addCapabilityEdit, yamlScalar } from '../src/config-edit.js';

function apply(text: string, profile: string | null, capability: string): { text: string; where: string } | undefined {
  const found = addCapabilityEdit(text, parseMlpyConfig(text).config, profile, capability);
  if (!found) return undefined;
  return {
    text: TextDocument.applyEdits(TextDocument.create('file:///mlpy.yaml', 'yaml', 1, text), [found.edit]),
    where: found.where,
  };
}

const CASES: {
  name: string;
  text: string;
  profile: string | null;
  capability: string;
  expected: string | undefined;
  where?: string;
}[] = [
  {
    name: 'flow profile',
    text: 'security:\n  capability_profiles:\n    web: [http:get:https://a.example/**]\n',
    profile: 'web',
    capability: 'file:read:data/**',
    expected: 'security:\n  capability_profiles:\n    web: [http:get:https://a.example/**, file:read:data/**]\n',
    where: "profile 'web'",
  },
  {
    name: 'empty flow profile',
    text: 'security:\n  capability_profiles:\n    web: []\n',
    profile: 'web',
    capability: 'env:read:HOME',
    expected: 'security:\n  capability_profiles:\n    web: [env:read:HOME]\n',
  },
  {
    name: 'block profile keeps its indentation',
    text: 'security:\n  capability_profiles:\n    web:\n    - console:write\n',
    profile: 'web',
    capability: 'file:write:out/**',
    expected: 'security:\n  capability_profiles:\n    web:\n    - console:write\n    - file:write:out/**\n',
  },
  {
    name: 'existing default_capabilities',
    text: 'security:\n  default_capabilities:\n    - console:write\n  analysis_level: strict\n',
    profile: null,
    capability: 'math:*',
    expected: 'security:\n  default_capabilities:\n    - console:write\n    - math:*\n  analysis_level: strict\n',
    where: 'default_capabilities',
  },
  {
    name: 'default_capabilities added under an existing security section',
    text: '# config\nsecurity:\n    analysis_level: strict\n',
    profile: null,
    capability: 'env:read:HOME',
    expected:
      '# config\nsecurity:\n    default_capabilities: [console:*, math:*, regex:*, json:*, collections:*, functional:*, datetime:*, random:*, crypto:*, log:*, args:*, env:read:HOME]\n    analysis_level: strict\n',
  },
  {
    name: 'a security section added to a file without one',
    text: 'sandbox:\n  max_memory_mb: 64',
    profile: null,
    capability: 'env:read:HOME',
    expected:
      'sandbox:\n  max_memory_mb: 64\nsecurity:\n  default_capabilities: [console:*, math:*, regex:*, json:*, collections:*, functional:*, datetime:*, random:*, crypto:*, log:*, args:*, env:read:HOME]\n',
  },
  {
    name: 'unknown profile',
    text: 'security:\n  analysis_level: strict\n',
    profile: 'web',
    capability: 'math:*',
    expected: undefined,
  },
  {
    name: 'a security section in flow style',
    text: 'security: {analysis_level: strict}\n',
    profile: null,
    capability: 'math:*',
    expected: undefined,
  },
];

describe('adding a capability to mlpy.yaml', () => {
  test.each(CASES)('$name', ({ text, profile, capability, expected, where }) => {
    const result = apply(text, profile, capability);
    expect(result?.text).toBe(expected);
    if (where) expect(result?.where).toBe(where);
    if (result) {
      const reread = parseMlpyConfig(result.text);
      expect(reread.diagnostics).toEqual([]);
      const security = reread.config.security;
      const granted = profile ? security.profiles.get(profile)!.capabilities : security.defaultCapabilities!;
      expect(granted.map((c) => c.value)).toContain(capability);
    }
  });

  test.each([
    ['file:read:data/**', 'file:read:data/**'],
    ['http:get:https://api.example.com/**', 'http:get:https://api.example.com/**'],
    ['database:query:customers,orders', '"database:query:customers,orders"'],
    ['file:read:my data/x.csv', '"file:read:my data/x.csv"'],
    ['*:*:**', '"*:*:**"'],
  ])('%s is written as %s', (capability, scalar) => {
    expect(yamlScalar(capability)).toBe(scalar);
  });
});
