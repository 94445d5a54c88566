// The ML call site the runtime hands the host with each capability check and host function call
// (RuntimeHost.checkCapability / bridge): file, 1-based line and column of the ML call that reached
// it, however it was reached (module call, variable, method of an object, callback, user module).
import { describe, expect, test } from 'vitest';
import type { BridgeValue, HostCallSite } from '../../src/runtime/index.js';
import { runML } from './harness.js';

/** `what@line:column` per check or host call, in order (`what` = capability or module.fn). */
function sites(source: string, modules?: Record<string, string>): string[] {
  const seen: string[] = [];
  const at = (what: string, site?: HostCallSite): string =>
    site
      ? `${what}@${site.file}:${site.line}:${site.column}${site.functionName ? ` ${site.functionName}` : ''}`
      : `${what}@?`;
  const r = runML(source, {
    grants: ['console', 'math', 'functional', 'file', 'json'],
    stdin: ['line'],
    ...(modules ? { modules } : {}),
    bridge: (module: string, fn: string, _args: BridgeValue[], site?: HostCallSite) => {
      seen.push(at(`${module}.${fn}`, site));
      return { ok: true, value: 'x' };
    },
    onCheck: (capability, site) => seen.push(at(capability, site)),
  });
  expect(r.error).toBeUndefined();
  return seen;
}

describe('call sites reach the host', () => {
  test.each([
    ['import math;\nprint(math.sqrt(4));', ['math:compute@main.ml:2:7 math.sqrt']],
    [
      'import math;\nfunction f(x) {\n  return math.abs(x);\n}\nf(1); f(2);',
      ['math:compute@main.ml:3:10 math.abs', 'math:compute@main.ml:3:10 math.abs'],
    ],
    ['import file;\n\nfile.read("a");', ['file.read@main.ml:3:1']],
    ['import file;\nr = file.read;\nprint(r("a"));', ['file.read@main.ml:3:7']],
    ['import file;\no = {get: file.read};\no.get("a");', ['file.read@main.ml:3:1']],
    [
      'import math;\nimport functional;\nprint(functional.map(math.sqrt, [1]));',
      ['functional:transform@main.ml:3:7 functional.map', 'math:compute@main.ml:3:7 math.sqrt'],
    ],
    // The lambda's own call moves the site while it runs; the outer call's site comes back after.
    [
      'import math;\nimport functional;\nxs = functional.map(fn(x) => math.floor(x) + math.ceil(x), [1.5]);',
      [
        'functional:transform@main.ml:3:6 functional.map',
        'math:compute@main.ml:3:30 math.floor',
        'math:compute@main.ml:3:46 math.ceil',
      ],
    ],
    ['x = input();', ['console:read@main.ml:1:5 input']],
    [
      'import json;\nfunction g() { return json.parse("1"); }\nfunction h() { return g(); }\nh();',
      ['json:parse@main.ml:2:23 json.parse'],
    ],
  ])('%s', (src, expected) => {
    expect(sites(src)).toEqual(expected);
  });

  test('a user module reports its own file', () => {
    const lib = 'import math;\nfunction r(x) {\n  return math.sqrt(x);\n}\n';
    expect(sites('import lib.m;\nprint(m.r(9));', { 'lib.m': lib })).toEqual(['math:compute@lib/m.ml:3:10 math.sqrt']);
  });
});
