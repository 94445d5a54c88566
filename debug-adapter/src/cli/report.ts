// Renders check results for humans (`file:line:col: severity CODE: message`, 1-based) and for tools
// (the JSON shape below, 0-based positions as in LSP). Formatting only: no analysis, no I/O.
import type { Diagnostic, Position } from '@mlsec/grammar';

export interface FileResult {
  file: string;
  diagnostics: readonly Diagnostic[];
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
}

export function textReport(result: FileResult): string {
  return result.diagnostics
    .map((d) => {
      const { line, column } = d.range.start;
      return `${result.file}:${line + 1}:${column + 1}: ${d.severity} ${d.code}: ${d.message}\n`;
    })
    .join('');
}

const lsp = (p: Position): { line: number; character: number } => ({ line: p.line, character: p.column });

export function jsonReport(results: readonly FileResult[]): string {
  const out: JsonFileReport[] = results.map((r) => ({
    file: r.file,
    diagnostics: r.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: { start: lsp(d.range.start), end: lsp(d.range.end) },
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
