// Renders check results for humans (`file:line:col: severity CODE: message`, 1-based) and for tools
// (the JSON shape below, 0-based positions as in LSP). Formatting only: no analysis, no I/O.
import type { Diagnostic, Finding, Position } from '@mlsec/grammar';

export interface FileResult {
  file: string;
  diagnostics: readonly Diagnostic[];
  /** Security score 0–100 (absent for files the security analysis did not cover, e.g. mlpy.yaml). */
  score?: number;
  /** Suppressed security findings, present only when asked for (--show-suppressed). */
  suppressed?: readonly Finding[];
}

/** The JSON output schema of `mlsec check --format json` (an array of these). */
export interface JsonFileReport {
  file: string;
  diagnostics: {
    code: string;
    severity: Diagnostic['severity'];
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
  score?: number;
  /** Same shape as `diagnostics`, plus how each was suppressed. */
  suppressed?: (JsonFileReport['diagnostics'][number] & { suppressedBy: string })[];
}

const textLine = (file: string, d: Diagnostic): string =>
  `${file}:${d.range.start.line + 1}:${d.range.start.column + 1}: ${d.severity} ${d.code}: ${d.message}`;

export function textReport(result: FileResult): string {
  const lines = result.diagnostics.map((d) => `${textLine(result.file, d)}\n`);
  for (const f of result.suppressed ?? [])
    lines.push(`${textLine(result.file, f)} (suppressed by ${f.suppression?.text ?? 'config'})\n`);
  if (result.score !== undefined && result.diagnostics.some((d) => d.source === 'security')) {
    lines.push(`${result.file}: security score ${result.score}/100\n`);
  }
  return lines.join('');
}

const lsp = (p: Position): { line: number; character: number } => ({ line: p.line, character: p.column });

export function jsonReport(results: readonly FileResult[]): string {
  const json = (d: Diagnostic): JsonFileReport['diagnostics'][number] => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: { start: lsp(d.range.start), end: lsp(d.range.end) },
  });
  const out: JsonFileReport[] = results.map((r) => {
    const entry: JsonFileReport = { file: r.file, diagnostics: r.diagnostics.map(json) };
    if (r.score !== undefined) entry.score = r.score;
    if (r.suppressed)
      entry.suppressed = r.suppressed.map((f) => ({ ...json(f), suppressedBy: f.suppression?.text ?? 'config' }));
    return entry;
  });
  return JSON.stringify(out, null, 2) + '\n';
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
