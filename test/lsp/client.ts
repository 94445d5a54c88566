// A real JSON-RPC language client for the protocol tests: starts the BUILT server
// (server/dist/server.js) as a child process over stdio, answers the server's requests
// (configuration, registration, progress) and records its notifications.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER = path.join(REPO, 'server', 'dist', 'server.js');
export const FIXTURES = path.join(REPO, 'test', 'lsp', 'fixtures');
export const WS = path.join(FIXTURES, 'ws');

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export function fixtureText(file: string): string {
  return readFileSync(path.join(WS, file), 'utf8');
}

/** Everything a test client announces by default (pull diagnostics, configuration, progress, ...). */
export const FULL_CLIENT: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
  window: { workDoneProgress: true },
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true },
    semanticTokens: {
      requests: { full: { delta: true }, range: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
    },
  },
};

export interface StartOptions {
  root?: string;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** The `ml` section returned for workspace/configuration. */
  settings?: unknown;
  args?: string[];
}

type Waiter = { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publish, in arrival order. */
  readonly history: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly progress: unknown[] = [];
  readonly registrations: string[] = [];
  refreshes = 0;
  settings: unknown;
  private waiters: Waiter[] = [];
  initializeResult!: InitializeResult;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcess,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(SERVER))
      throw new Error(`${SERVER} is missing: run \`npx tsc -b && node scripts/bundle.mjs\` first`);
    const child = spawn(process.execPath, [SERVER, ...(options.args ?? ['--stdio'])], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new LspClient(connection, child);
    client.settings = options.settings ?? {};
    client.attach();
    connection.listen();
    const root = options.root ?? WS;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: path.basename(root) }],
      capabilities: options.capabilities ?? FULL_CLIENT,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private attach(): void {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.history.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    c.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    // `$/progress` bypasses onNotification; the protocol connection is a message connection underneath.
    (c as unknown as MessageConnection).onUnhandledProgress((p) => this.progress.push(p));
    c.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    c.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
      return null;
    });
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      return null;
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Resolves with the first diagnostics for `uri` (already received or future) that pass `test`. */
  waitForDiagnostics(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    const have = this.diagnostics.get(uri);
    if (have && test(have)) return Promise.resolve(have);
    return new Promise((resolve) => this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve }));
  }

  /** Diagnostics published for `version` of `uri` (or a later one). */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (p) => (p.version ?? -1) >= version);
  }

  async open(file: string, text?: string, version = 1): Promise<string> {
    const uri = path.isAbsolute(file) ? uriOf(file) : uriOf(path.join(WS, file));
    const languageId = file.endsWith('.ml') ? 'ml' : 'yaml';
    await this.notify('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text: text ?? readFileSync(fileURLToPath(uri), 'utf8') },
    });
    return uri;
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[] | unknown[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    try {
      await this.request('shutdown', null);
      await this.notify('exit', null);
    } catch {
      this.child.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** The position of the `nth` occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, nth = 1): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' (occurrence ${nth}) not found`);
  }
  const before = text.slice(0, index + delta);
  const lines = before.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}
