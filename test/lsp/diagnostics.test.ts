// Diagnostics: pushed for ML files (syntax, names, imports, capability declarations, security
// rules with documentation links, grant problems) and for mlpy.yaml; debounced with no stale
// publishes; pull reports with result ids; settings pulled per document.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FULL_CLIENT, LspClient, uriOf, WS } from './client.js';
import path from 'node:path';

type Expected = [code: string, line: number, character: number];

/** Fixture files (or inline texts) with the diagnostics expected under the default grant. */
const CASES: { name: string; file: string; text?: string; expected: Expected[] }[] = [
  {
    name: 'security rules in bad.ml',
    file: 'bad.ml',
    expected: [
      ['SEC007', 1, 7],
      ['SEC001', 2, 4],
    ],
  },
  {
    name: 'capabilities beyond the default grant in main.ml',
    file: 'main.ml',
    expected: [
      ['SEC010', 6, 11],
      ['SEC010', 15, 9],
      ['SEC010', 16, 11],
    ],
  },
  { name: 'a module with nothing to report', file: 'lib/util.ml', expected: [] },
  { name: 'a syntax error', file: 'syntax.ml', text: 'x = ;\nprint(x);\n', expected: [['ML200', 0, 4]] },
  { name: 'an unknown name', file: 'names.ml', text: 'print(count);\n', expected: [['ML301', 0, 6]] },
  { name: 'an unresolved import', file: 'imports.ml', text: 'import lib.utils;\n', expected: [['ML320', 0, 7]] },
  {
    name: 'a declaration without resource',
    file: 'decl.ml',
    text: 'capability C {\n  allow read;\n}\n',
    expected: [['CAP022', 1, 2]],
  },
];

describe('pushed diagnostics', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test.each(CASES)('$name', async ({ file, text, expected }) => {
    const uri = await client.open(path.join(WS, file), text);
    const published = await client.diagnosticsFor(uri, 1);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual(expected);
    expect(published.diagnostics.every((d) => d.source === 'mlsec')).toBe(true);
    await client.close(uri);
  });

  test('security findings link to their rule documentation', async () => {
    const uri = await client.open('bad.ml');
    const published = await client.diagnosticsFor(uri, 1);
    const eval_ = published.diagnostics.find((d) => d.code === 'SEC001')!;
    expect(eval_.severity).toBe(1);
    expect(eval_.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/security-rules\.md#sec001$/);
    expect(published.diagnostics.find((d) => d.code === 'ML301')).toBeUndefined();
    await client.close(uri);
  });

  test('an unresolved import suggests the closest module', async () => {
    const uri = await client.open(path.join(WS, 'typo.ml'), 'import lib.utill;\nimport maths;\n');
    const published = await client.diagnosticsFor(uri, 1);
    expect(published.diagnostics.map((d) => d.message)).toEqual([
      "Cannot find module 'lib.utill': there is no lib/utill.ml beside this file and no standard module of that name. Did you mean 'lib.util'?",
      "Cannot find module 'maths': there is no maths.ml beside this file and no standard module of that name. Did you mean 'math'?",
    ]);
    await client.close(uri);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = await client.open('bad.ml');
    await client.diagnosticsFor(uri, 1);
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
  });

  test('a burst of edits publishes only the newest version, never an older one after it', async () => {
    const uri = await client.open(path.join(WS, 'burst.ml'), 'x = 1;\n');
    await client.diagnosticsFor(uri, 1);
    const start = client.history.length;
    for (let v = 2; v <= 30; v++) {
      const text = v % 2 === 0 ? `x = ${v};\nprint(y${v});\n` : `x = ${v};\n`;
      await client.change(uri, v, [{ text }]);
    }
    const last = await client.diagnosticsFor(uri, 30);
    expect(last.version).toBe(30);
    expect(last.diagnostics.map((d) => d.message)).toEqual(["Unknown identifier 'y30'"]);
    const versions = client.history
      .slice(start)
      .filter((p) => p.uri === uri)
      .map((p) => p.version ?? 0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.length).toBeLessThan(5);
    await client.close(uri);
  });
});

describe('pull diagnostics', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test('full report, then unchanged for the same result id, then full after an edit', async () => {
    const uri = await client.open('bad.ml');
    const first = await client.request<{ kind: string; resultId: string; items: { code: string }[] }>(
      'textDocument/diagnostic',
      { textDocument: { uri } },
    );
    expect(first.kind).toBe('full');
    expect(first.items.map((d) => d.code)).toEqual(['SEC007', 'SEC001']);
    const pushed = await client.diagnosticsFor(uri, 1);
    expect(pushed.diagnostics).toEqual(first.items);
    const again = await client.request<{ kind: string; resultId: string }>('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: first.resultId,
    });
    expect(again).toEqual({ kind: 'unchanged', resultId: first.resultId });
    await client.change(uri, 2, [{ text: 'x = 1;\n' }]);
    const after = await client.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: first.resultId,
    });
    expect(after).toMatchObject({ kind: 'full', items: [] });
    await client.close(uri);
  });

  test('mlpy.yaml reports are pulled like ML ones', async () => {
    const uri = await client.open(path.join(WS, 'pulled', 'mlpy.yaml'), 'security:\n  analysis_level: loose\n');
    const report = await client.request<{ items: { code: string }[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    expect(report.items.map((d) => d.code)).toEqual(['CFG005']);
    await client.close(uri);
  });
});

describe('mlpy.yaml diagnostics', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test('an open mlpy.yaml shows its problems with exact ranges, including grants of everything', async () => {
    const text =
      'security:\n  default_capabilities: [console:write, "*:*:**"]\n  capability_profiles:\n    web: [htp:get:x]\n  colour: red\n';
    const uri = await client.open(path.join(WS, 'nested', 'mlpy.yaml'), text);
    const published = await client.diagnosticsFor(uri, 1);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
      ['SEC008', 1, 40],
      ['CFG004', 3, 10],
      ['CFG002', 4, 2],
    ]);
    await client.close(uri);
  });

  test("the workspace root's mlpy.yaml is checked when an ML file uses it", async () => {
    const uri = await client.open('main.ml');
    await client.diagnosticsFor(uri, 1);
    const yaml = await client.waitForDiagnostics(uriOf(path.join(WS, 'mlpy.yaml')));
    expect(yaml.diagnostics).toEqual([]);
    await client.close(uri);
  });
});

describe('settings pulled per document', () => {
  test('ml.profile selects the grant, and a configuration change re-checks open files', async () => {
    const client = await LspClient.start({ settings: { profile: 'data_processing' } });
    try {
      const uri = await client.open('main.ml');
      const first = await client.diagnosticsFor(uri, 1);
      expect(first.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['SEC010', 16]]);
      client.settings = { profile: 'web' };
      const start = client.history.length;
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const next = await client.waitForDiagnostics(uri, (p) => client.history.indexOf(p) >= start);
      expect(next.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
        ['SEC010', 6],
        ['SEC010', 15],
      ]);
    } finally {
      await client.stop();
    }
  });

  test('settings from initializationOptions serve clients without workspace/configuration', async () => {
    const client = await LspClient.start({
      capabilities: { ...FULL_CLIENT, workspace: { ...FULL_CLIENT.workspace, configuration: false } },
      initializationOptions: { settings: { profile: 'web' } },
    });
    try {
      const uri = await client.open('main.ml');
      const published = await client.diagnosticsFor(uri, 1);
      expect(published.diagnostics.map((d) => d.range.start.line)).toEqual([6, 15]);
      await client.notify('workspace/didChangeConfiguration', { settings: { ml: { profile: 'data_processing' } } });
      const next = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
      expect(next.diagnostics.map((d) => d.range.start.line)).toEqual([16]);
    } finally {
      await client.stop();
    }
  });

  test('bad settings are reported at the top of each document', async () => {
    const client = await LspClient.start({
      settings: { profile: 'nosuch', capabilities: { allow: ['file:read:../x'] } },
    });
    try {
      const uri = await client.open('lib/util.ml');
      const published = await client.diagnosticsFor(uri, 1);
      const messages = published.diagnostics.map(
        (d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message.split(':')[0]}`,
      );
      expect(messages).toEqual(
        expect.arrayContaining(['CFG008 0:0 ml.profile', "CAP005 0:0 ml.capabilities.allow 'file"]),
      );
    } finally {
      await client.stop();
    }
  });

  test('ml.security.analysisLevel overrides mlpy.yaml', async () => {
    const client = await LspClient.start({ settings: { security: { analysisLevel: 'permissive' } } });
    try {
      const uri = await client.open('bad.ml');
      const published = await client.diagnosticsFor(uri, 1);
      expect(published.diagnostics.map((d) => [d.code, d.severity])).toEqual([
        ['SEC007', 2],
        ['SEC001', 1],
      ]);
    } finally {
      await client.stop();
    }
  });
});
