// Audit events of plain runs (no debugger) carry the ML call site of each capability check:
// file, 1-based line and column of the call, and the stdlib function that checked. Each check is
// one event, whether the runtime (target-less capabilities) or a host bridge made it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/sandbox/types.js';
import { buildTestArtifacts } from './artifacts.js';
import { workerSandbox } from './worker-programs.js';

const artifacts = await buildTestArtifacts();

/** What an event is expected to say: capability (prefix), result, and where. */
type Expected = [
  capability: string,
  result: 'GRANTED' | 'DENIED',
  file: string,
  line: number,
  column: number,
  functionName: string,
];

interface Case {
  name: string;
  source: string;
  allow: string[];
  stdin?: string;
  events: Expected[];
}

const CASES: Case[] = [
  {
    name: 'file.read inside a function',
    source: 'import file;\nfunction load(p) {\n  return file.read(p);\n}\nprint(load("data/a.txt"));',
    allow: ['console:*', 'file:read:data/**'],
    events: [['file:read:', 'GRANTED', 'main.ml', 3, 10, 'file.read']],
  },
  {
    name: 'a refusal is audited where it happened',
    source: 'import file;\nx = 1;\n  try { file.read("secret.txt"); } except (e) { print(e.type); }',
    allow: ['console:*', 'file:read:data/**'],
    events: [['file:read:', 'DENIED', 'main.ml', 3, 9, 'file.read']],
  },
  {
    name: 'a target-less capability checked by the runtime',
    source: 'import math;\nfunction root(x) { return math.sqrt(x); }\nprint(root(4));',
    allow: ['console:*', 'math:compute'],
    events: [['math:compute', 'GRANTED', 'main.ml', 2, 27, 'math.sqrt']],
  },
  {
    name: 'crypto.hash_file checks crypto:hash once, then file:read',
    source: 'import crypto;\nh = crypto.hash_file("data/a.txt");',
    allow: ['console:*', 'crypto:hash', 'file:read:data/**'],
    events: [
      ['crypto:hash', 'GRANTED', 'main.ml', 2, 5, 'crypto.hash_file'],
      ['file:read:', 'GRANTED', 'main.ml', 2, 5, 'crypto.hash_file'],
    ],
  },
  {
    name: 'input() checks console:read once',
    source: 'a = 1;\nx = input("? ");',
    allow: ['console:*'],
    stdin: 'hi\n',
    events: [['console:read', 'GRANTED', 'main.ml', 2, 5, 'input']],
  },
  {
    name: 'a stdlib function called through a variable',
    source: 'import file;\nr = file.read;\nprint(1);\nx = r("data/a.txt");',
    allow: ['console:*', 'file:read:data/**'],
    events: [['file:read:', 'GRANTED', 'main.ml', 4, 5, 'file.read']],
  },
  {
    name: 'a stdlib function called back by another module function',
    source: 'import file;\nimport functional;\nxs = functional.map(file.read, ["data/a.txt", "data/a.txt"]);',
    allow: ['console:*', 'file:read:data/**', 'functional:*'],
    events: [
      ['functional:transform', 'GRANTED', 'main.ml', 3, 6, 'functional.map'],
      ['file:read:', 'GRANTED', 'main.ml', 3, 6, 'file.read'],
      ['file:read:', 'GRANTED', 'main.ml', 3, 6, 'file.read'],
    ],
  },
  {
    name: 'a callback that calls out does not move the site of later checks',
    source:
      'import functional;\nimport math;\nf = functional.compose(math.sqrt, fn(x) => math.floor(x));\n\nprint(f(16.5));',
    allow: ['console:*', 'functional:*', 'math:*'],
    events: [
      ['functional:compose', 'GRANTED', 'main.ml', 3, 5, 'functional.compose'],
      ['math:compute', 'GRANTED', 'main.ml', 3, 44, 'math.floor'],
      ['math:compute', 'GRANTED', 'main.ml', 5, 7, 'math.sqrt'],
    ],
  },
  {
    name: 'a check in a user module names that module file',
    source: 'import lib.reader;\n\nprint(reader.get("data/a.txt"));',
    allow: ['console:*', 'file:read:data/**'],
    events: [['file:read:', 'GRANTED', path.join('lib', 'reader.ml'), 3, 10, 'file.read']],
  },
];

describe('audit call sites in plain runs', () => {
  const sandbox = workerSandbox(artifacts);
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mlsec-audit-'));
    mkdirSync(path.join(dir, 'data'));
    mkdirSync(path.join(dir, 'lib'));
    writeFileSync(path.join(dir, 'data/a.txt'), 'hello\n');
    writeFileSync(path.join(dir, 'lib/reader.ml'), 'import file;\nfunction get(p) {\n  return file.read(p);\n}\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CASES)('$name', async (c) => {
    const streamed: AuditRecord[] = [];
    const r = await sandbox.run(
      {
        program: { kind: 'ml', source: c.source, file: path.join(dir, 'main.ml') },
        capabilities: { allow: c.allow },
        rootDir: dir,
        ...(c.stdin !== undefined ? { stdin: c.stdin } : {}),
      },
      { audit: (e) => streamed.push(e) },
    );
    expect(r.error).toBeUndefined();
    const seen = r.audit.map((e) => [e.capability, e.result, e.file, e.line, e.column, e.functionName]);
    expect(seen).toEqual(c.events.map(([cap, ...rest]) => [expect.stringMatching(new RegExp(`^${cap}`)), ...rest]));
    expect(r.stats.capabilityChecks).toBe(c.events.length);
    expect(streamed).toEqual(r.audit);
  });
});
