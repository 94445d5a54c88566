// The initialize handshake: the announced capabilities are exactly the tested ones, pull
// diagnostics follow the client's support and opt-out, and the server exits cleanly.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FULL_CLIENT, LspClient, REPO } from './client.js';
import { SERVER_VERSION } from '../../server/src/version.js';
import { TESTED_CAPABILITIES } from './tested-capabilities.js';

describe('initialize', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  test('announces exactly the tested capabilities', () => {
    expect(Object.keys(client.initializeResult.capabilities).sort()).toEqual(Object.keys(TESTED_CAPABILITIES).sort());
  });

  test('every tested capability names an existing test file', () => {
    for (const file of new Set(Object.values(TESTED_CAPABILITIES)))
      expect(existsSync(path.join(REPO, 'test', 'lsp', file)), file).toBe(true);
  });

  test('positions are UTF-16 and the server names itself', () => {
    expect(client.initializeResult.capabilities.positionEncoding).toBe('utf-16');
    expect(client.initializeResult.serverInfo).toEqual({ name: 'mlsec', version: SERVER_VERSION });
  });

  test('incremental sync, and the providers with their options', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.textDocumentSync).toEqual({ openClose: true, change: 2 });
    expect(caps.semanticTokensProvider).toMatchObject({ full: { delta: true }, range: true });
    expect(caps.renameProvider).toEqual({ prepareProvider: true, workDoneProgress: true });
    expect(caps.diagnosticProvider).toEqual({
      identifier: 'mlsec',
      interFileDependencies: true,
      workspaceDiagnostics: false,
    });
  });

  test('file watchers and configuration are registered with a client that allows it', async () => {
    await client.request('textDocument/hover', {
      textDocument: { uri: 'file:///nowhere.ml' },
      position: { line: 0, character: 0 },
    });
    expect(client.registrations).toEqual(
      expect.arrayContaining(['workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration']),
    );
  });
});

describe('pull diagnostics are offered only when usable', () => {
  const cases: [string, Parameters<typeof LspClient.start>[0], boolean][] = [
    [
      'client without pull support',
      { capabilities: { ...FULL_CLIENT, textDocument: { ...FULL_CLIENT.textDocument, diagnostic: undefined } } },
      false,
    ],
    ['client that opts out', { initializationOptions: { pullDiagnostics: false } }, false],
    ['client with pull support', {}, true],
  ];
  test.each(cases)('%s', async (_name, options, expected) => {
    const c = await LspClient.start(options);
    try {
      expect('diagnosticProvider' in c.initializeResult.capabilities).toBe(expected);
    } finally {
      expect(await c.stop()).toBe(0);
    }
  });
});

test('the reported version is the package version', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'server', 'package.json'), 'utf8')) as { version: string };
  expect(SERVER_VERSION).toBe(pkg.version);
});
