// Actions of the expression rules: AST construction and the targeted checks that need the built
// nodes (`===`, `**`, `new`, calling a call result, JS arrows, tuples, trailing commas). Shared by
// the grammar (parser-expressions.ts) and its fast paths (parser.ts); no grammar decisions here.
import { tokenMatcher } from 'chevrotain';
import type { IToken } from 'chevrotain';
import type { Block, ErrorExpr, Expression, Identifier, Parameter, UnaryExpr } from './ast.js';
import { operatorInfo } from './operators.js';
import { ParserBase } from './parser-base.js';
import * as T from './tokens.js';

export interface IndexSuffix {
  open: IToken;
  start: Expression | null;
  stop: Expression | null;
  step: Expression | null;
  isSlice: boolean;
  close: IToken;
}

export interface CallArgs {
  open: IToken;
  args: Expression[];
  close: IToken;
}

/** A postfix operation recognised by `operand`: index/slice, member, or call. */
export type Suffix =
  | { kind: 'index'; value: IndexSuffix | null }
  | { kind: 'member'; name: IToken }
  | { kind: 'call'; value: CallArgs | null };

/** `()` and `(a, b)`: only valid as the parameters of a (misused) JS arrow. */
interface ParenList {
  items: Expression[];
}

export abstract class ExpressionActions extends ParserBase {
  private parenLists = new WeakMap<ErrorExpr, ParenList>();

  protected applySuffix(expr: Expression, s: Suffix): Expression {
    if (s.kind === 'index') return this.applyIndex(expr, s.value);
    if (s.kind === 'call') return this.applyCall(expr, s.value);
    return this.memberNode(expr, s.name);
  }

  protected memberNode(object: Expression, name: IToken): Expression {
    return this.memberAt(object, this.nameNode(name));
  }

  protected memberAt(object: Expression, property: Identifier): Expression {
    return { kind: 'MemberExpr', object, property, range: this.b.span(object.range.start, property.range.end) };
  }

  /** Paren lists not used as arrow parameters, prefix operators, and `new`. */
  protected finishOperand(
    prefixes: IToken[] | undefined,
    newTok: IToken | undefined,
    expr: Expression,
    arrowUsed: boolean,
  ): Expression {
    if (!arrowUsed && expr.kind === 'ErrorExpr' && this.parenLists.has(expr)) {
      const empty = this.parenLists.get(expr)!.items.length === 0;
      this.report('ML224', expr.range, empty ? 'Empty parentheses: expected an expression inside `()`.' : undefined);
    }
    if (prefixes) {
      for (let i = prefixes.length - 1; i >= 0; i--) {
        const p = prefixes[i]!;
        const unary: UnaryExpr = {
          kind: 'UnaryExpr',
          operator: p.image === '!' ? '!' : '-',
          operand: expr,
          range: this.b.span(this.b.start(p), expr.range.end),
        };
        expr = unary;
      }
    }
    if (newTok) {
      const next = this.b.lines.position(expr.range.start.offset);
      this.report('ML216', this.b.range(newTok), undefined, [
        { title: 'Remove `new`', edits: [{ range: this.b.span(this.b.start(newTok), next), newText: '' }] },
      ]);
    }
    return expr;
  }

  protected parenthesised(open: IToken, items: Expression[], close: IToken): Expression {
    const range = this.b.tokens(open, close);
    if (items.length === 1) return { kind: 'ParenExpr', expression: items[0]!, range };
    const list = this.b.errorExpr(range);
    this.parenLists.set(list, { items });
    return list;
  }

  /** A literal or name node from its token (called inside actions or from fast paths). */
  protected literalNode(tok: IToken): Expression {
    const type = tok.tokenType;
    if (type === T.NumberLit) return this.b.number(tok);
    if (tokenMatcher(tok, T.StringLit)) return this.b.string(tok);
    if (type === T.True || type === T.False)
      return { kind: 'BooleanLiteral', value: type === T.True, range: this.b.range(tok) };
    return this.nameNode(tok);
  }

  /** Builds left-associative binary trees from operands and operators by precedence. */
  protected climb(operands: Expression[], ops: IToken[]): Expression {
    if (ops.length === 0) return operands[0]!;
    const values: Expression[] = [operands[0]!];
    const stack: IToken[] = [];
    for (let i = 0; i <= ops.length; i++) {
      const op = ops[i];
      const prec = op ? operatorInfo(op.tokenType).precedence : 0;
      if (op) this.checkOperator(op);
      while (stack.length > 0 && operatorInfo(stack[stack.length - 1]!.tokenType).precedence >= prec) {
        const top = stack.pop()!;
        const right = values.pop()!;
        const left = values.pop()!;
        values.push(this.b.binary(operatorInfo(top.tokenType).operator, top, left, right));
      }
      if (op) {
        stack.push(op);
        values.push(operands[i + 1]!);
      }
    }
    return values[0]!;
  }

  protected checkOperator(op: IToken): void {
    if (op.tokenType === T.StrictEq || op.tokenType === T.StrictNotEq) {
      const fixed = op.image === '===' ? '==' : '!=';
      this.report('ML211', this.b.range(op), `ML has no \`${op.image}\`: use \`${fixed}\` (it compares values).`, [
        { title: `Replace with \`${fixed}\``, edits: [{ range: this.b.range(op), newText: fixed }] },
      ]);
    } else if (op.tokenType === T.StarStar) {
      this.report('ML215', this.b.range(op));
    }
  }

  protected applyIndex(object: Expression, s: IndexSuffix | null): Expression {
    if (s === null) {
      const end = this.b.endPos(this.LA(0));
      return {
        kind: 'IndexExpr',
        object,
        index: this.b.errorExpr(this.b.at(end.offset)),
        range: this.b.span(object.range.start, end),
      };
    }
    const range = this.b.span(object.range.start, this.b.endPos(s.close));
    if (s.isSlice) return { kind: 'SliceExpr', object, start: s.start, stop: s.stop, step: s.step, range };
    let index = s.start;
    if (index === null) {
      this.report('ML223', this.b.tokens(s.open, s.close));
      index = this.b.errorExpr(this.b.at(s.close.startOffset));
    }
    return { kind: 'IndexExpr', object, index, range };
  }

  protected applyCall(callee: Expression, call: CallArgs | null): Expression {
    if (call) return this.callNode(callee, call.open, call.args, call.close);
    const range = this.b.span(callee.range.start, this.b.endPos(this.LA(0)));
    if (callee.kind === 'Identifier' || callee.kind === 'MemberExpr')
      return { kind: 'CallExpr', callee, args: [], range };
    return this.b.errorExpr(range);
  }

  protected callNode(callee: Expression, open: IToken, args: Expression[], close: IToken): Expression {
    return this.callAt(callee, open.startOffset, args, this.b.end(close));
  }

  /** `callee(args)` from `(` at `open` to `)` ending at `end`; calling anything but a name or a member is ML212. */
  protected callAt(callee: Expression, open: number, args: Expression[], end: number): Expression {
    const range = this.b.span(callee.range.start, this.b.lines.position(end));
    if (callee.kind === 'Identifier' || callee.kind === 'MemberExpr') return { kind: 'CallExpr', callee, args, range };
    this.report('ML212', this.b.between(open, end));
    return this.b.errorExpr(range);
  }

  /** `x => ...` or `(a, b) => ...`: reported (ML219) and kept as an arrow function. */
  protected misusedArrow(head: Expression, arrow: IToken, body: Expression | Block): Expression {
    let params: Expression[] = [];
    if (head.kind === 'Identifier') params = [head];
    else if (head.kind === 'ParenExpr') params = [head.expression];
    else if (head.kind === 'ErrorExpr') params = this.parenLists.get(head)?.items ?? [];
    const names = params.filter((p) => p.kind === 'Identifier');
    const ok = names.length === params.length && (head.kind !== 'ErrorExpr' || this.parenLists.has(head));
    const fixes = ok
      ? [
          {
            title: 'Write it as `fn(...) =>`',
            edits:
              head.kind === 'Identifier'
                ? [{ range: head.range, newText: `fn(${head.name})` }]
                : [{ range: this.b.at(head.range.start.offset), newText: 'fn' }],
          },
        ]
      : [];
    this.report('ML219', this.b.span(head.range.start, this.b.endPos(arrow)), undefined, fixes);
    const parameters: Parameter[] = ok
      ? names.map((n) => ({ kind: 'Parameter', name: n as Parameter['name'], annotation: null, range: n.range }))
      : [];
    return { kind: 'ArrowFunction', params: parameters, body, range: this.b.span(head.range.start, body.range.end) };
  }

  protected trailingComma(comma: IToken): void {
    this.ACTION(() =>
      this.report('ML209', this.b.range(comma), undefined, [
        { title: 'Remove the trailing comma', edits: [{ range: this.b.range(comma), newText: '' }] },
      ]),
    );
  }
}
