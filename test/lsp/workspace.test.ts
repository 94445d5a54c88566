// The workspace beyond open buffers: folders added at run time, modules edited in the editor or
// created on disk (importers are re-checked), and mlpy.yaml edited in the editor.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REQUIRED_CAPABILITIES_METHOD, type RequiredCapabilitiesResult } from '@mlsec/grammar';
import { describe, expect, test } from 'vitest';
import { fixtureText, LspClient, uriOf, WS } from './client.js';
import { copyWorkspace } from './workspace-copy.js';

describe('workspace', () => {
  test('folders added at run time join workspace symbols', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'mlsec-lsp-empty-'));
    const client = await LspClient.start({ root: empty });
    try {
      expect(client.initializeResult.capabilities.workspace).toEqual({
        workspaceFolders: { supported: true, changeNotifications: true },
      });
      expect(await client.request<unknown[]>('workspace/symbol', { query: 'bump' })).toEqual([]);
      await client.notify('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: uriOf(WS), name: 'ws' }], removed: [] },
      });
      const found = await client.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', {
        query: 'bump',
      });
      expect(found.map((s) => [s.name, s.location.uri])).toEqual([['bump', uriOf(path.join(WS, 'scopes.ml'))]]);
      await client.notify('workspace/didChangeWorkspaceFolders', {
        event: { added: [], removed: [{ uri: uriOf(WS), name: 'ws' }] },
      });
      expect(await client.request<unknown[]>('workspace/symbol', { query: 'bump' })).toEqual([]);
    } finally {
      await client.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('editing an imported module re-checks the files that import it', async () => {
    const client = await LspClient.start();
    try {
      const main = await client.open('main.ml');
      await client.diagnosticsFor(main, 1);
      const util = await client.open('lib/util.ml');
      const start = client.history.length;
      const changed = fixtureText('lib/util.ml').replace(
        'function double(x) {\n  return x * 2;',
        'import file;\nfunction double(x) {\n  return len(file.read("data/y.csv")) * x;',
      );
      await client.change(util, 2, [{ text: changed }]);
      await client.waitForDiagnostics(main, (p) => client.history.indexOf(p) >= start);
      const caps = await client.request<RequiredCapabilitiesResult>(REQUIRED_CAPABILITIES_METHOD, {
        textDocument: { uri: main },
      });
      const fromModule = caps.capabilities.find((c) => c.capability === `file:read:${WS}/data/y.csv`);
      expect(fromModule?.locations.map((l) => [l.uri, l.range.start.line, l.functionName])).toEqual([
        [util, 3, 'double'],
      ]);
    } finally {
      await client.stop();
    }
  });

  test('a module created on disk resolves the import once the watcher reports it', async () => {
    const ws = copyWorkspace();
    const client = await LspClient.start({ root: ws.root });
    try {
      const uri = await client.open(ws.file('needs-extra.ml'), 'import lib.extra;\nprint(extra.value);\n');
      const first = await client.diagnosticsFor(uri, 1);
      expect(first.diagnostics.map((d) => d.code)).toEqual(['ML320']);
      const file = ws.write('lib/extra.ml', 'value = 42;\n');
      const start = client.history.length;
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 1 }] });
      const next = await client.waitForDiagnostics(uri, (p) => client.history.indexOf(p) >= start);
      expect(next.diagnostics).toEqual([]);
    } finally {
      await client.stop();
      ws.remove();
    }
  });

  test('editing mlpy.yaml in the editor re-checks ML files with the unsaved text', async () => {
    const client = await LspClient.start({ settings: { profile: 'web' } });
    try {
      const main = await client.open('main.ml');
      const first = await client.diagnosticsFor(main, 1);
      expect(first.diagnostics.map((d) => d.range.start.line)).toEqual([6, 15]);
      const yaml = await client.open('mlpy.yaml');
      const start = client.history.length;
      await client.change(yaml, 2, [
        {
          text: fixtureText('mlpy.yaml').replace(
            '      - console:write\n',
            '      - console:write\n      - file:read:data/**\n',
          ),
        },
      ]);
      const next = await client.waitForDiagnostics(main, (p) => client.history.indexOf(p) >= start);
      expect(next.diagnostics).toEqual([]);
      await client.close(yaml);
      const reverted = await client.waitForDiagnostics(main, (p) => p.diagnostics.length === 2);
      expect(reverted.diagnostics.map((d) => d.range.start.line)).toEqual([6, 15]);
    } finally {
      await client.stop();
    }
  });
});
