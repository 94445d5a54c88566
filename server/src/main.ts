// Process entry of the language server (bundled as server/dist/server.js): stdio by default,
// `--socket=PORT` to connect to a client listening on PORT. `mlsec lsp` calls runServer with its
// own arguments; started directly, the bundle runs it with the process arguments.
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
} from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

export const USAGE = `usage: mlsec lsp [--stdio | --socket=PORT | --node-ipc]

Starts the ML language server (LSP 3.17). It talks over standard input and output by default; with
--socket=PORT it connects to a language client listening on 127.0.0.1:PORT; with --node-ipc it uses
the Node IPC channel of the process that started it.
`;

export interface Transport {
  kind: 'stdio' | 'socket' | 'ipc';
  port?: number;
}

/** The transport named by the arguments; an Error with a usage message for anything unknown. */
export function parseTransport(args: readonly string[]): Transport {
  let transport: Transport = { kind: 'stdio' };
  for (const arg of args) {
    if (arg === '--stdio') transport = { kind: 'stdio' };
    else if (arg === '--node-ipc') transport = { kind: 'ipc' };
    else if (arg.startsWith('--socket=')) {
      const port = Number(arg.slice('--socket='.length));
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`invalid port in '${arg}'`);
      transport = { kind: 'socket', port };
    } else if (arg.startsWith('--clientProcessId=')) continue;
    else throw new Error(`unknown argument '${arg}'`);
  }
  return transport;
}

function connect(transport: Transport): Connection {
  if (transport.kind === 'socket') {
    const [reader, writer] = createServerSocketTransport(transport.port!);
    return createConnection(ProposedFeatures.all, reader, writer);
  }
  if (transport.kind === 'ipc') {
    if (!process.send) throw new Error('--node-ipc needs a parent process with an IPC channel');
    return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
  }
  return createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout),
  );
}

/** Starts the server; resolves never (the connection ends the process on `exit`). */
export function runServer(args: readonly string[]): void {
  const connection = connect(parseTransport(args));
  // Last line of defence: a bug that escapes every handler is logged, and the server keeps serving.
  const report = (what: string) => (error: unknown) =>
    connection.console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.on('uncaughtException', report('uncaught exception'));
  process.on('unhandledRejection', report('unhandled rejection'));
  startServer(connection);
  connection.listen();
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  try {
    runServer(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`mlsec-lsp: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
  }
}
