// What a document needs, as the editor shows it: code lenses ("needs: file:read, http:get" per
// function and file, running the client's list command), ml/requiredCapabilities with locations
// and verdicts, and ml/securityReport with findings, links and the score.
import path from 'node:path';
import {
  REQUIRED_CAPABILITIES_METHOD,
  SECURITY_REPORT_METHOD,
  SHOW_REQUIRED_CAPABILITIES_COMMAND,
  type RequiredCapabilitiesResult,
  type SecurityReportResult,
} from '@mlsec/grammar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, uriOf, WS } from './client.js';

interface Lens {
  range: { start: { line: number; character: number } };
  command: { title: string; command: string; arguments: unknown[] };
}

describe('code lens and custom requests', () => {
  let client: LspClient;
  let main: string;
  beforeAll(async () => {
    client = await LspClient.start({ settings: { profile: 'data_processing' } });
    main = await client.open('main.ml');
  });
  afterAll(async () => {
    await client.stop();
  });

  test('a lens over the file and over each function that needs something', async () => {
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: main } });
    expect(lenses.map((l) => [l.range.start.line, l.command.title, l.command.command, l.command.arguments])).toEqual([
      [0, 'file needs: file:read, http:get', SHOW_REQUIRED_CAPABILITIES_COMMAND, [main, null]],
      [10, 'needs: file:read', SHOW_REQUIRED_CAPABILITIES_COMMAND, [main, 'load']],
      [14, 'needs: file:read, http:get', SHOW_REQUIRED_CAPABILITIES_COMMAND, [main, 'report']],
    ]);
  });

  test('a file that needs nothing says so, and lenses can be switched off', async () => {
    const uri = await client.open('lib/util.ml');
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses.map((l) => l.command.title)).toEqual(['file needs no capabilities']);
    await client.close(uri);
    const off = await LspClient.start({ settings: { codeLens: { enabled: false } } });
    try {
      const u = await off.open('main.ml');
      expect(await off.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: u } })).toEqual([]);
    } finally {
      await off.stop();
    }
  });

  test('ml/requiredCapabilities: each capability with its locations and verdict', async () => {
    const result = await client.request<RequiredCapabilitiesResult>(REQUIRED_CAPABILITIES_METHOD, {
      textDocument: { uri: main },
    });
    expect(result.grant).toBe("profile 'data_processing'");
    expect(
      result.capabilities.map((c) => [
        c.capability,
        c.concrete,
        c.granted,
        c.locations.map((l) => [l.range.start.line, l.callee, l.functionName]),
      ]),
    ).toEqual([
      ['file:read:<dynamic>', false, null, [[11, 'file.read', 'load']]],
      [`file:read:${WS}/data/x.csv`, true, true, [[15, 'file.read', 'report']]],
      ['http:get:https://api.example.com/status', true, false, [[16, 'http.get', 'report']]],
    ]);
    expect(result.declarations).toEqual([
      {
        capability: 'file:read:data/*.csv',
        declaration: 'DataAccess',
        granted: true,
        location: { uri: main, range: { start: { line: 6, character: 11 }, end: { line: 6, character: 23 } } },
      },
    ]);
    expect(result.functions.map((f) => [f.name, f.capabilities])).toEqual([
      ['load', ['file:read:<dynamic>']],
      ['report', [`file:read:${WS}/data/x.csv`, 'http:get:https://api.example.com/status']],
    ]);
  });

  test('capabilities needed through a user module are located in the module', async () => {
    const uri = await client.open(path.join(WS, 'uses-module.ml'), 'import lib.reader;\nprint(reader.load());\n');
    await client.open(
      path.join(WS, 'lib', 'reader.ml'),
      'import file;\nfunction load() {\n  return file.read("data/x.csv");\n}\n',
    );
    const result = await client.request<RequiredCapabilitiesResult>(REQUIRED_CAPABILITIES_METHOD, {
      textDocument: { uri },
    });
    expect(
      result.capabilities.map((c) => [
        c.capability,
        c.locations.map((l) => [l.uri, l.range.start.line, l.functionName]),
      ]),
    ).toEqual([[`file:read:${WS}/data/x.csv`, [[uriOf(path.join(WS, 'lib', 'reader.ml')), 2, 'load']]]]);
  });

  test('ml/securityReport: findings with rule data and links, and the score', async () => {
    const uri = await client.open('bad.ml');
    const report = await client.request<SecurityReportResult>(SECURITY_REPORT_METHOD, { textDocument: { uri } });
    expect(report.score).toBe(40);
    expect(report.analysisLevel).toBe('moderate');
    expect(
      report.findings.map((f) => [
        f.code,
        f.severity,
        f.ruleSeverity,
        f.category,
        f.cwe,
        f.range.start.line,
        f.href.replace(/^.*\/docs\//, 'docs/'),
      ]),
    ).toEqual([
      ['SEC007', 'error', 'high', 'unsafe_import', 'CWE-829', 1, 'docs/security-rules.md#sec007'],
      ['SEC001', 'error', 'critical', 'code_injection', 'CWE-95', 2, 'docs/security-rules.md#sec001'],
    ]);
    expect(report.suppressed).toEqual([]);
  });

  test('a document that is not open has no report', async () => {
    expect(
      await client.request(SECURITY_REPORT_METHOD, { textDocument: { uri: uriOf(path.join(WS, 'closed.ml')) } }),
    ).toBeNull();
  });
});
