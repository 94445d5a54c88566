// `mlsec check FILE... [--format text|json|sarif]`: diagnostics (syntax, names, security findings)
// for each file. Exit 0 without errors, 1 when any file has an error, 2 on a usage error or an
// unreadable file.
import { optionsHelp, parseArgs, type ArgSpec } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { FileError, type CliIO } from '../io.js';
import { hasErrors, jsonReport, textReport, type FileResult } from '../report.js';

const spec = {
  options: {
    format: {
      type: 'string',
      choices: ['text', 'json', 'sarif'],
      valueName: 'FORMAT',
      description: 'output format (default text)',
    },
    profile: { type: 'string', valueName: 'NAME', description: 'check capabilities against this mlpy.yaml profile' },
    allow: { type: 'strings', valueName: 'CAP', description: 'also grant CAP (repeatable)' },
    deny: { type: 'strings', valueName: 'CAP', description: 'deny CAP (repeatable)' },
    config: {
      type: 'string',
      valueName: 'FILE',
      description: 'mlpy.yaml to use (default: beside the file or in a parent folder)',
    },
    'show-suppressed': {
      type: 'boolean',
      description: 'also list security findings silenced by mlsec-ignore or suppress',
    },
    'docs-url': {
      type: 'string',
      valueName: 'URL',
      description: 'base URL of docs/security-rules.md links in SARIF output',
    },
  },
  positionals: { name: 'FILE', min: 1, max: Infinity },
} as const satisfies ArgSpec;

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { options, positionals } = parseArgs(args, spec);
  // Loaded when the command runs, so that other commands never initialise the analysis.
  const [{ analyzeSource, CHECK_STAGES }, { sarifReport }, { broadGrantReport, ConfigFinder, securityStage }] =
    await Promise.all([import('../analyze.js'), import('../sarif-output.js'), import('../security.js')]);
  const results: FileResult[] = [];
  const flags = { profile: options.profile, allow: options.allow, deny: options.deny, config: options.config };
  const finder = new ConfigFinder(io, options.config);
  const configsShown = new Set<string>();
  let unreadable = false;
  for (const warning of broadGrantReport(null, flags).flagWarnings) io.stderr(`mlsec check: ${warning}\n`);
  const emit = (result: FileResult): void => {
    results.push(result);
    if (options.format === 'text' || options.format === undefined) io.stdout(textReport(result));
  };
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
    const security = await securityStage(file, source, flags, finder, io);
    const config = security.config;
    if (config && !configsShown.has(config.file)) {
      // mlpy.yaml problems (and grants that give everything away) once per config file.
      configsShown.add(config.file);
      const broad = broadGrantReport(config, flags);
      const diagnostics = [...config.diagnostics, ...broad.diagnostics].sort(
        (a, b) => a.range.start.offset - b.range.start.offset,
      );
      if (diagnostics.length > 0) emit({ file: config.file, diagnostics });
    }
    const diagnostics = analyzeSource(source, [...CHECK_STAGES, security.stage]);
    const analysis = security.result();
    const result: FileResult = { file, diagnostics };
    if (analysis) {
      result.score = analysis.score;
      if (options['show-suppressed']) result.suppressed = analysis.suppressed;
    }
    emit(result);
  }
  if (options.format === 'json') io.stdout(jsonReport(results));
  if (options.format === 'sarif') io.stdout(sarifReport(results, options['docs-url'], options['show-suppressed']));
  if (unreadable) return EXIT.usage;
  return results.some((r) => hasErrors(r.diagnostics)) ? EXIT.findings : EXIT.ok;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'report syntax errors, unknown names and other diagnostics',
  usage: `usage: mlsec check [options] FILE...

Reports the diagnostics of each ML file as file:line:column: severity CODE: message: syntax
errors, unknown names, and the security rules SEC001-SEC016 (docs/security-rules.md) with the
file's security score. SEC010 checks capabilities against the grant: the default grant, or
--profile/--allow/--deny, with mlpy.yaml found beside the file or in a parent folder (--config).
Exit status: 0 without errors, 1 when a file has errors, 2 on a usage error or unreadable file.

options:
${optionsHelp(spec)}
`,
  run,
};
