// The analysis's offset table answers exactly what the resolution answers, for every identifier of
// every security fixture and of truncations of them (error recovery copies nodes, sharing offsets).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { forEachChild, parse, resolve, type Node } from '@mlsec/grammar';
import { expect, test } from 'vitest';
import { SymbolIndex } from '../../src/analysis/symbol-index.js';

const root = fileURLToPath(new URL('../fixtures/security/', import.meta.url));
const fixtures = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ml'))
  .sort()
  .map((f) => readFileSync(root + f, 'utf8'));

function identifiers(node: Node, out: Node[]): Node[] {
  if (node.kind === 'Identifier') out.push(node);
  forEachChild(node, (child) => identifiers(child, out));
  return out;
}

test('SymbolIndex.symbolOf is Resolution.symbolOf for every identifier', () => {
  expect(fixtures.length).toBeGreaterThan(100);
  let checked = 0;
  let found = 0;
  for (const full of fixtures) {
    for (const text of [full, full.slice(0, Math.floor(full.length / 2)), full.slice(0, Math.floor(full.length / 3))]) {
      const { program } = parse(text);
      const resolution = resolve(program);
      const index = new SymbolIndex(resolution);
      for (const id of identifiers(program, [])) {
        if (id.kind !== 'Identifier') continue;
        const expected = resolution.symbolOf(id);
        expect(index.symbolOf(id)).toBe(expected);
        checked++;
        if (expected) found++;
      }
    }
  }
  expect(found).toBeGreaterThan(1000);
  expect(checked).toBeGreaterThan(found);
});
