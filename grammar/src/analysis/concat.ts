// `+` chains seen as templates: the parts of `"SELECT * FROM " + t + " WHERE id=" + id`, each a
// constant text or a dynamic value, and the detectors for SQL and shell-command shapes. Pure.
import type { Expression } from '../syntax/ast.js';
import { pythonText, type StaticValues } from './static-values.js';

export interface ChainPart {
  expr: Expression;
  /** The part's constant text (Python `str` form), or undefined when it is not a constant. */
  text: string | undefined;
}

/** Leaves of a `+` chain (through parentheses), left to right. */
export function flattenConcat(expr: Expression, values: StaticValues): ChainPart[] {
  const parts: ChainPart[] = [];
  const stack: Expression[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.kind === 'ParenExpr') {
      stack.push(e.expression);
      continue;
    }
    if (e.kind === 'BinaryExpr' && e.operator === '+') {
      const whole = values.constant(e);
      if (whole) {
        parts.push({ expr: e, text: pythonText(whole) });
        continue;
      }
      stack.push(e.right, e.left);
      continue;
    }
    const c = values.constant(e);
    parts.push({ expr: e, text: c === undefined ? undefined : pythonText(c) });
  }
  return parts;
}

/** Marker standing for a dynamic part when the chain is matched as one text. */
const HOLE = '\u2063X\u2063';

/** The chain as one text with a marker for each dynamic part; undefined when nothing is dynamic. */
export function templateText(parts: readonly ChainPart[]): string | undefined {
  if (!parts.some((p) => p.text === undefined) || !parts.some((p) => p.text !== undefined)) return undefined;
  return parts.map((p) => p.text ?? HOLE).join('');
}

const SQL_UPPER = [
  /\bSELECT\b[\s\S]*?\bFROM\b/,
  /\bINSERT\s+INTO\b/,
  /\bUPDATE\b[\s\S]*?\bSET\b/,
  /\bDELETE\s+FROM\b/,
  /\bDROP\s+TABLE\b/,
];
/** Lower-case SQL only where the text starts with a statement shape (prose rarely does). */
const SQL_LEADING =
  /^\s*(?:select\s+(?:\*|[\w.]+(?:\s*,\s*[\w.]+)*)\s+from\s+[\w\u2063]|insert\s+into\s+[\w\u2063]|update\s+[\w\u2063]+\s+set\s|delete\s+from\s+[\w\u2063]|drop\s+table\s)/i;

export function looksLikeSql(text: string): boolean {
  return SQL_UPPER.some((re) => re.test(text)) || SQL_LEADING.test(text);
}

const SHELL = [/\brm\s+-(?:rf|fr|r|f)\b/, /\|\s*(?:sh|bash|zsh)\b/, /&&\s*rm\b/, /;\s*(?:curl|wget|rm)\b/];

export function looksLikeCommand(text: string): boolean {
  return SHELL.some((re) => re.test(text));
}

/** Whether a path text has a `..` segment (`../x`, `a/../b`, `..\\x`, `..`). */
export function hasDotDotSegment(text: string): boolean {
  return text.split(/[/\\]/).some((segment) => segment === '..');
}
