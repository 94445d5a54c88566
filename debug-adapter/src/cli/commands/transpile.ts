// `mlsec transpile FILE [-o OUT] [--source-map]`: the JavaScript the sandbox would run for one ML
// file (a function expression taking the ML runtime), printed or written to OUT with an optional
// V3 source map beside it. Files with syntax or name errors are refused (exit 1), never emitted.
import path from 'node:path';
import type { Diagnostic } from '@mlsec/grammar';
import { optionsHelp, parseArgs, UsageError, type ArgSpec } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { FileError, type CliIO } from '../io.js';

const spec = {
  options: {
    output: {
      type: 'string',
      short: 'o',
      valueName: 'OUT',
      description: 'write the JavaScript to OUT instead of stdout',
    },
    'source-map': { type: 'boolean', description: 'also write OUT.map (Source Map V3) and link it from OUT' },
  },
  positionals: { name: 'FILE', min: 1, max: 1 },
} as const satisfies ArgSpec;

const line = (file: string, d: Diagnostic): string =>
  `${file}:${d.range.start.line + 1}:${d.range.start.column + 1}: ${d.severity} ${d.code}: ${d.message}\n`;

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { options, positionals } = parseArgs(args, spec);
  const file = positionals[0]!;
  const out = options.output;
  if (options['source-map'] && out === undefined)
    throw new UsageError('--source-map needs -o OUT (the map is written to OUT.map)');
  let source: string;
  try {
    source = await io.readFile(file);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    io.stderr(`mlsec transpile: cannot read ${error.path}: ${error.reason}\n`);
    return EXIT.usage;
  }
  // Loaded when the command runs, so that other commands never initialise what they do not use.
  const [{ resolve }, { parse }, { toSourceMapV3, transpile }] = await Promise.all([
    import('@mlsec/grammar/names'),
    import('@mlsec/grammar/syntax'),
    import('@mlsec/grammar/transpiler'),
  ]);
  const parsed = parse(source);
  const errors = [...parsed.diagnostics, ...resolve(parsed.program).diagnostics].filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) io.stderr(line(file, d));
    io.stderr(`mlsec transpile: ${file} has errors; nothing was written\n`);
    return EXIT.findings;
  }
  // Errors raised by the code name the file as the sandbox does: relative to the program's folder.
  const result = transpile(parsed.program, { file: path.basename(file) });
  const failed = result.diagnostics.filter((d) => d.severity === 'error');
  if (failed.length > 0) {
    for (const d of failed) io.stderr(line(file, d));
    return EXIT.findings;
  }
  if (out === undefined) {
    io.stdout(result.code.endsWith('\n') ? result.code : `${result.code}\n`);
    return EXIT.ok;
  }
  let code = result.code.endsWith('\n') ? result.code : `${result.code}\n`;
  try {
    if (options['source-map']) {
      const mapFile = `${out}.map`;
      const map = toSourceMapV3(result.sourceMap, path.basename(out));
      map.sources = [
        path
          .relative(path.dirname(path.resolve(out)), path.resolve(file))
          .split(path.sep)
          .join('/'),
      ];
      code += `//# sourceMappingURL=${path.basename(mapFile)}\n`;
      await io.writeFile(mapFile, JSON.stringify(map) + '\n');
    }
    await io.writeFile(out, code);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    io.stderr(`mlsec transpile: cannot write ${error.path}: ${error.reason}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}

export const transpileCommand: Command = {
  name: 'transpile',
  summary: 'print the JavaScript an ML file compiles to (with a source map)',
  usage: `usage: mlsec transpile [options] FILE

Prints the JavaScript the sandbox runs for FILE: one strict-mode function expression that takes
the ML runtime (\`(function ($rt) {...})\`) and returns the file's module object. With -o OUT it is
written to OUT; --source-map also writes OUT.map (Source Map V3, lines mapped to ML positions).
Files with syntax or name errors are refused (exit 1); see mlsec check.

options:
${optionsHelp(spec)}
`,
  run,
};
