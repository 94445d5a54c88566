// Starts, restarts and talks to the ML language server (`node server/dist/server.js --stdio`) through
// vscode-languageclient. It owns the LanguageClient; features call `request` and never see it.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node.js';
import type { MlInitializationOptions } from '@mlsec/grammar/protocol';
import { resolveNodeRuntime } from './node-runtime.js';
import { nodePathSetting } from './settings.js';

/** JSON-RPC "method not found": a server that does not offer a custom request yet. */
const METHOD_NOT_FOUND = -32601;

export class ServerManager implements vscode.Disposable {
  private client: LanguageClient | null = null;
  /** The `ml.nodePath` value the running server was started with. */
  private startedWith: string | undefined;
  private readonly started = new vscode.EventEmitter<void>();
  /** Fires each time a (re)started server is ready. */
  readonly onDidStart = this.started.event;

  constructor(
    private readonly serverModule: string,
    private readonly output: vscode.OutputChannel,
  ) {}

  async start(): Promise<void> {
    this.startedWith = nodePathSetting();
    const lookup = resolveNodeRuntime(this.startedWith);
    if (lookup.warning) this.output.appendLine(lookup.warning);
    const runtime = lookup.runtime;
    this.output.appendLine(`Starting the ML language server with ${runtime.path} (${runtime.source}).`);
    const server: ServerOptions = {
      module: this.serverModule,
      transport: TransportKind.stdio,
      // The extension host's own runtime is used through fork (Electron runs it as Node).
      ...(runtime.source === 'extension-host' ? {} : { runtime: runtime.path }),
    };
    const initializationOptions: MlInitializationOptions = { pullDiagnostics: false };
    const options: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'ml' },
        { scheme: 'untitled', language: 'ml' },
        { scheme: 'file', pattern: '**/{mlpy.yaml,.mlpy.yaml}' },
      ],
      synchronize: {
        configurationSection: 'ml',
        fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.ml,mlpy.yaml,.mlpy.yaml}'),
      },
      initializationOptions,
      outputChannel: this.output,
    };
    const client = new LanguageClient('ml', 'ML Language Server', server, options);
    this.client = client;
    try {
      await client.start();
      this.started.fire();
    } catch (error) {
      this.output.appendLine(`The ML language server did not start: ${String(error)}`);
      void vscode.window.showErrorMessage(
        'ML: the language server did not start. See the "ML Language Server" output.',
      );
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client?.isRunning()) await client.stop();
  }

  /** Whether `ml.nodePath` differs from the value the server was started with. */
  get nodePathChanged(): boolean {
    return (nodePathSetting() ?? '') !== (this.startedWith ?? '');
  }

  get running(): boolean {
    return this.client?.isRunning() ?? false;
  }

  /**
   * Sends a custom request. Resolves to null when no server runs or it does not implement the
   * method; other failures reject with the server's message.
   */
  async request<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R | null> {
    const client = this.client;
    if (!client?.isRunning()) return null;
    try {
      return await client.sendRequest<R>(method, params, token);
    } catch (error) {
      if ((error as { code?: unknown }).code === METHOD_NOT_FOUND) return null;
      throw error;
    }
  }

  dispose(): void {
    this.started.dispose();
    void this.stop();
  }
}
