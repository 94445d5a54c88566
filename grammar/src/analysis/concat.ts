// `+` chains seen as templates: the parts of `"SELECT * FROM " + t + " WHERE id=" + id`, each a
// constant text or a dynamic value, and the detectors for SQL and shell-command shapes. Pure.
import type { Expression } from '../syntax/ast.js';
import { pythonText, type Constant, type StaticValues } from './static-values.js';

export interface ChainPart {
  expr: Expression;
  /** The part's constant text (Python `str` form), or undefined when it is not a constant. */
  text: string | undefined;
}

/**
 * Calls `fn` for each leaf of a `+` chain (through parentheses), left to right, with its constant
 * value: a `+` whose whole value is a constant is one leaf; any other `+` is split.
 */
function forEachChainPart(
  expr: Expression,
  values: StaticValues,
  fn: (part: Expression, constant: Constant | undefined) => void,
): void {
  // One stack for every chain (above `base`: this call's entries), not an array per chain.
  const stack = chainStack;
  const base = stack.length;
  stack.push(expr);
  try {
    while (stack.length > base) {
      const e = stack.pop()!;
      if (e.kind === 'ParenExpr') {
        stack.push(e.expression);
        continue;
      }
      const c = values.constant(e);
      if (c === undefined && e.kind === 'BinaryExpr' && e.operator === '+') stack.push(e.right, e.left);
      else fn(e, c);
    }
  } finally {
    stack.length = base;
  }
}

const chainStack: Expression[] = [];

/** Leaves of a `+` chain (through parentheses), left to right. */
export function flattenConcat(expr: Expression, values: StaticValues): ChainPart[] {
  const parts: ChainPart[] = [];
  forEachChainPart(expr, values, (e, c) => parts.push({ expr: e, text: c === undefined ? undefined : pythonText(c) }));
  return parts;
}

/** Marker standing for a dynamic part when the chain is matched as one text. */
const HOLE = '\u2063X\u2063';

/**
 * The chain as one text (the parts of flattenConcat joined) with a marker for each dynamic part;
 * undefined when no part is dynamic or none is constant.
 */
export function chainTemplate(expr: Expression, values: StaticValues): string | undefined {
  let text = '';
  let dynamic = false;
  let constant = false;
  forEachChainPart(expr, values, (_, c) => {
    if (c) {
      text += pythonText(c);
      constant = true;
    } else {
      text += HOLE;
      dynamic = true;
    }
  });
  return dynamic && constant ? text : undefined;
}

/** What a `+` chain builds, as far as SEC011, SEC012 and SEC015 care. */
export interface ChainShape {
  sql: boolean;
  command: boolean;
}

const SHAPES: readonly ChainShape[] = [
  { sql: false, command: false },
  { sql: true, command: false },
  { sql: false, command: true },
  { sql: true, command: true },
];

/** The shapes of `+` chains in one analysis, memoised per chain: the rules and the data flow both ask. */
export class ChainShapes {
  private readonly shapes = new Map<Expression, ChainShape>();

  constructor(private readonly values: StaticValues) {}

  of(chain: Expression): ChainShape {
    let shape = this.shapes.get(chain);
    if (!shape) {
      const template = chainTemplate(chain, this.values);
      const sql = template !== undefined && looksLikeSql(template);
      const command = template !== undefined && looksLikeCommand(template);
      this.shapes.set(chain, (shape = SHAPES[(sql ? 1 : 0) + (command ? 2 : 0)]!));
    }
    return shape;
  }
}

/** Upper-case SQL statement shapes anywhere in the text (one alternation: one scan of the text). */
const SQL_UPPER =
  /\bSELECT\b[\s\S]*?\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\b[\s\S]*?\bSET\b|\bDELETE\s+FROM\b|\bDROP\s+TABLE\b/;
/** Lower-case SQL only where the text starts with a statement shape (prose rarely does). */
const SQL_LEADING =
  /^\s*(?:select\s+(?:\*|[\w.]+(?:\s*,\s*[\w.]+)*)\s+from\s+[\w\u2063]|insert\s+into\s+[\w\u2063]|update\s+[\w\u2063]+\s+set\s|delete\s+from\s+[\w\u2063]|drop\s+table\s)/i;

export function looksLikeSql(text: string): boolean {
  return SQL_UPPER.test(text) || SQL_LEADING.test(text);
}

/** Shell command shapes (one alternation). */
const SHELL = /\brm\s+-(?:rf|fr|r|f)\b|\|\s*(?:sh|bash|zsh)\b|&&\s*rm\b|;\s*(?:curl|wget|rm)\b/;

export function looksLikeCommand(text: string): boolean {
  return SHELL.test(text);
}

const isSeparator = (c: string | undefined): boolean => c === undefined || c === '/' || c === '\\';

/** Whether a path text has a `..` segment (`../x`, `a/../b`, `..\\x`, `..`). */
export function hasDotDotSegment(text: string): boolean {
  for (let i = text.indexOf('..'); i >= 0; i = text.indexOf('..', i + 1)) {
    if (isSeparator(i === 0 ? undefined : text[i - 1]) && isSeparator(text[i + 2])) return true;
  }
  return false;
}
