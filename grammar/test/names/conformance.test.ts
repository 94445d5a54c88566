// Every conformance program parses and resolves with zero diagnostics, and every identifier in a
// name position gets an occurrence with a symbol (what definition/references/rename rely on).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importBindingIdentifier, parse, resolve, walk, type Identifier, type Program } from '@mlsec/grammar';

const dir = fileURLToPath(new URL('../../../test/conformance/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ml'))
  .sort();

/** Identifiers that are keys, member names, annotations, module path parts or capability names. */
function nonNameIdentifiers(program: Program): Set<Identifier> {
  const skip = new Set<Identifier>();
  walk(program, (node) => {
    if (node.kind === 'MemberExpr') skip.add(node.property);
    else if (node.kind === 'ObjectProperty' && node.key.kind === 'Identifier') skip.add(node.key);
    else if (node.kind === 'Parameter' && node.annotation) skip.add(node.annotation);
    else if (node.kind === 'CapabilityDecl') skip.add(node.name);
    else if (node.kind === 'ImportStmt') {
      const bound = importBindingIdentifier(node);
      for (const part of node.path) if (part !== bound) skip.add(part);
    }
  });
  return skip;
}

describe('conformance programs resolve cleanly', () => {
  test('the folder is not empty', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  test.each(files)('%s', (file) => {
    const parsed = parse(readFileSync(dir + file, 'utf8'));
    expect(parsed.diagnostics).toEqual([]);
    const resolution = resolve(parsed.program);
    expect(resolution.diagnostics).toEqual([]);
    const skip = nonNameIdentifiers(parsed.program);
    const missing: string[] = [];
    walk(parsed.program, (node) => {
      if (node.kind === 'Identifier' && !skip.has(node) && !resolution.occurrenceOf(node)) {
        missing.push(`${node.name}@${node.range.start.line + 1}:${node.range.start.column + 1}`);
      }
    });
    expect(missing).toEqual([]);
    // Each occurrence is listed by its symbol, and found again by position.
    for (const symbol of resolution.symbols) {
      for (const o of symbol.occurrences) expect(resolution.symbolAt(o.identifier.range.start.offset)).toBe(symbol);
    }
  });
});
