// Checks snippets/ml.json: well-formed entries, the required set, and that every snippet expanded with
// its default placeholder values is coloured by the grammar as ML (keyword first, nothing invalid).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STDLIB_MODULE_NAMES } from '@mlsec/grammar';
import { tokenize } from './tokenize.js';

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

const snippetPath = fileURLToPath(new URL('../../snippets/ml.json', import.meta.url));
const snippets = JSON.parse(readFileSync(snippetPath, 'utf8')) as Record<string, Snippet>;

/** Replaces `${1:text}` by its text, `${1|a,b|}` by its first choice and bare `$1` by nothing. */
function expand(body: string[]): string {
  let text = body.join('\n');
  let previous = '';
  while (previous !== text) {
    previous = text;
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
  }
  return text.replace(/\$\d+/g, '');
}

const firstWord = (text: string) => /^[A-Za-z_]+/.exec(text)?.[0] ?? '';

describe('snippets', () => {
  it('are well formed with unique prefixes', () => {
    const entries = Object.values(snippets);
    expect(entries.length).toBeGreaterThan(0);
    for (const s of entries) {
      expect(typeof s.prefix).toBe('string');
      expect(typeof s.description).toBe('string');
      expect(s.body.length).toBeGreaterThan(0);
      for (const line of s.body) expect(typeof line).toBe('string');
    }
    const prefixes = entries.map((s) => s.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('cover the required constructs', () => {
    const starts = new Set(Object.values(snippets).map((s) => s.body.join('\n')));
    const has = (re: RegExp) => [...starts].some((b) => re.test(b));
    expect(has(/^function /)).toBe(true);
    expect(has(/^fn\(.*\) => /)).toBe(true);
    expect(has(/^if \(.*\} elif \(.*\} else \{/s)).toBe(true);
    expect(has(/^for \(.* in /)).toBe(true);
    expect(has(/^while \(/)).toBe(true);
    expect(has(/^try \{.*\} except \(.*\} finally \{/s)).toBe(true);
    expect(has(/^capability .*resource .*allow /s)).toBe(true);
    expect(has(/^import /)).toBe(true);
  });

  it('offer exactly the stdlib modules in the import choice', () => {
    const body =
      Object.values(snippets)
        .find((s) => s.prefix === 'import')
        ?.body.join('') ?? '';
    const choice = /\$\{1\|([^|]*)\|\}/.exec(body)?.[1] ?? '';
    expect(new Set(choice.split(','))).toEqual(new Set(STDLIB_MODULE_NAMES));
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`"${name}" expands to ML the grammar colours as such`, async () => {
      const text = expand(s.body);
      expect(text).not.toMatch(/\$/);
      const { tokens } = await tokenize(text);
      const all = tokens.flat();
      const invalid = all.filter((t) => t.scopes.some((sc) => sc.startsWith('invalid')));
      expect(invalid.map((t) => t.text)).toEqual([]);
      const first = all.find((t) => t.text === firstWord(text));
      expect(
        first?.scopes.some((sc) => sc.startsWith('keyword')),
        `${text}\n${JSON.stringify(first)}`,
      ).toBe(true);
    });
  }
});
