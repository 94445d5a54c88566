// `mlsec lsp [--stdio | --socket=PORT | --node-ipc]`: runs the ML language server in this process.
// The server is its own bundle (server/dist/server.js), loaded at run time from beside the CLI so the
// CLI bundle does not carry a second copy; it talks LSP on stdio, never through CliIO.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { optionsHelp, parseArgs, UsageError, type ArgSpec } from '../args.js';
import { EXIT, type Command } from '../command.js';
import type { CliIO } from '../io.js';

const spec = {
  options: {
    stdio: { type: 'boolean', description: 'talk over standard input and output (the default)' },
    socket: { type: 'string', valueName: 'PORT', description: 'connect to a language client listening on 127.0.0.1:PORT' },
    'node-ipc': { type: 'boolean', description: 'use the Node IPC channel of the parent process' },
    clientProcessId: { type: 'string', valueName: 'PID', description: 'accepted for compatibility with language clients; ignored' },
  },
  positionals: { name: 'none', min: 0, max: 0 },
} as const satisfies ArgSpec;

interface ServerModule {
  runServer(args: readonly string[]): void;
}

const SERVER_BUNDLE = path.join('server', 'dist', 'server.js');

/** server/dist/server.js of the installation this CLI belongs to (searched upwards from this file). */
export function findServerBundle(from: string = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, SERVER_BUNDLE);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** The server's own arguments for the parsed options. */
export function transportArgs(options: { stdio: boolean; socket: string | undefined; 'node-ipc': boolean }): string[] {
  const chosen = [options.stdio, options.socket !== undefined, options['node-ipc']].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('choose one of --stdio, --socket=PORT and --node-ipc');
  if (options.socket !== undefined) {
    const port = Number(options.socket);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`--socket needs a port number between 1 and 65535, got '${options.socket}'`);
    return [`--socket=${port}`];
  }
  return options['node-ipc'] ? ['--node-ipc'] : ['--stdio'];
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { options } = parseArgs(args, spec);
  const serverArgs = transportArgs(options);
  const bundle = findServerBundle();
  if (bundle === undefined) {
    io.stderr(`mlsec lsp: the language server is not built (${SERVER_BUNDLE} not found); run \`npm run build\`\n`);
    return EXIT.usage;
  }
  const server = (await import(pathToFileURL(bundle).href)) as ServerModule;
  // The server keeps the process alive and ends it on the client's `exit` notification.
  server.runServer(serverArgs);
  return EXIT.ok;
}

export const lspCommand: Command = {
  name: 'lsp',
  summary: 'run the ML language server (LSP over stdio, a socket or Node IPC)',
  usage: `usage: mlsec lsp [--stdio | --socket=PORT | --node-ipc]

Runs the ML language server (LSP 3.17) for editors: diagnostics with the security rules, hovers
with required capabilities, completion, navigation, rename, formatting and code actions. It talks
over standard input and output unless --socket or --node-ipc is given, and exits when the client
sends \`exit\`.

options:
${optionsHelp(spec)}
`,
  run,
};
