// The pure modules against the stdlib catalogue: every catalogued function is implemented here unless
// it is listed below as a host bridge, nothing uncatalogued is exported, and class method tables
// match the catalogue's classes (plus a toString where the catalogue has none).
import { describe, expect, it } from 'vitest';
import { MLNative, type Value } from '../../src/runtime/values.js';
import { PURE_MODULE_FACTORIES, createPureModules } from '../../src/runtime/modules/index.js';
import { lookupClass, lookupModule } from '../../src/stdlib/index.js';
import { call, callMethod, testContext } from './context.js';

/** Catalogued functions that need the host (file system, network, clock-free host facts, argv). */
const HOST_BRIDGES: Readonly<Record<string, readonly string[]>> = {
  path: [
    'exists',
    'isFile',
    'isDirectory',
    'listDir',
    'glob',
    'walk',
    'createDir',
    'removeDir',
    'removeDirRecursive',
    'home',
    'tempDir',
  ],
  http: ['get', 'post', 'put', 'delete', 'patch', 'head', 'request'],
  crypto: ['hash_file'],
  csv: ['read', 'write', 'count_rows', 'get_headers', 'append'],
  args: ['all', 'script', 'rest'],
  log: ['add_file'],
};

const modules = createPureModules(testContext());

describe('pure modules follow the catalogue', () => {
  it.each([...PURE_MODULE_FACTORIES.keys()])('%s', (name) => {
    const spec = lookupModule(name)!;
    const mod = modules.get(name)!;
    const catalogued = [...spec.functions.map((f) => f.name), ...spec.constants.map((c) => c.name)];
    const bridged = HOST_BRIDGES[name] ?? [];
    expect(catalogued.filter((n) => !bridged.includes(n) && !mod.members.has(n))).toEqual([]);
    expect([...mod.members.keys()].filter((n) => !catalogued.includes(n))).toEqual([]);
    for (const n of bridged) expect(mod.members.has(n)).toBe(false);
    for (const [member, v] of mod.members) {
      if (typeof v === 'function') expect(v.mlName?.startsWith(`${name}.`), member).toBe(true);
    }
  });
});

const samples: [string, () => Value][] = [
  ['Pattern', () => call(modules.get('regex')!, 'compile', 'a')],
  ['Match', () => call(modules.get('regex')!, 'search', 'a', 'a')],
  ['DateTimeObject', () => call(modules.get('datetime')!, 'create', 2024, 1, 1)],
  ['Date', () => call(modules.get('datetime')!, 'createDate', 2024, 1, 1)],
  ['Time', () => call(modules.get('datetime')!, 'createTime', 1)],
  ['TimeDelta', () => call(modules.get('datetime')!, 'createDelta', 1)],
  ['ArgParser', () => call(modules.get('args')!, 'create_parser')],
  ['ParsedArgs', () => callMethod(call(modules.get('args')!, 'create_parser'), 'parse', [])],
  ['Logger', () => call(modules.get('log')!, 'create_logger', 'x')],
];

describe('stdlib classes follow the catalogue', () => {
  it.each(samples)('%s', (className, make) => {
    const obj = make() as MLNative;
    expect(obj.typeName).toBe(className);
    const catalogued = lookupClass(className)!.methods.map((m) => m.name);
    const mine = Object.keys(obj.methods);
    const bridged = className === 'Logger' ? ['add_file'] : [];
    expect(catalogued.filter((n) => !bridged.includes(n) && !mine.includes(n))).toEqual([]);
    expect(mine.filter((n) => !catalogued.includes(n) && n !== 'toString')).toEqual([]);
    expect(Object.getPrototypeOf(obj.methods)).toBe(null);
    expect(Object.isFrozen(obj.methods)).toBe(true);
  });

  it('methods refuse a foreign receiver', () => {
    const m = call(modules.get('regex')!, 'search', 'a', 'a') as MLNative;
    const group = m.methods.group!;
    expect(() => group.call(call(modules.get('regex')!, 'compile', 'a'))).toThrow();
  });
});
