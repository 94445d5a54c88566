// Code actions: the core's quick fixes (syntax, names, imports), "grant in mlpy.yaml" for SEC010
// (into the active profile's list in its own style, or default_capabilities, or a new file), and
// "suppress this rule here"; applying them makes the diagnostic go away.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureText, LspClient, positionOf, uriOf, WS } from './client.js';
import { applyEdits, applyWorkspaceEdit } from './edits.js';
import { withCursor } from './marker.js';
import { copyWorkspace } from './workspace-copy.js';

interface Action {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics: { code: string }[];
  edit: { changes?: Record<string, never[]>; documentChanges?: unknown[] };
}

const QUICK_FIXES: { name: string; marked: string; title: string; fixed: string }[] = [
  {
    name: 'else if → elif',
    marked: 'a = 1;\nif (a) {\n} ‸else if (a) {\n}\n',
    title: 'Replace with `elif`',
    fixed: 'a = 1;\nif (a) {\n} elif (a) {\n}\n',
  },
  { name: 'let removed', marked: '‸let x = 1;\n', title: 'Remove `let`', fixed: 'x = 1;\n' },
  { name: '+= rewritten', marked: 'x = 1;\nx ‸+= 1;\n', title: 'Write `x = x + ...`', fixed: 'x = 1;\nx = x + 1;\n' },
  { name: 'missing semicolon', marked: 'x = 1‸\ny = 2;\n', title: 'Insert `;`', fixed: 'x = 1;\ny = 2;\n' },
  {
    name: 'misspelled name',
    marked: 'count = 1;\nprint(‸cuont);\n',
    title: "Change to 'count'",
    fixed: 'count = 1;\nprint(count);\n',
  },
  {
    name: 'misspelled module',
    marked: 'import lib.‸utill;\n',
    title: "Change to 'lib.util'",
    fixed: 'import lib.util;\n',
  },
];

describe('quick fixes from diagnostics', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test.each(QUICK_FIXES)('$name', async ({ marked, title, fixed }) => {
    const { text, position } = withCursor(marked);
    const uri = await client.open(path.join(WS, 'fixes.ml'), text);
    const actions = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
    await client.close(uri);
    const action = actions.find((a) => a.title === title)!;
    expect(action).toMatchObject({ kind: 'quickfix', isPreferred: true });
    expect(applyWorkspaceEdit(action.edit, { [uri]: text })[uri]).toBe(fixed);
  });

  test('only quick fixes are offered, and none when the client asks for other kinds', async () => {
    const { text, position } = withCursor('let‸ x = 1;\n');
    const uri = await client.open(path.join(WS, 'kinds.ml'), text);
    const none = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [], only: ['source'] },
    });
    expect(none).toEqual([]);
    await client.close(uri);
  });
});

const YAML = fixtureText('mlpy.yaml');

describe('grant a capability in mlpy.yaml', () => {
  const cases: { name: string; settings: unknown; at: string; title: string; yaml: string }[] = [
    {
      name: 'appended to a flow-style profile',
      settings: { profile: 'data_processing' },
      at: 'get("https',
      title: "Grant 'http:get:https://api.example.com/status' in mlpy.yaml (profile 'data_processing')",
      yaml: YAML.replace(
        '[file:read:data/**, console:write]',
        '[file:read:data/**, console:write, http:get:https://api.example.com/status]',
      ),
    },
    {
      name: 'appended to a block-style profile',
      settings: { profile: 'web' },
      at: 'read("data/x',
      title: "Grant 'file:read:data/x.csv' in mlpy.yaml (profile 'web')",
      yaml: YAML.replace('      - console:write\n', '      - console:write\n      - file:read:data/x.csv\n'),
    },
    {
      name: 'default_capabilities created with the default grant kept',
      settings: {},
      at: 'read("data/x',
      title: "Grant 'file:read:data/x.csv' in mlpy.yaml (default_capabilities)",
      yaml: YAML.replace(
        'security:\n',
        'security:\n  default_capabilities: [console:*, math:*, regex:*, json:*, collections:*, functional:*, datetime:*, random:*, crypto:*, log:*, args:*, file:read:data/x.csv]\n',
      ),
    },
  ];

  test.each(cases)('$name', async ({ settings, at, title, yaml }) => {
    const client = await LspClient.start({ settings });
    try {
      const uri = await client.open('main.ml');
      const position = positionOf(fixtureText('main.ml'), at);
      const actions = await client.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      });
      const grant = actions.find((a) => a.title.startsWith('Grant'))!;
      expect(grant.title).toBe(title);
      expect(grant.diagnostics.map((d) => d.code)).toEqual(['SEC010']);
      expect(applyWorkspaceEdit(grant.edit)).toEqual({ [uriOf(path.join(WS, 'mlpy.yaml'))]: yaml });
    } finally {
      await client.stop();
    }
  });

  test('applied to the file on disk, the finding disappears after the watched-file change', async () => {
    const ws = copyWorkspace();
    const client = await LspClient.start({ root: ws.root, settings: { profile: 'web' } });
    try {
      const uri = await client.open(ws.file('main.ml'));
      const first = await client.diagnosticsFor(uri, 1);
      expect(first.diagnostics.map((d) => d.range.start.line)).toEqual([6, 15]);
      const position = positionOf(fixtureText('main.ml'), 'read("data/x');
      const actions = await client.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      });
      const grant = actions.find((a) => a.title.startsWith('Grant'))!;
      for (const [target, text] of Object.entries(applyWorkspaceEdit(grant.edit))) writeFileSync(new URL(target), text);
      const start = client.history.length;
      await client.notify('workspace/didChangeWatchedFiles', {
        changes: [{ uri: uriOf(ws.file('mlpy.yaml')), type: 2 }],
      });
      const next = await client.waitForDiagnostics(uri, (p) => client.history.indexOf(p) >= start);
      expect(next.diagnostics.map((d) => d.range.start.line)).toEqual([6]);
      expect(client.refreshes).toBeGreaterThan(0);
    } finally {
      await client.stop();
      ws.remove();
    }
  });

  test('a new mlpy.yaml when the workspace has none', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mlsec-lsp-noconfig-'));
    const client = await LspClient.start({ root });
    try {
      const text = 'import env;\nhome = env.get("HOME");\n';
      const uri = await client.open(path.join(root, 'prog.ml'), text);
      const position = positionOf(text, 'get(');
      const actions = await client.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      });
      const grant = actions.find((a) => a.title.startsWith('Grant'))!;
      expect(grant.title).toBe("Grant 'env:read:HOME' in mlpy.yaml (default_capabilities of a new mlpy.yaml)");
      const yamlUri = uriOf(path.join(root, 'mlpy.yaml'));
      expect(grant.edit.documentChanges).toEqual([
        { kind: 'create', uri: yamlUri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri: yamlUri, version: null },
          edits: [
            {
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              newText:
                'security:\n  default_capabilities: [console:*, math:*, regex:*, json:*, collections:*, functional:*, datetime:*, random:*, crypto:*, log:*, args:*, env:read:HOME]\n',
            },
          ],
        },
      ]);
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('suppress a rule here', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  const suppress = async (text: string, at: string, version: number, uri: string): Promise<string> => {
    const position = positionOf(text, at);
    const actions = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
    const action = actions.find((a) => a.title.startsWith('Suppress'))!;
    const next = applyEdits(text, action.edit.changes![uri]!);
    await client.change(uri, version, [{ text: next }]);
    return next;
  };

  test('a comment on the line above, indented like the line; a second rule joins it', async () => {
    const text = 'function f() {\n  x = eval("1") + __y;\n  return x;\n}\n';
    const uri = await client.open(path.join(WS, 'suppress.ml'), text);
    const first = await client.diagnosticsFor(uri, 1);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['SEC001', 'ML301', 'SEC003']);
    const once = await suppress(text, 'eval', 2, uri);
    expect(once).toBe('function f() {\n  // mlsec-ignore SEC001\n  x = eval("1") + __y;\n  return x;\n}\n');
    const twice = await suppress(once, '__y', 3, uri);
    expect(twice).toBe('function f() {\n  // mlsec-ignore SEC001 SEC003\n  x = eval("1") + __y;\n  return x;\n}\n');
    const after = await client.diagnosticsFor(uri, 3);
    expect(after.diagnostics.map((d) => d.code)).toEqual(['ML301']);
    await client.close(uri);
  });

  test('the report lists what is suppressed', async () => {
    const uri = await client.open(path.join(WS, 'suppressed.ml'), '// mlsec-ignore SEC001\nx = eval("1");\n');
    const report = await client.request<{ findings: unknown[]; suppressed: { code: string; suppression: unknown }[] }>(
      'ml/securityReport',
      { textDocument: { uri } },
    );
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toEqual([
      expect.objectContaining({ code: 'SEC001', suppression: { by: 'comment', text: '// mlsec-ignore SEC001' } }),
    ]);
    await client.close(uri);
    expect(readFileSync(path.join(WS, 'main.ml'), 'utf8')).toBe(fixtureText('main.ml'));
  });
});
