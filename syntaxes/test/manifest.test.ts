// Checks the root package.json's grammar and snippet contributions point at the files in this repo.
// Reads the manifest only; other keys of package.json belong to other parts of the extension.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes?: {
    languages?: { id: string }[];
    grammars?: { language: string; scopeName: string; path: string }[];
    snippets?: { language: string; path: string }[];
  };
};

describe('extension manifest', () => {
  it('contributes the source.ml grammar for the ml language', () => {
    const grammars = manifest.contributes?.grammars ?? [];
    expect(grammars).toHaveLength(1);
    const g = grammars[0]!;
    expect(g.language).toBe('ml');
    expect(manifest.contributes?.languages?.some((l) => l.id === g.language)).toBe(true);
    const file = path.join(root, g.path);
    expect(existsSync(file)).toBe(true);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { scopeName: string }).scopeName).toBe(g.scopeName);
    expect(g.scopeName).toBe('source.ml');
  });

  it('contributes the ml snippets', () => {
    const snippets = manifest.contributes?.snippets ?? [];
    expect(snippets.map((s) => s.language)).toEqual(['ml']);
    expect(existsSync(path.join(root, snippets[0]!.path))).toBe(true);
  });
});
