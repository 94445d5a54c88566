// `mlsec caps FILE [--json]`: the capabilities a program needs — each with the calls that need it
// and whether the selected grant covers it — and what each function needs transitively.
// Reports only; exit 0 unless the invocation is wrong or the file cannot be read.
import type { AnalysisResult, CapabilityUse, Range } from '@mlsec/grammar';
import { optionsHelp, parseArgs, type ArgSpec } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { FileError, type CliIO } from '../io.js';

/** The analysis's DYNAMIC (a target known only at run time), for the help text; cli.test.ts checks they agree. */
export const DYNAMIC_MARKER = '<dynamic>';

const spec = {
  options: {
    json: { type: 'boolean', description: 'print JSON instead of text' },
    profile: { type: 'string', valueName: 'NAME', description: 'mark what this mlpy.yaml profile grants' },
    allow: { type: 'strings', valueName: 'CAP', description: 'also grant CAP (repeatable)' },
    deny: { type: 'strings', valueName: 'CAP', description: 'deny CAP (repeatable)' },
    config: {
      type: 'string',
      valueName: 'FILE',
      description: 'mlpy.yaml to use (default: beside the file or in a parent folder)',
    },
  },
  positionals: { name: 'FILE', min: 1, max: 1 },
} as const satisfies ArgSpec;

const where = (file: string, r: Range): string => `${file}:${r.start.line + 1}:${r.start.column + 1}`;
const lsp = (r: Range) => ({
  start: { line: r.start.line, character: r.start.column },
  end: { line: r.end.line, character: r.end.column },
});

function verdict(uses: readonly CapabilityUse[]): boolean | null {
  const first = uses[0];
  return first && first.concrete && first.granted !== undefined ? first.granted : null;
}

function mark(granted: boolean | null): string {
  if (granted === null) return '?';
  return granted ? '✓' : '✗';
}

function textReport(file: string, grantLabel: string, r: AnalysisResult): string {
  const caps = r.capabilities;
  const lines: string[] = [];
  const count = caps.capabilities.length;
  lines.push(
    `${file}: ${count === 0 ? 'needs no capabilities' : `needs ${count} ${count === 1 ? 'capability' : 'capabilities'}`} (✓/✗: ${grantLabel}; ?: target known only at run time)`,
  );
  for (const group of caps.capabilities) {
    lines.push(`  ${mark(verdict(group.uses))} ${group.capability}`);
    for (const use of group.uses)
      lines.push(
        `      ${where(use.file ?? file, use.range)}  ${use.callee}${use.functionName ? ` in ${use.functionName}` : ''}`,
      );
  }
  if (caps.declarations.length > 0) {
    lines.push('declared:');
    for (const d of caps.declarations)
      lines.push(
        `  ${mark(d.granted ?? null)} ${d.capability}  (capability ${d.declaration}, ${where(file, d.range)})`,
      );
  }
  if (caps.functions.length > 0) {
    lines.push('functions:');
    for (const f of caps.functions) {
      const needs = f.transitive.length === 0 ? 'nothing' : f.transitive.join(', ');
      const indirect = f.transitive.filter((c) => !f.direct.includes(c));
      lines.push(
        `  ${f.name} (${where(file, f.range)}): ${needs}${indirect.length > 0 ? `  [through calls: ${indirect.join(', ')}]` : ''}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

function jsonReport(file: string, grantLabel: string, r: AnalysisResult, dynamicMarker: string): string {
  const caps = r.capabilities;
  const out = {
    file,
    grant: grantLabel,
    dynamicMarker,
    capabilities: caps.capabilities.map((g) => ({
      capability: g.capability,
      concrete: g.uses[0]?.concrete ?? false,
      granted: verdict(g.uses),
      uses: g.uses.map((u) => ({
        file: u.file ?? file,
        callee: u.callee,
        function: u.functionName,
        range: lsp(u.range),
      })),
    })),
    declarations: caps.declarations.map((d) => ({
      declaration: d.declaration,
      capability: d.capability,
      granted: d.granted ?? null,
      range: lsp(d.range),
    })),
    functions: caps.functions.map((f) => ({
      name: f.name,
      range: lsp(f.range),
      direct: f.direct,
      transitive: f.transitive,
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { options, positionals } = parseArgs(args, spec);
  const file = positionals[0]!;
  let source: string;
  try {
    source = await io.readFile(file);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    io.stderr(`mlsec caps: cannot read ${error.path}: ${error.reason}\n`);
    return EXIT.usage;
  }
  // Loaded when the command runs, so that other commands never initialise the analysis.
  const [{ DYNAMIC }, { parse }, { analyzeWithSetup, ConfigFinder, prepareSecurity }] = await Promise.all([
    import('@mlsec/grammar/analysis'),
    import('@mlsec/grammar/syntax'),
    import('../security.js'),
  ]);
  const flags = { profile: options.profile, allow: options.allow, deny: options.deny, config: options.config };
  const { program, diagnostics } = parse(source);
  const setup = await prepareSecurity(file, program, flags, new ConfigFinder(io, options.config), io);
  const result = analyzeWithSetup(file, source, program, setup);
  if (diagnostics.some((d) => d.severity === 'error')) {
    io.stderr(`mlsec caps: ${file} has syntax errors; the list may be incomplete (see: mlsec check ${file})\n`);
  }
  io.stdout(
    options.json ? jsonReport(file, setup.grant.label, result, DYNAMIC) : textReport(file, setup.grant.label, result),
  );
  return EXIT.ok;
}

export const capsCommand: Command = {
  name: 'caps',
  summary: 'list the capabilities a program needs, with locations',
  usage: `usage: mlsec caps [options] FILE

Lists every capability FILE needs: concrete (file:read:/abs/data/x.csv) when the target is a
literal, with ${DYNAMIC_MARKER} where it is known only at run time; each with the calls that need it
(imported user modules included), whether the grant covers it (✓/✗), the capabilities the file
declares, and what each function needs through everything it calls.

options:
${optionsHelp(spec)}
`,
  run,
};
