// "Grant and re-run" into mlpy.yaml: each fixture is an input file, the profile and capability to add
// (cases.json) and the expected file after the edit; comments and layout must survive.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addToProfile, yamlScalar } from '../src/run/profile-edit.js';

const dir = new URL('./fixtures/profile-edit/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const cases = JSON.parse(read('cases.json')) as {
  name: string;
  profile: string;
  capability: string;
  present?: boolean;
}[];

function applied(text: string, profile: string, capability: string): string {
  const result = addToProfile(text, profile, capability);
  if (result.kind !== 'edit') throw new Error(`expected an edit, got ${JSON.stringify(result)}`);
  const { start, end, text: insert } = result.edit;
  return text.slice(0, start) + insert + text.slice(end);
}

describe('addToProfile', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.capability} → ${c.profile}${c.present ? ' (already there)' : ''}`, () => {
      const input = read(`${c.name}.yaml`);
      if (c.present) {
        expect(addToProfile(input, c.profile, c.capability)).toEqual({ kind: 'present' });
        return;
      }
      expect(applied(input, c.profile, c.capability)).toBe(read(`${c.name}.expected.yaml`));
    });
  }

  it('refuses files it cannot edit safely', () => {
    expect(addToProfile('security: [oops', 'web', 'console:write').kind).toBe('error');
    expect(addToProfile('- a\n- b\n', 'web', 'console:write')).toEqual({
      kind: 'error',
      message: 'mlpy.yaml is not a mapping',
    });
    expect(addToProfile('security:\n  capability_profiles:\n    web: console:write\n', 'web', 'x:y')).toEqual({
      kind: 'error',
      message: "profile 'web' in mlpy.yaml is not a list",
    });
  });
});

describe('yamlScalar', () => {
  const table: [string, string][] = [
    ['file:read:data/**', 'file:read:data/**'],
    ['env:read:APP_*', 'env:read:APP_*'],
    ['!file:write:**', '"!file:write:**"'],
    ['*:*:**', '"*:*:**"'],
    ['file:read:/data/a b.csv', '"file:read:/data/a b.csv"'],
    ['file:read:x#y', '"file:read:x#y"'],
  ];
  for (const [input, expected] of table) it(input, () => expect(yamlScalar(input)).toBe(expected));
});
