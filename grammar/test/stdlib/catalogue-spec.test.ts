// Checks the stdlib catalogue against STDLIB.md itself: every function, parameter, capability,
// class and method the spec lists is present with the same shape, and nothing extra is invented.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_NAMES,
  STDLIB_MODULES,
  STDLIB_MODULE_NAMES,
  classMethods,
  lookupClass,
  lookupConstant,
  lookupFunction,
  parseParams,
} from '@mlsec/grammar';

const SHARED = '/work/shared/spec/STDLIB.md';
const SNAPSHOT = new URL('./STDLIB.snapshot.md', import.meta.url);
const text = readFileSync(existsSync(SHARED) ? SHARED : SNAPSHOT, 'utf8');
const lines = text.split('\n');

interface SpecRow {
  module: string;
  name: string;
  params: string;
  caps: string;
}
const rows: SpecRow[] = [];
for (const line of lines) {
  const m = /^\| `(\w+)\.(\w+)` \| `\((.*)\)` \| [^|]* \| ([^|]*) \|$/.exec(line);
  if (m) rows.push({ module: m[1]!, name: m[2]!, params: m[3]!, caps: m[4]!.trim() });
}

interface SpecClass {
  name: string;
  methods: { name: string; params: string }[];
}
const classes: SpecClass[] = [];
for (const line of lines) {
  const m = /^Class `(\w+)` methods:(.*)$/.exec(line);
  if (!m) continue;
  const methods = [...m[2]!.matchAll(/`(\w+)\(([^`]*)\)`/g)].map((x) => ({ name: x[1]!, params: x[2]! }));
  classes.push({ name: m[1]!, methods });
}

describe('catalogue matches STDLIB.md', () => {
  it('found the tables in the spec', () => {
    expect(rows.length).toBeGreaterThan(300);
    expect(classes.length).toBe(10);
    expect(STDLIB_MODULES.flatMap((m) => m.classes.map((c) => c.name)).sort()).toEqual(
      classes.map((c) => c.name).sort(),
    );
  });

  it.each(rows.map((r) => [`${r.module}.${r.name}`, r] as const))('%s', (_label, row) => {
    const spec = lookupFunction(row.module, row.name);
    expect(spec, `${row.module}.${row.name} missing`).toBeDefined();
    expect(spec!.params).toEqual(parseParams(row.params));
    const expectedCaps = row.caps === '—' ? [] : row.caps.split(/,\s*/);
    expect(spec!.capabilities.map((c) => c.text)).toEqual(expectedCaps);
    expect(spec!.pure).toBe(expectedCaps.length === 0);
    expect(spec!.description.length).toBeGreaterThan(5);
  });

  it('has no function the spec does not list', () => {
    const listed = new Set(rows.map((r) => `${r.module}.${r.name}`));
    const extra = STDLIB_MODULES.flatMap((m) => m.functions.map((f) => `${m.name}.${f.name}`)).filter(
      (n) => !listed.has(n),
    );
    expect(extra).toEqual([]);
  });

  it.each(classes.map((c) => [c.name, c] as const))('class %s', (_label, cls) => {
    const methods = classMethods(cls.name);
    expect(methods, `class ${cls.name} missing`).toBeDefined();
    expect(methods!.map((m) => m.name)).toEqual(cls.methods.map((m) => m.name));
    for (const [i, m] of cls.methods.entries()) expect(methods![i]!.params).toEqual(parseParams(m.params));
  });

  it('lists the methods on built-in values', () => {
    for (const line of lines) {
      const m = /^- (string|array|pair): `([^`]+)`/.exec(line);
      if (!m) continue;
      const names = m[2]!.split(/\s+/);
      expect(classMethods(m[1]!)!.map((x) => x.name)).toEqual(names);
      if (line.includes('`length`')) expect(lookupClass(m[1]!)!.properties.map((p) => p.name)).toEqual(['length']);
    }
    expect(lookupClass('object')!.methods).toEqual([]);
  });

  it('has the module constants and the derived name sets', () => {
    expect(lookupConstant('math', 'pi')!.value).toBe(String(Math.PI));
    expect(lookupConstant('math', 'e')!.value).toBe(String(Math.E));
    const modules = [...text.matchAll(/^### `(\w+)`$/gm)].map((m) => m[1]);
    expect([...STDLIB_MODULE_NAMES]).toEqual(modules);
    expect([...BUILTIN_NAMES]).toEqual(rows.filter((r) => r.module === 'builtin').map((r) => r.name));
  });
});
