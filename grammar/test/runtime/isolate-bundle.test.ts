// Bundles runtime/isolate-entry.ts with esbuild (as the sandbox build does) and runs programs in a
// fresh node:vm context standing in for the isolate: proves the runtime needs no Node APIs, that
// lockdown removes code generation, and that transpiled units run against the installed API.
import { beforeAll, describe, expect, test } from 'vitest';
import { build } from 'esbuild';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from '../../src/syntax/api.js';
import { transpile } from '../../src/transpiler/index.js';

let bundle = '';

beforeAll(async () => {
  const entry = fileURLToPath(new URL('../../src/runtime/isolate-entry.ts', import.meta.url));
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0]!.text;
});

/** A fresh context with the runtime installed and locked down, plus a host capturing stdout. */
function realm() {
  const context = vm.createContext({});
  vm.runInContext(bundle, context);
  const output: string[] = [];
  vm.runInContext('__mlsecRuntime.lockdown()', context);
  const host = {
    write: (_s: string, t: string) => void output.push(t),
    readLine: () => null,
    checkCapability: () => true,
    queryCapability: () => true,
    listCapabilities: () => ['console:*'],
    random: () => 0.5,
    now: () => 0,
  };
  return { context, host, output };
}

function runIn(source: string) {
  const { context, host, output } = realm();
  const code = transpile(parse(source).program, { file: 'main.ml' }).code;
  const unit = vm.runInContext(code, context) as unknown;
  const rt = vm.runInContext('__mlsecRuntime', context) as {
    createRuntime(h: unknown): { run(u: unknown): { ok: boolean; error?: { kind: string } } };
  };
  const result = rt.createRuntime(host).run(unit);
  return { result, stdout: output.join(''), context };
}

describe('isolate bundle', () => {
  test('the bundle uses no Node module system', () => {
    expect(bundle).not.toMatch(/\brequire\(|\bimport\(|\bprocess\.|\bBuffer\b/);
  });

  test('runs a program after lockdown', () => {
    const r = runIn('x = [1, 2.0, "a"]; print(x, 7 // 2, 1 / 4); function f(n) { return n * 2; } print(f(21));');
    expect(r.result).toEqual({ ok: true });
    expect(r.stdout).toBe("[1, 2.0, 'a'] 3 0.25\n42\n");
  });

  test.each([
    ['typeof Function', 'undefined'],
    ['typeof eval', 'undefined'],
    ['typeof WebAssembly', 'undefined'],
    ['typeof SharedArrayBuffer', 'undefined'],
    [
      '(() => { try { (function(){}).constructor("return 1"); return "compiled"; } catch (e) { return "blocked"; } })()',
      'blocked',
    ],
    [
      '(() => { try { (async function(){}).constructor("return 1"); return "compiled"; } catch (e) { return "blocked"; } })()',
      'blocked',
    ],
    ['Object.isFrozen(Object.prototype) && Object.isFrozen(Array.prototype)', true],
    ['Object.getOwnPropertyDescriptor(globalThis, "__mlsecRuntime").writable', false],
  ])('lockdown: %s', (expr, expected) => {
    const { context } = realm();
    expect(vm.runInContext(expr, context)).toBe(expected);
  });

  const conformance = fileURLToPath(new URL('../../../test/conformance/', import.meta.url));
  test.each(readdirSync(conformance).filter((f) => f.endsWith('.ml')))(
    'conformance %s runs in the locked-down realm',
    (name) => {
      const r = runIn(readFileSync(path.join(conformance, name), 'utf8'));
      expect(r.result).toEqual({ ok: true });
      expect(r.stdout).toBe(readFileSync(path.join(conformance, name.replace(/\.ml$/, '.out')), 'utf8'));
    },
  );

  test('the runtime API object is frozen', () => {
    const { context } = realm();
    expect(vm.runInContext('Object.isFrozen(__mlsecRuntime)', context)).toBe(true);
  });
});
