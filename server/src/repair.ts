// Name resolution for a cursor in code that does not parse yet (the usual state while typing): the
// text before the cursor, completed with a placeholder name and the closers of every bracket still
// open, parsed and resolved on its own. Names bound later are not visible before anyway (§5).
import { parse, resolve, type Resolution, type SyntaxToken } from '@mlsec/grammar';
import type { DocumentAnalysis } from './document-analysis.js';
import { tokenIndexAt } from './cursor.js';

const HOLE = 'mlsecCompletionHole';
const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** The prefix before `offset`, made complete: `f(a, ` → `f(a, HOLE);`, `{ return ` → `{ return HOLE;}`. */
export function repairedPrefix(text: string, tokens: readonly SyntaxToken[], offset: number): string {
  const open: string[] = [];
  const end = tokenIndexAt(tokens, offset);
  for (let i = 0; i < end; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punctuation') continue;
    if (t.text in CLOSER) open.push(t.text);
    else if (t.text === ')' || t.text === ']' || t.text === '}') open.pop();
  }
  let tail = '';
  let terminated = false;
  for (let i = open.length - 1; i >= 0; i--) {
    const bracket = open[i]!;
    if (bracket === '{' && !terminated) {
      tail += ';';
      terminated = true;
    }
    tail += CLOSER[bracket]!;
  }
  if (!terminated) tail += ';';
  return `${text.slice(0, offset)}${HOLE}${tail}`;
}

/** The resolution to ask for names visible at `offset`: the document's own when it parses. */
export function resolutionAt(a: DocumentAnalysis, offset: number): Resolution {
  if (!a.parsed.diagnostics.some((d) => d.severity === 'error')) return a.resolution;
  return resolve(parse(repairedPrefix(a.text, a.tokens, offset)).program);
}
