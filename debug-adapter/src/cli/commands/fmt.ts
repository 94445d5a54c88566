// `mlsec fmt FILE... [--check]`: rewrites each file in the canonical layout, or with --check only
// lists the files that are not formatted. A file with syntax errors is never rewritten.
import { optionsHelp, parseArgs, type ArgSpec } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { FileError, type CliIO } from '../io.js';

const spec = {
  options: {
    check: { type: 'boolean', description: 'change nothing; list unformatted files and exit 1 if any' },
  },
  positionals: { name: 'FILE', min: 1, max: Infinity },
} as const satisfies ArgSpec;

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { options, positionals } = parseArgs(args, spec);
  // Loaded when the command runs, so that other commands never initialise the formatter.
  const { format } = await import('@mlsec/grammar/format');
  let status: number = EXIT.ok;
  const worst = (code: number): void => {
    status = Math.max(status, code);
  };
  for (const file of positionals) {
    try {
      const source = await io.readFile(file);
      const formatted = format(source);
      if (formatted === null) {
        io.stderr(`mlsec fmt: ${file} has syntax errors and was not formatted (see: mlsec check ${file})\n`);
        worst(EXIT.findings);
      } else if (formatted !== source) {
        if (options.check) {
          io.stdout(`${file}: not formatted\n`);
          worst(EXIT.findings);
        } else {
          await io.writeFile(file, formatted);
        }
      }
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      io.stderr(`mlsec fmt: cannot access ${error.path}: ${error.reason}\n`);
      worst(EXIT.usage);
    }
  }
  return status;
}

export const fmtCommand: Command = {
  name: 'fmt',
  summary: 'format ML files in place (or check that they are formatted)',
  usage: `usage: mlsec fmt [options] FILE...

Rewrites each file in the canonical layout (2-space indentation, one statement per line, comments
kept). Files with syntax errors are left untouched. Exit status: 0 ok, 1 when a file has syntax
errors or (with --check) is not formatted, 2 on a usage error or inaccessible file.

options:
${optionsHelp(spec)}
`,
  run,
};
