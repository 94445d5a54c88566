// The `mlsec` command line: global options, dispatch to the command table, and the exit-code
// contract of TOOLING.md. Everything goes through CliIO; this file never touches process state.
import { UsageError } from './args.js';
import { EXIT, type Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import type { CliIO } from './io.js';
import { VERSION } from './version.js';

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `usage: mlsec <command> [options] [arguments]

commands:
${list}

options:
  -h, --help     show help (mlsec <command> --help for a command)
  -V, --version  print the version
`;
}

/** Whether `--help`/`-h` appears among the options (before any `--`). */
function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

export async function main(
  argv: readonly string[],
  io: CliIO,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(overview(commands));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : commands.find((c) => c.name === topic);
    if (topic !== undefined && !command) {
      io.stderr(`mlsec: unknown command '${topic}'\n`);
      return EXIT.usage;
    }
    io.stdout(command ? command.usage : overview(commands));
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`mlsec ${VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    const what = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`;
    io.stderr(`mlsec: ${what}\nRun 'mlsec --help' for the list of commands.\n`);
    return EXIT.usage;
  }
  if (wantsHelp(rest)) {
    io.stdout(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mlsec ${command.name}: ${error.message}\n${command.usage.split('\n')[0]}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`mlsec ${command.name}: internal error: ${message}\n`);
    return EXIT.findings;
  }
}
