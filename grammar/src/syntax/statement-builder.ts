// Turns the parts of an expression-led statement (`expr;`, `target = expr;`, `[a, b] = expr;`,
// and the tolerated `x += 1;`, `x++;`, `++x;`) into an AST statement, reporting what is not ML.
// Only node building and the matching diagnostics; the grammar itself is in parser.ts.
import type { IToken, TokenType } from 'chevrotain';
import type { QuickFix } from '../diagnostics.js';
import type { AssignTarget, Expression, Identifier, Range, Statement } from './ast.js';
import type { AstBuilder } from './builder.js';
import type { SyntaxCode } from './messages.js';
import { compoundOperator } from './operators.js';
import * as T from './tokens.js';

export interface SimpleParts {
  /** `let`/`const`/`var` (already reported by the parser). */
  decl: IToken | undefined;
  /** `++`/`--` before the target. */
  prefix: IToken | undefined;
  target: Expression;
  /** Type of the operator after the target: `=`, a compound assignment, or a postfix `++`/`--`. */
  opType: TokenType | undefined;
  /** The operator token itself, for compound assignments and `++`/`--` (not needed for `=`). */
  op: IToken | undefined;
  value: Expression | undefined;
  /** A second `=` (`a = b = c`), reported as ML228; the rest of the chain is dropped. */
  chained: IToken | undefined;
  /** End offset of the closing `;`. */
  semiEnd: number;
}

/** The parts of a simple statement before any is parsed. */
export function emptySimpleParts(): SimpleParts {
  return {
    decl: undefined,
    prefix: undefined,
    target: undefined!,
    opType: undefined,
    op: undefined,
    value: undefined,
    chained: undefined,
    semiEnd: 0,
  };
}

type Report = (code: SyntaxCode, range: Range, message?: string, fixes?: QuickFix[]) => void;

function isTarget(e: Expression): e is AssignTarget {
  return e.kind === 'Identifier' || e.kind === 'MemberExpr' || e.kind === 'IndexExpr';
}

export function buildSimpleStatement(p: SimpleParts, b: AstBuilder, report: Report): Statement | null {
  const first = p.decl ?? p.prefix;
  const start = first ? b.start(first) : p.target.range.start;
  const range = b.span(start, b.lines.position(p.semiEnd));
  const text = (r: Range) => b.lines.text.slice(r.start.offset, r.end.offset);

  if (p.prefix || p.opType === T.IncDec) {
    const opTok = (p.prefix ?? p.op)!;
    const whole = p.prefix
      ? b.span(b.start(p.prefix), p.target.range.end)
      : b.span(p.target.range.start, b.endPos(opTok));
    const sign = opTok.image === '++' ? '+' : '-';
    const fixes: QuickFix[] = isTarget(p.target)
      ? [
          {
            title: `Write \`${text(p.target.range)} = ${text(p.target.range)} ${sign} 1\``,
            edits: [{ range: whole, newText: `${text(p.target.range)} = ${text(p.target.range)} ${sign} 1` }],
          },
        ]
      : [];
    const t = isTarget(p.target) ? text(p.target.range) : 'x';
    report('ML206', b.range(opTok), `\`${opTok.image}\` is not part of ML: write \`${t} = ${t} ${sign} 1;\`.`, fixes);
    return { kind: 'ExpressionStmt', expression: p.target, range };
  }

  if (!p.opType || !p.value) return { kind: 'ExpressionStmt', expression: p.target, range };
  if (p.chained) report('ML228', b.range(p.chained));

  if (p.opType === T.Assign && p.target.kind === 'ArrayLiteral') {
    const names = p.target.elements.filter((e): e is Identifier => e.kind === 'Identifier');
    if (names.length === p.target.elements.length && names.length > 0) {
      return { kind: 'ArrayDestructureStmt', names, value: p.value, range };
    }
    report('ML222', p.target.range);
    return { kind: 'ExpressionStmt', expression: p.value, range };
  }

  if (!isTarget(p.target)) {
    if (p.target.kind !== 'ErrorExpr') report('ML221', p.target.range);
    return { kind: 'ExpressionStmt', expression: p.value, range };
  }

  if (p.opType === T.Assign) return { kind: 'AssignStmt', target: p.target, value: p.value, range };

  // Compound assignment `x += v`: reported, kept as `x = x + v` so later passes still see both sides.
  const op = p.op!;
  const operator = compoundOperator(op.tokenType);
  const targetText = text(p.target.range);
  report(
    'ML205',
    b.range(op),
    `\`${op.image}\` is not part of ML: write \`${targetText} = ${targetText} ${operator} ...;\`.`,
    [
      {
        title: `Write \`${targetText} = ${targetText} ${operator} ...\``,
        edits: [{ range: b.range(op), newText: `= ${targetText} ${operator}` }],
      },
    ],
  );
  const left = JSON.parse(JSON.stringify(p.target)) as Expression;
  return { kind: 'AssignStmt', target: p.target, value: b.binary(operator, op, left, p.value), range };
}
