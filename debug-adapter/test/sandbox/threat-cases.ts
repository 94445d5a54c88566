// The threat model of SANDBOX.md as data: for each category, programs (ML, or JavaScript through
// the host facade where the ML module does not exist yet) and the safe outcome each must have.
// `${root}`, `${outside}` and `${port}` are replaced per case; JS cases get `call` and `out` helpers.
import type { SandboxLimits } from '../../src/sandbox/types.js';

export type Outcome =
  | { ok: true; stdout?: string | RegExp }
  | { ok: false; kind: string | string[]; message?: RegExp; stdout?: string | RegExp };

export interface ThreatCase {
  category: 1 | 2 | 3 | 4 | 5 | 6;
  name: string;
  ml?: string;
  js?: string;
  allow?: string[];
  deny?: string[];
  limits?: Partial<SandboxLimits>;
  outcome: Outcome;
  /** The case ends the worker process (V8 abort, kill): a fresh worker must serve the next run. */
  replacesWorker?: boolean;
  /** Kill the worker (SIGKILL) as soon as the program prints. */
  killOnOutput?: boolean;
}

const PURE = [
  'console:*',
  'math:*',
  'json:*',
  'regex:*',
  'functional:*',
  'collections:*',
  'datetime:*',
  'random:*',
  'crypto:*',
  'args:read',
];
const FAST = { cpuTimeMs: 1000, wallTimeMs: 5000 };

export const THREATS: ThreatCase[] = [
  // 1. Dangerous names and reflection, directly and through computed keys / string building.
  {
    category: 1,
    name: 'eval is not a name',
    ml: 'x = eval("1");',
    outcome: { ok: false, kind: 'NameError', message: /eval/ },
  },
  {
    category: 1,
    name: 'globalThis is not a name',
    ml: 'print(globalThis);',
    outcome: { ok: false, kind: 'NameError' },
  },
  {
    category: 1,
    name: 'Function is not a name',
    ml: 'f = Function("return process");',
    outcome: { ok: false, kind: 'NameError' },
  },
  {
    category: 1,
    name: 'computed "constructor" key on an object is just a missing key',
    ml: 'o = {}; f = o["constr" + "uctor"];',
    outcome: { ok: false, kind: 'KeyError' },
  },
  {
    category: 1,
    name: 'computed key on a string',
    ml: 's = "abc"; c = s["constr" + "uctor"];',
    outcome: { ok: false, kind: 'TypeError' },
  },
  {
    category: 1,
    name: 'getattr/hasattr never find internals',
    ml: 'print(getattr([], "constructor", 42), hasattr("x", "__proto__"), getattr(print, "call" + "er", 0));',
    allow: PURE,
    outcome: { ok: true, stdout: '42 false 0\n' },
  },
  {
    category: 1,
    name: 'f.constructor',
    ml: 'f = print; g = f.constructor; print(g);',
    outcome: { ok: false, kind: ['AttributeError', 'SecurityError'] },
  },
  // 2. JavaScript internals reachable from transpiled code.
  {
    category: 2,
    name: 'json.parse __proto__ does not pollute',
    ml: 'import json; x = json.parse(\'{"__proto__": {"polluted": 1}}\'); y = {}; print(y.polluted, keys(x));',
    allow: PURE,
    outcome: { ok: true, stdout: "None ['__proto__']\n" },
  },
  {
    category: 2,
    name: 'constructor of a function value by index',
    ml: 'f = fn() => 1; print(f["constructor"]);',
    outcome: { ok: false, kind: 'TypeError' },
  },
  {
    category: 2,
    name: '__proto__ of an array',
    ml: 'a = []; print(a["__proto__"]);',
    outcome: { ok: false, kind: 'TypeError' },
  },
  {
    category: 2,
    name: 'arguments / caller are not names',
    ml: 'function f() { return arguments; } print(f());',
    outcome: { ok: false, kind: 'NameError' },
  },
  {
    category: 2,
    name: 'Error.prepareStackTrace is unreachable',
    ml: 'Error.prepareStackTrace = fn(e, s) => s;',
    outcome: { ok: false, kind: ['NameError', 'SecurityError'] },
  },
  {
    category: 2,
    name: 'JS: Function constructor through a prototype',
    js: 'out((function(){}).constructor("return 1")());',
    outcome: { ok: false, kind: 'TypeError', message: /code generation is disabled/ },
  },
  {
    category: 2,
    name: 'JS: AsyncFunction constructor through a prototype',
    js: 'out(Object.getPrototypeOf(async function(){}).constructor("return 1"));',
    outcome: { ok: false, kind: 'TypeError', message: /code generation is disabled/ },
  },
  {
    category: 2,
    name: 'JS: Object.prototype is frozen',
    js: 'Object.prototype.polluted = 1;',
    outcome: { ok: false, kind: 'TypeError' },
  },
  {
    category: 2,
    name: 'JS: Error.prepareStackTrace cannot be set',
    js: 'Error.prepareStackTrace = () => "x";',
    outcome: { ok: false, kind: 'TypeError' },
  },
  {
    category: 2,
    name: 'JS: no isolated-vm object or code generation on the global object',
    js: 'out(["eval","Function","WebAssembly","SharedArrayBuffer","Atomics","ivm","Reference","ExternalCopy","Callback","_ivm","require","process"].filter((n) => n in globalThis).join(",") + "|" + Object.isFrozen(globalThis));',
    outcome: { ok: true, stdout: '|true\n' },
  },
  {
    category: 2,
    name: 'JS: a Proxy passed to the host',
    js: 'call("file.read", new Proxy({}, { get() { throw new Error("x"); } }));',
    outcome: { ok: false, kind: 'TypeError' },
  },
  {
    category: 2,
    name: 'JS: a getter object passed to the host',
    js: 'call("env.get", { get k() { return "PATH"; } });',
    allow: ['env:*:*'],
    outcome: { ok: false, kind: 'TypeError', message: /only plain data/ },
  },
  {
    category: 2,
    name: 'JS: a toString object passed to the host',
    js: 'call("file.read", { toString() { return "/etc/passwd"; } });',
    allow: ['file:read:**'],
    outcome: { ok: false, kind: 'TypeError', message: /cannot be passed/ },
  },
  // 3. Capability bypass.
  {
    category: 3,
    name: '.. traversal',
    ml: 'import file; print(file.read("data/../../outside/secret.txt"));',
    allow: ['console:*', 'file:read:data/**'],
    outcome: { ok: false, kind: 'CapabilityError', message: /not granted/ },
  },
  {
    category: 3,
    name: 'symlink out of a granted folder',
    ml: 'import file; print(file.read("data/link-out/secret.txt"));',
    allow: ['console:*', 'file:read:data/**'],
    outcome: { ok: false, kind: 'CapabilityError' },
  },
  {
    category: 3,
    name: 'symlinked file out of a granted folder, via csv',
    ml: 'import csv; print(csv.read("data/secret-link.txt"));',
    allow: ['console:*', 'file:read:data/**'],
    outcome: { ok: false, kind: 'CapabilityError' },
  },
  {
    category: 3,
    name: '/proc/self/environ',
    ml: 'import file; print(file.read("/proc/self/environ"));',
    allow: ['console:*', 'file:read:**'],
    outcome: { ok: false, kind: 'CapabilityError', message: /proc/ },
  },
  {
    category: 3,
    name: 'percent-encoded path',
    ml: 'import file; print(file.read("data/%2e%2e/%2e%2e/outside/secret.txt"));',
    allow: ['console:*', 'file:read:data/**'],
    outcome: { ok: false, kind: 'CapabilityError' },
  },
  {
    category: 3,
    name: 'write with a read grant',
    ml: 'import file; file.write("data/new.txt", "x");',
    allow: ['console:*', 'file:read:**'],
    outcome: { ok: false, kind: 'CapabilityError', message: /file:write/ },
  },
  {
    category: 3,
    name: 'write through a dangling symlink',
    ml: 'import file; file.write("out/dangling.txt", "x");',
    allow: ['console:*', 'file:write:out/**'],
    outcome: { ok: false, kind: 'CapabilityError' },
  },
  {
    category: 3,
    name: 'removeDirRecursive cannot follow a symlink out',
    ml: 'import path; print(path.removeDirRecursive("data"));',
    allow: ['console:*', 'path:write:data/**'],
    outcome: { ok: true, stdout: 'true\n' },
  },
  {
    category: 3,
    name: 'http to a non-granted host',
    ml: 'import http; print(http.get("http://example.invalid/"));',
    allow: ['console:*', 'http:get:http://127.0.0.1:${port}/**'],
    outcome: { ok: false, kind: 'CapabilityError' },
  },
  {
    category: 3,
    name: 'http to 127.0.0.1 with only another host granted',
    ml: 'import http; print(http.get("http://127.0.0.1:${port}/hello"));',
    allow: ['console:*', 'http:get:https://api.example.com/**'],
    outcome: { ok: false, kind: 'CapabilityError' },
  },
  {
    category: 3,
    name: 'http redirect to a non-granted host',
    ml: 'import http; print(http.get("http://127.0.0.1:${port}/to-elsewhere"));',
    allow: ['console:*', 'http:get:http://127.0.0.1:${port}/**'],
    outcome: { ok: false, kind: 'CapabilityError', message: /elsewhere/ },
  },
  {
    category: 3,
    name: 'http with a literal grant works',
    ml: 'import http; print(http.get("http://127.0.0.1:${port}/hello").body());',
    allow: ['console:*', 'http:get:http://127.0.0.1:${port}/**'],
    outcome: { ok: true, stdout: 'hi\n' },
  },
  {
    category: 3,
    name: 'env write never reaches the host',
    ml: 'import env; env.set("PATH", "/evil"); print(env.get("PATH"));',
    allow: ['console:*', 'env:*:*'],
    outcome: { ok: true, stdout: '/evil\n' },
  },
  {
    category: 3,
    name: 'a capability error cannot be hidden from the audit',
    ml: 'import file; try { file.read("/etc/passwd"); } except (e) { print(e.type); }',
    allow: ['console:*', 'file:read:data/**'],
    outcome: { ok: true, stdout: 'CapabilityError\n' },
  },
  {
    category: 3,
    name: 'module object stored in a variable keeps its checks',
    ml: 'import math; m = math; g = m.sqrt; print(g(16));',
    allow: ['console:*'],
    outcome: { ok: false, kind: 'CapabilityError', message: /math/ },
  },
  {
    category: 3,
    name: 'stdlib function passed as a value keeps its checks',
    ml: 'import math; fs = [math.sqrt]; h = fs[0]; print(h(9));',
    allow: ['console:*'],
    deny: ['math:compute'],
    outcome: { ok: false, kind: 'CapabilityError' },
  },
  // 4. Resource exhaustion.
  {
    category: 4,
    name: 'infinite loop',
    ml: 'while (true) {}',
    limits: FAST,
    outcome: { ok: false, kind: 'SandboxTimeoutError', message: /CPU time limit of 1 s/ },
  },
  {
    category: 4,
    name: 'infinite loop in a callback',
    ml: 'import functional; function spin(x) { while (true) {} } functional.map(spin, [1]);',
    allow: PURE,
    limits: FAST,
    outcome: { ok: false, kind: 'SandboxTimeoutError' },
  },
  {
    category: 4,
    name: 'infinite recursion',
    ml: 'function f(n) { return f(n + 1); } f(0);',
    outcome: { ok: false, kind: 'RecursionError' },
  },
  {
    category: 4,
    name: 'a 2^28-character string',
    ml: 's = "x"; i = 0; while (i < 28) { s = s + s; i = i + 1; } print(len(s)); print(s);',
    allow: PURE,
    outcome: { ok: false, kind: ['SandboxOutputLimitError', 'SandboxMemoryError', 'MemoryError'] },
  },
  {
    category: 4,
    name: 'array doubling',
    ml: 'a = [0]; while (true) { a = a + a; }',
    outcome: { ok: false, kind: ['SandboxMemoryError', 'MemoryError'] },
  },
  {
    category: 4,
    name: '1 GB output flood',
    ml: 's = "x"; i = 0; while (i < 20) { s = s + s; i = i + 1; } while (true) { print(s); }',
    allow: PURE,
    outcome: {
      ok: false,
      kind: 'SandboxOutputLimitError',
      stdout: /^x{1048576}\n\[output truncated: limit of 1 MB reached\]\n$/,
    },
  },
  {
    category: 4,
    name: 'catastrophic regex',
    ml: 'import regex; print(regex.test("^(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"));',
    allow: PURE,
    limits: FAST,
    outcome: { ok: false, kind: 'SandboxTimeoutError' },
  },
  {
    category: 4,
    name: '50,000-deep nested literal',
    ml: 'x = ' + '['.repeat(50_000) + ']'.repeat(50_000) + ';',
    outcome: { ok: false, kind: 'SyntaxError', message: /too deep/ },
  },
  {
    category: 4,
    name: 'JS: huge copy out of the isolate',
    js: 'let s = "q"; for (let i = 0; i < 25; i++) s += s; call("file.write", "out/x", s);',
    allow: ['file:write:out/**'],
    outcome: { ok: false, kind: 'ValueError', message: /too large/ },
  },
  {
    category: 4,
    name: 'a write over the file size cap',
    ml: 'import file; s = "q"; i = 0; while (i < 21) { s = s + s; i = i + 1; } t = s + s + s + s; file.write("out/big.txt", t + s + "!");',
    allow: ['console:*', 'file:write:out/**'],
    outcome: { ok: false, kind: 'ValueError', message: /file write limit of 10485760 bytes/ },
  },
  // 5. Host-crash attempts.
  {
    category: 5,
    name: 'cyclic data printed and serialised',
    ml: 'import json; a = []; a.append(a); print(a); print(json.stringify(a));',
    allow: PURE,
    outcome: { ok: false, kind: 'ValueError', stdout: '[[...]]\n' },
  },
  {
    category: 5,
    name: 'throwing from a sort key',
    ml: 'import collections; print(collections.sortBy([3, 1, 2], fn(x) => x / 0));',
    allow: PURE,
    outcome: { ok: false, kind: 'ZeroDivisionError' },
  },
  {
    category: 5,
    name: 'throwing an object from a callback',
    ml: 'import functional; function boom(x) { throw {message: "boom"}; } functional.map(boom, [1]);',
    allow: PURE,
    outcome: { ok: false, kind: 'MLUserError', message: /boom/ },
  },
  {
    category: 5,
    name: 'JS: unhandled promise rejection',
    js: 'Promise.reject(new Error("nobody catches this")); out("done");',
    outcome: { ok: false, kind: 'Error', message: /^nobody catches this$/, stdout: 'done\n' },
  },
  {
    category: 5,
    name: 'JS: cyclic data passed to the host',
    js: 'const a = {}; a.self = a; call("env.set", a, 1);',
    allow: ['env:*:*'],
    outcome: { ok: false, kind: 'ValueError', message: /nested too deeply/ },
  },
  {
    category: 5,
    name: 'JS: V8 abort in the isolate (dictionary explosion)',
    js: 'const o = {}; for (let i = 0; ; i++) o["k" + i] = i;',
    limits: { memoryMb: 32 },
    outcome: { ok: false, kind: 'SandboxMemoryError' },
    replacesWorker: true,
  },
  {
    category: 5,
    name: 'worker killed mid-run',
    ml: 'print("start"); while (true) {}',
    allow: PURE,
    killOnOutput: true,
    outcome: { ok: false, kind: 'SandboxError', message: /stopped unexpectedly/ },
    replacesWorker: true,
  },
  // 6. Benign look-alikes that must run.
  {
    category: 6,
    name: 'names that look like internals',
    ml: 'constructor_name = "x"; prototype = 5; print(constructor_name, prototype + 1);',
    allow: PURE,
    outcome: { ok: true, stdout: 'x 6\n' },
  },
  {
    category: 6,
    name: '__proto__ as an ordinary object key',
    ml: 'import json; o = json.parse(\'{"__proto__": 1}\'); print(o["__proto__"], keys(o));',
    allow: PURE,
    outcome: { ok: true, stdout: "1 ['__proto__']\n" },
  },
  {
    category: 6,
    name: 'strings that mention eval',
    ml: 'print("eval(1)", "Function(\\"x\\")");',
    allow: PURE,
    outcome: { ok: true, stdout: 'eval(1) Function("x")\n' },
  },
  {
    category: 6,
    name: 'recursion to depth 500',
    ml: 'function d(n) { if (n == 0) { return 0; } return 1 + d(n - 1); } print(d(500));',
    allow: PURE,
    outcome: { ok: true, stdout: '500\n' },
  },
  {
    category: 6,
    name: 'a loop of a million iterations',
    ml: 'i = 0; t = 0; while (i < 1000000) { t = t + i; i = i + 1; } print(t);',
    allow: PURE,
    outcome: { ok: true, stdout: '499999500000\n' },
  },
  {
    category: 6,
    name: 'capability introspection',
    ml: 'print(hasCapability("console:write"), hasCapability("file:read:/etc/passwd"));',
    allow: PURE,
    outcome: { ok: true, stdout: 'true false\n' },
  },
  {
    category: 6,
    name: 'output just under the limit',
    ml: 's = "y"; i = 0; while (i < 16) { s = s + s; i = i + 1; } print(s);',
    allow: PURE,
    limits: { outputBytes: 65537 },
    outcome: { ok: true, stdout: 'y'.repeat(65536) + '\n' },
  },
];
