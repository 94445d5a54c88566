// Entry point of the security analysis: runs every rule of SECURITY-RULES.md on a parsed and
// resolved program, infers the capabilities it needs, applies suppressions and scores the file.
// Never throws on a program the parser produced (including one recovered from syntax errors).
import { canonicalizeRoot } from '../capabilities/path-canonical.js';
import { resolve } from '../names/resolve.js';
import type { Resolution } from '../names/types.js';
import { STDLIB_MODULE_NAMES } from '../stdlib/names.js';
import { parse } from '../syntax/api.js';
import type { CallExpr, Program } from '../syntax/ast.js';
import { buildCallGraph } from './call-graph.js';
import { checkDeclarations } from './capability-decls.js';
import { CapabilityScanner } from './capability-scan.js';
import { summarise } from './capability-summary.js';
import { UNTRUSTED_SOURCES } from './flow-specs.js';
import { runFlowRules } from './rules-flow.js';
import type { Report } from './rules-names.js';
import { syntaxRules } from './rules-syntax.js';
import { makeFinding, securityScore } from './severity.js';
import { StaticValues } from './static-values.js';
import { traverse } from './traverse.js';
import { applySuppressions } from './suppress.js';
import type { AnalysisOptions, AnalysisResult, Finding } from './types.js';

/** A total order of findings (position, rule, message), so the output never depends on the order of work. */
function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.offset - b.range.start.offset ||
    a.range.end.offset - b.range.end.offset ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}:${f.range.start.offset}:${f.range.end.offset}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Analyses one file. `options.text` is the source the program was parsed from (SEC016 looks at what
 * follows an operand); every other input is optional.
 */
export function analyze(program: Program, resolution: Resolution, options: AnalysisOptions): AnalysisResult {
  const level = options.analysisLevel ?? 'moderate';
  const rootResult = options.root === undefined ? undefined : canonicalizeRoot(options.root);
  const root = rootResult?.ok ? rootResult.path : undefined;
  const values = new StaticValues(resolution);
  const raw: Finding[] = [];
  const report: Report = (rule, node, message) => raw.push(makeFinding(rule, node.range, message, level));

  const scanner = new CapabilityScanner(values, root, undefined);
  const rules = syntaxRules(resolution, values, options.text, report);
  traverse(program, scanner, rules.visit);
  const scan = scanner.result();
  const untrusted: CallExpr[] = [];
  for (const [call, uses] of scan.usesByCall) if (UNTRUSTED_SOURCES.has(uses[0]!.callee)) untrusted.push(call);
  runFlowRules(resolution, values, rules.shapes, { untrusted, codeStrings: rules.codeStrings }, report, scan.units);
  // The call graph and the summary come last: what they build is most of the result, and memory
  // that is still young while the data flow runs is copied by every collection it triggers.
  const graph = buildCallGraph(scan, program, root, options.file, options.moduleLoader, STDLIB_MODULE_NAMES);
  const declarations = checkDeclarations(program, options.grant, level);
  const summary = summarise(graph, options.grant, level);
  raw.push(...declarations.findings, ...summary.findings);

  const { active, suppressed } = applySuppressions(
    unique(raw).sort(byPosition),
    program.comments,
    options.suppress ?? [],
  );
  return {
    findings: active,
    suppressed,
    score: securityScore(active),
    capabilities: {
      uses: scan.uses,
      capabilities: summary.capabilities,
      functions: summary.functions,
      declarations: declarations.declared,
    },
  };
}

/** Parses, resolves and analyses source text (for callers that have nothing parsed yet). */
export function analyzeSource(text: string, options: Omit<AnalysisOptions, 'text'> = {}): AnalysisResult {
  const { program } = parse(text);
  return analyze(program, resolve(program), { ...options, text });
}
