// `mlsec check FILE... [--format text|json]`: diagnostics for each file. Exit 0 without errors,
// 1 when any file has an error, 2 on a usage error or an unreadable file.
import { analyzeSource } from '../analyze.js';
import { optionsHelp, parseArgs, type ArgSpec } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { FileError, type CliIO } from '../io.js';
import { hasErrors, jsonReport, textReport, type FileResult } from '../report.js';

const spec = {
  options: {
    format: { type: 'string', choices: ['text', 'json'], valueName: 'FORMAT', description: 'output format (default text)' },
  },
  positionals: { name: 'FILE', min: 1, max: Infinity },
} as const satisfies ArgSpec;

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { options, positionals } = parseArgs(args, spec);
  const results: FileResult[] = [];
  let unreadable = false;
  for (const file of positionals) {
    let source: string;
    try {
      source = await io.readFile(file);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      io.stderr(`mlsec check: cannot read ${error.path}: ${error.reason}\n`);
      unreadable = true;
      continue;
    }
    const result = { file, diagnostics: analyzeSource(source) };
    results.push(result);
    if (options.format !== 'json') io.stdout(textReport(result));
  }
  if (options.format === 'json') io.stdout(jsonReport(results));
  if (unreadable) return EXIT.usage;
  return results.some((r) => hasErrors(r.diagnostics)) ? EXIT.findings : EXIT.ok;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'report syntax errors, unknown names and other diagnostics',
  usage: `usage: mlsec check [options] FILE...

Reports the diagnostics of each ML file as file:line:column: severity CODE: message.
Exit status: 0 without errors, 1 when a file has errors, 2 on a usage error or unreadable file.

options:
${optionsHelp(spec)}
`,
  run,
};
