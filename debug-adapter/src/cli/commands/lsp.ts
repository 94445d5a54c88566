// `mlsec lsp [--stdio | --socket=PORT | --node-ipc]`: runs the ML language server. The server is its
// own bundle (server/dist/server.js, found beside the CLI), started as a child process that inherits
// stdio (and is relayed the IPC channel), so it never depends on how the CLI itself was loaded.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { optionsHelp, parseArgs, UsageError, type ArgSpec } from '../args.js';
import { EXIT, type Command } from '../command.js';
import type { CliIO } from '../io.js';

const spec = {
  options: {
    stdio: { type: 'boolean', description: 'talk over standard input and output (the default)' },
    socket: {
      type: 'string',
      valueName: 'PORT',
      description: 'connect to a language client listening on 127.0.0.1:PORT',
    },
    'node-ipc': { type: 'boolean', description: 'use the Node IPC channel of the parent process' },
    clientProcessId: {
      type: 'string',
      valueName: 'PID',
      description: 'accepted for compatibility with language clients; ignored',
    },
  },
  positionals: { name: 'none', min: 0, max: 0 },
} as const satisfies ArgSpec;

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
    if (!Number.isInteger(port) || port <= 0 || port > 65535)
      throw new UsageError(`--socket needs a port number between 1 and 65535, got '${options.socket}'`);
    return [`--socket=${port}`];
  }
  return options['node-ipc'] ? ['--node-ipc'] : ['--stdio'];
}

/** Runs the server bundle with this process's stdio (and IPC channel); resolves with its exit code. */
function runChild(bundle: string, serverArgs: readonly string[]): Promise<number> {
  const ipc = serverArgs.includes('--node-ipc');
  const child = spawn(process.execPath, [bundle, ...serverArgs], {
    stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
  });
  const toChild = (message: unknown): void => {
    child.send(message as never);
  };
  if (ipc) {
    process.on('message', toChild);
    child.on('message', (message) => process.send?.(message));
  }
  return new Promise((resolve) => {
    child.once('error', () => resolve(EXIT.findings));
    child.once('exit', (code) => {
      process.off('message', toChild);
      if (ipc && process.connected) process.disconnect();
      resolve(code ?? EXIT.findings);
    });
  });
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { options } = parseArgs(args, spec);
  const serverArgs = transportArgs(options);
  if (serverArgs.includes('--node-ipc') && !process.send)
    throw new UsageError('--node-ipc needs a parent process with an IPC channel');
  const bundle = findServerBundle();
  if (bundle === undefined) {
    io.stderr(`mlsec lsp: the language server is not built (${SERVER_BUNDLE} not found); run \`npm run build\`\n`);
    return EXIT.usage;
  }
  return runChild(bundle, serverArgs);
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
