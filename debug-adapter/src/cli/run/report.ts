// What `mlsec run` prints about a run that did not end well: the error as `file:line:column: Kind:
// message` with the ML stack, refusal diagnostics with paths as the user named the program, the
// rules that refused it, and the grants an --audit-only run would need. Text only; no I/O.
import path from 'node:path';
import type { RuleId } from '@mlsec/grammar';
import { ruleDocsAnchor, ruleOf } from '@mlsec/grammar/analysis';
import type { RunError } from '../../sandbox/types.js';

/**
 * How run output names program files. The sandbox reports them relative to the program's folder
 * (`root`); they are shown under the folder prefix the user typed (`examples/word_count.ml`), or as
 * they are when the program was named by an absolute path, so no host path leaks into the output.
 */
export function fileDisplay(programArg: string, root: string): (shown: string) => string {
  const dir = path.dirname(programArg);
  const prefix = path.isAbsolute(programArg) || dir === '.' ? '' : dir;
  return (shown) => {
    let name = shown;
    if (path.isAbsolute(name)) {
      const rel = path.relative(root, name);
      name = rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(name) : rel;
    }
    return prefix === '' ? name : path.join(prefix, name);
  };
}

/** Identical stack lines in a row shown before the rest are counted (deep recursion). */
const REPEATS_SHOWN = 3;

/**
 * `file:line:column: Kind: message` and the ML stack (innermost call first), one line per frame;
 * a frame repeated in a row is shown three times, then counted.
 */
export function formatRunError(error: RunError, display: (shown: string) => string, program: string): string {
  const where =
    error.file !== null && error.line !== null ? `${display(error.file)}:${error.line}:${error.column ?? 1}` : program;
  const lines = [`${where}: ${error.kind}: ${error.message}`];
  let previous = '';
  let repeats = 0;
  const flush = (): void => {
    if (repeats > REPEATS_SHOWN) lines.push(`    ... the same call ${repeats - REPEATS_SHOWN} more times`);
  };
  for (const f of error.mlStack) {
    const line = `    at ${f.name} (${display(f.file)}:${f.line}:${f.column})`;
    if (line === previous) repeats++;
    else {
      flush();
      previous = line;
      repeats = 1;
    }
    if (repeats <= REPEATS_SHOWN) lines.push(line);
  }
  flush();
  return lines.join('\n') + '\n';
}

const DIAGNOSTIC_LINE = /^(.+?):(\d+):(\d+): (error|warning|info|hint) /;

/** Refusal diagnostics as the pipeline prints them (`shown:line:col: ...`), with displayed paths. */
export function relocateDiagnostics(text: string, display: (shown: string) => string): string {
  return text
    .split('\n')
    .map((line) =>
      line.replace(
        DIAGNOSTIC_LINE,
        (_m, file: string, l: string, c: string, sev: string) => `${display(file)}:${l}:${c}: ${sev} `,
      ),
    )
    .join('\n');
}

/** One line per rule that refused the run: its id, name, what it is about and where it is documented. */
export function refusalSummary(rules: readonly RuleId[]): string {
  return rules
    .map((id) => {
      const rule = ruleOf(id);
      return `mlsec run: refused by ${id} (${rule.name}): ${rule.short}; see ${ruleDocsAnchor(id)}\n`;
    })
    .join('');
}

/** The --audit-only summary: what the run asked for beyond the grant, as flags ready to copy. */
export function auditOnlySummary(grants: readonly string[]): string {
  if (grants.length === 0) return 'mlsec run: audit-only: the program needs nothing beyond the grant\n';
  const n = grants.length;
  const list = grants.map((g) => `  --allow '${g.replace(/'/g, `'\\''`)}'\n`).join('');
  return `mlsec run: audit-only: the program needs ${n} ${n === 1 ? 'capability' : 'capabilities'} beyond the grant:\n${list}`;
}
