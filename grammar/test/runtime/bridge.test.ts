// Host-bridged stdlib functions: arguments leave as plain data, results and errors come back as ML
// values, HTTP responses become HttpResponse objects, and nothing else can cross.
import { describe, expect, test } from 'vitest';
import { runML } from './harness.js';
import type { BridgeResult, BridgeValue } from '../../src/runtime/index.js';

const calls: [string, string, BridgeValue[]][] = [];

function bridge(module: string, fn: string, args: BridgeValue[]): BridgeResult {
  calls.push([module, fn, args]);
  switch (`${module}.${fn}`) {
    case 'file.read':
      return args[0] === '/data/a.txt'
        ? { ok: true, value: 'contents' }
        : { ok: false, kind: 'CapabilityError', message: `file:read:${String(args[0])} is not granted` };
    case 'file.size':
      return { ok: true, value: 42 };
    case 'file.modifiedTime':
      return { ok: true, value: { $float: 1700000000 } };
    case 'path.listDir':
      return { ok: true, value: ['a.txt', 'b.txt'] };
    case 'env.all':
      return { ok: true, value: { HOME: '/home/u', N: 1.5, nested: { list: [true, null] } } };
    case 'http.get':
      return {
        ok: true,
        value: {
          status: 200,
          statusText: 'OK',
          headers: { 'content-type': 'application/json' },
          body: '{"a": [1, 2.5]}',
        },
      };
    default:
      return { ok: false, kind: 'AttributeError', message: `no host function ${module}.${fn}` };
  }
}

function run(src: string, withBridge = true): string {
  const r = runML(src, withBridge ? { bridge, grants: ['console', 'file', 'path', 'env', 'http'] } : {});
  return r.stdout + (r.error ? `${r.error.kind}: ${r.error.message}` : '');
}

describe('bridged stdlib functions', () => {
  test.each([
    ['import file; print(file.read("/data/a.txt"));', 'contents\n'],
    ['import file; print(file.read("/etc/passwd"));', 'CapabilityError: file:read:/etc/passwd is not granted'],
    ['import file; print(file.size("x"), file.modifiedTime("x"));', '42 1700000000.0\n'],
    ['import path; print(path.listDir("."), path.join("a", "b"));', "['a.txt', 'b.txt'] a/b\n"],
    [
      'import env; e = env.all(); print(e, typeof(e));',
      "{'HOME': '/home/u', 'N': 1.5, 'nested': {'list': [True, None]}} object\n",
    ],
    [
      'import http; r = http.get("https://x.test/"); print(typeof(r), r.status(), r.ok(), r.json().a, r.headers()["content-type"]);',
      'HttpResponse 200 true [1, 2.5] application/json\n',
    ],
    ['import file; file.write("x", fn(a) => a);', "TypeError: file.write(): a 'function' cannot be passed to the host"],
    ['import file; o = {}; o.self = [o]; file.write("x", o);', 'ValueError: file.write(): argument nested too deeply'],
    ['import env; print(env.nothing());', "AttributeError: module 'env' has no attribute 'nothing'"],
  ])('%s', (src, expected) => {
    expect(run(src)).toBe(expected);
  });

  test('arguments arrive as plain data', () => {
    calls.length = 0;
    run('import file; file.write("out.txt", {k: [1, 2.0, zip([1], ["a"])[0]]});');
    const args = calls[0]![2];
    expect(calls[0]!.slice(0, 2)).toEqual(['file', 'write']);
    expect(JSON.parse(JSON.stringify(args))).toEqual(['out.txt', { k: [1, 2, [1, 'a']] }]);
    expect(Object.getPrototypeOf(args[1])).toBeNull();
  });

  test('without a host bridge, host functions are unavailable', () => {
    expect(run('import file; file.read("a");', false)).toBe(
      'CapabilityError: file.read() is not available in this environment',
    );
  });
});
