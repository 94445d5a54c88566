// Capability templates turned into concrete requirements for calls with known or unknown arguments.
import { describe, expect, it } from 'vitest';
import {
  STDLIB_MODULES,
  argumentsFromValues,
  formatRequired,
  globBase,
  instantiateCapabilities,
  lookupFunction,
  requiredCapabilityTemplates,
} from '@mlsec/grammar';

const cases: [string, string, unknown[], string[]][] = [
  ['file', 'read', ['data/x.csv'], ['file:read:data/x.csv']],
  ['file', 'read', [42], ['file:read:<path>']],
  ['file', 'copy', ['a.txt', 'b.txt'], ['file:read:a.txt', 'file:write:b.txt']],
  ['file', 'move', ['a', 'b'], ['file:read:a', 'file:write:b', 'file:delete:a']],
  ['path', 'listDir', [], ['path:read:.']],
  ['path', 'glob', ['data/*.csv'], ['path:read:data']],
  ['path', 'glob', ['/srv/x/**/*.txt'], ['path:read:/srv/x']],
  ['http', 'request', [{ method: 'POST', url: 'https://a.example/x' }], ['http:post:https://a.example/x']],
  ['http', 'request', [new Map([['url', 'https://a.example/']])], ['http:get:https://a.example/']],
  ['http', 'request', [{ method: 7, url: 'https://a.example/' }], ['http:<method>:<url>']],
  ['http', 'get', ['https://a.example/'], ['http:get:https://a.example/']],
  ['env', 'all', [], ['env:read:*']],
  ['env', 'get', ['HOME'], ['env:read:HOME']],
  ['crypto', 'hash_file', ['f.bin'], ['crypto:hash', 'file:read:f.bin']],
  ['csv', 'append', ['t.csv', []], ['file:read:t.csv', 'file:write:t.csv']],
  ['math', 'sqrt', [4], ['math:compute']],
  ['builtin', 'print', ['x'], []],
];

describe('instantiateCapabilities', () => {
  it.each(cases)('%s.%s(%j)', (mod, name, args, expected) => {
    const spec = lookupFunction(mod, name)!;
    const got = instantiateCapabilities(spec, argumentsFromValues(args)).map(formatRequired);
    expect(got).toEqual(expected);
  });

  it('knows which argument supplies every placeholder target', () => {
    for (const mod of STDLIB_MODULES) {
      for (const f of mod.functions) {
        for (const t of f.capabilities) {
          if (t.targetKind === 'none' || t.fixedTarget !== undefined) continue;
          expect(t.targetArg, `${mod.name}.${f.name} ${t.text}`).toBeDefined();
          const param = f.params[t.targetArg!]!;
          expect([
            'path',
            'file_path',
            'source',
            'destination',
            'dir_path',
            'pattern',
            'url',
            'key',
            'options',
          ]).toContain(param.name);
        }
      }
    }
  });

  it('returns templates by module and name', () => {
    expect(
      requiredCapabilityTemplates('file', 'copy')!.map((t) => [t.resource, t.operation, t.targetArg, t.targetKind]),
    ).toEqual([
      ['file', 'read', 0, 'path'],
      ['file', 'write', 1, 'path'],
    ]);
    expect(requiredCapabilityTemplates('nope', 'x')).toBeUndefined();
    expect(requiredCapabilityTemplates('json', 'isNull')).toEqual([]);
  });

  it.each([
    ['data/*.csv', 'data'],
    ['*.txt', '.'],
    ['/a/b/**', '/a/b'],
    ['/x', '/'],
    ['a/b/c.txt', 'a/b'],
    ['a/[bc]/d', 'a'],
  ])('globBase(%s) = %s', (pattern, base) => {
    expect(globBase(pattern)).toBe(base);
  });
});
