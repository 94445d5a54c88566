// The text a debug console shows when a run ends with an error: `file:line:column: Kind: message`
// and the ML stack, never a JavaScript stack. Errors the sandbox already streamed (refusals before
// the run) and a terminate asked for by the user are not repeated.
import type { RunResult } from '../../sandbox/types.js';

export function errorReport(result: RunResult): string {
  const e = result.error;
  if (!e || e.kind === 'TerminatedError') return '';
  if (e.mlStack.length === 0 && result.stderr.includes(e.message.replace(/^[A-Z]+\d+: /, ''))) return '';
  const where = e.file ? `${e.file}:${e.line ?? 0}:${e.column ?? 0}: ` : '';
  const stack = e.mlStack.map((f) => `    at ${f.name} (${f.file}:${f.line}:${f.column})\n`).join('');
  return `${where}${e.kind}: ${e.message}\n${stack}`;
}
