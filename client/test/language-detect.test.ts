// Telling ML from OCaml by content: every shipped example and conformance program is ML; the OCaml
// fixtures are not; empty files are not claimed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeMl } from '../src/language-detect.js';

const root = new URL('../../', import.meta.url);
const mlFiles = (dir: string): URL[] =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith('.ml'))
    .map((f) => new URL(`${dir}${f}`, root));
const fixtures = new URL('./fixtures/detect/', import.meta.url);
const verdicts: Record<string, boolean> = {
  'ocaml_list.ml': false,
  'ocaml_module.ml': false,
  'ml_closure.ml': true,
  'ml_comment_only.ml': true,
  'empty.ml': false,
};

describe('looksLikeMl', () => {
  for (const [name, expected] of Object.entries(verdicts)) {
    it(`${name} → ${expected ? 'ML' : 'not ML'}`, () => {
      expect(looksLikeMl(readFileSync(new URL(name, fixtures), 'utf8'))).toBe(expected);
    });
  }

  it('recognises every example and conformance program', () => {
    const files = [...mlFiles('examples/'), ...mlFiles('test/conformance/')];
    expect(files.length).toBeGreaterThan(20);
    const missed = files.filter((f) => !looksLikeMl(readFileSync(f, 'utf8'))).map((f) => f.pathname);
    expect(missed).toEqual([]);
  });
});
