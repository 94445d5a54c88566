// `mlsec dap [--server=PORT]`: the ML debug adapter (DAP over stdio, or one session per TCP
// connection on 127.0.0.1:PORT). Programs run in the sandbox worker; see docs/debugging.md.
import { parseArgs, type ArgSpec } from '../args.js';
import { UsageError } from '../args.js';
import { EXIT, type Command } from '../command.js';
import type { CliIO } from '../io.js';

const spec = {
  options: {
    server: {
      type: 'string',
      valueName: 'PORT',
      description: 'serve DAP on 127.0.0.1:PORT instead of stdio (0: any free port)',
    },
  },
  positionals: { name: '', min: 0, max: 0 },
} as const satisfies ArgSpec;

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { options } = parseArgs(args, spec);
  // Loaded on demand: other commands do not pay for the adapter and the DAP library.
  const entry = await import('../../debug/entry.js');
  if (options.server === undefined) {
    await entry.runOverStdio();
    return EXIT.ok;
  }
  const port = Number(options.server);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--server needs a port number, not '${options.server}'`);
  await entry.runServer(port, {}, (p) => io.stderr(`mlsec dap: listening on 127.0.0.1:${p}\n`));
  return EXIT.ok;
}

export const dapCommand: Command = {
  name: 'dap',
  summary: 'run the ML debug adapter (Debug Adapter Protocol over stdio or --server=PORT)',
  usage: `usage: mlsec dap [--server=PORT]

Speaks the Debug Adapter Protocol on stdin/stdout (what editors start), or with --server=PORT
accepts connections on 127.0.0.1:PORT, one debug session each. Launch configuration attributes:
program, args, cwd, stopOnEntry, capabilities, profile, deny, limits, noDebug, stdin.

options:
  --server PORT  serve DAP on 127.0.0.1:PORT instead of stdio (0: any free port)
`,
  run,
};
