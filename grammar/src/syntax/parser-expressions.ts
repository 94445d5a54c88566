// Expression rules of the ML grammar (§2 `expression` .. `atom`), including the tolerated mistakes
// that get a targeted diagnostic: `===`, `**`, `new`, calling a call result, JS arrows, tuples,
// trailing commas. Binary levels are one rule with precedence climbing (fewer rule frames, faster).
import type { IToken, ParserMethod } from 'chevrotain';
import type {
  ArrowFunction,
  Block,
  ErrorExpr,
  Expression,
  ObjectLiteral,
  ObjectProperty,
  Parameter,
  UnaryExpr,
} from './ast.js';
import { operatorInfo } from './operators.js';
import { ParserBase } from './parser-base.js';
import * as T from './tokens.js';

interface IndexSuffix {
  open: IToken;
  start: Expression | null;
  stop: Expression | null;
  step: Expression | null;
  isSlice: boolean;
  close: IToken;
}

interface CallArgs {
  open: IToken;
  args: Expression[];
  close: IToken;
}

/** `()` and `(a, b)`: only valid as the parameters of a (misused) JS arrow. */
interface ParenList {
  items: Expression[];
}

export abstract class ExpressionParser extends ParserBase {
  protected abstract readonly block: ParserMethod<[], Block>;
  private parenLists = new WeakMap<ErrorExpr, ParenList>();

  readonly expression = this.RULE(
    'expression',
    (): Expression => {
      const operands: Expression[] = [this.SUBRULE(this.operand)];
      const ops: IToken[] = [];
      this.MANY(() => {
        ops.push(this.CONSUME(T.BinaryOp));
        operands.push(this.SUBRULE2(this.operand));
      });
      let result = this.ACTION(() => this.climb(operands, ops));
      this.OPTION(() => {
        this.CONSUME(T.Question);
        const consequent = this.SUBRULE(this.expression);
        this.CONSUME(T.Colon);
        const alternate = this.SUBRULE2(this.expression);
        this.ACTION(() => {
          result = {
            kind: 'ConditionalExpr',
            test: result,
            consequent,
            alternate,
            range: this.b.span(result.range.start, alternate.range.end),
          };
        });
      });
      return result;
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  readonly operand = this.RULE(
    'operand',
    (): Expression => {
      const prefixes: IToken[] = [];
      this.MANY(() => {
        prefixes.push(this.CONSUME(T.PrefixOp));
      });
      let newTok: IToken | undefined;
      this.OPTION({
        GATE: () => this.LA(1).image === 'new' && this.LA(1).tokenType === T.Identifier && this.is(2, T.Identifier),
        DEF: () => {
          newTok = this.CONSUME(T.Identifier);
        },
      });
      let expr = this.OR([
        { ALT: () => this.literal(this.CONSUME(T.NumberLit)) },
        { ALT: () => this.literal(this.CONSUME(T.StringLit)) },
        { ALT: () => this.literal(this.CONSUME(T.True)) },
        { ALT: () => this.literal(this.CONSUME(T.False)) },
        { ALT: () => this.literal(this.CONSUME2(T.Identifier)) },
        { ALT: () => this.SUBRULE(this.arrayLiteral) },
        { ALT: () => this.SUBRULE(this.objectLiteral) },
        { ALT: () => this.SUBRULE(this.arrowFunction) },
        { ALT: () => this.SUBRULE(this.parenExpression) },
      ]);
      this.MANY2(() => {
        this.OR2([
          {
            ALT: () => {
              const suffix = this.SUBRULE(this.indexSuffix);
              this.ACTION(() => {
                expr = this.applyIndex(expr, suffix);
              });
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Dot);
              const name = this.CONSUME(T.Name);
              this.ACTION(() => {
                const property = this.nameNode(name);
                expr = { kind: 'MemberExpr', object: expr, property, range: this.b.span(expr.range.start, property.range.end) };
              });
            },
          },
          {
            ALT: () => {
              const call = this.SUBRULE(this.callArguments);
              this.ACTION(() => {
                expr = this.applyCall(expr, call);
              });
            },
          },
        ]);
      });
      let arrowUsed = false;
      this.OPTION2(() => {
        const arrow = this.CONSUME(T.Arrow);
        const body = this.SUBRULE(this.arrowBody);
        this.ACTION(() => {
          arrowUsed = true;
          expr = this.misusedArrow(expr, arrow, body);
        });
      });
      return this.ACTION(() => {
        if (!arrowUsed && expr.kind === 'ErrorExpr' && this.parenLists.has(expr)) {
          const empty = this.parenLists.get(expr)!.items.length === 0;
          this.report('ML224', expr.range, empty ? 'Empty parentheses: expected an expression inside `()`.' : undefined);
        }
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
        if (newTok) {
          const next = this.b.lines.position(expr.range.start.offset);
          this.report('ML216', this.b.range(newTok), undefined, [
            { title: 'Remove `new`', edits: [{ range: this.b.span(this.b.start(newTok), next), newText: '' }] },
          ]);
        }
        return expr;
      });
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  readonly indexSuffix = this.RULE(
    'indexSuffix',
    (): IndexSuffix | null => {
      const open = this.CONSUME(T.LBracket);
      let start: Expression | null = null;
      let stop: Expression | null = null;
      let step: Expression | null = null;
      let isSlice = false;
      this.OPTION(() => {
        start = this.SUBRULE(this.expression);
      });
      this.OPTION2(() => {
        this.CONSUME(T.Colon);
        isSlice = true;
        this.OPTION3(() => {
          stop = this.SUBRULE2(this.expression);
        });
        this.OPTION4(() => {
          this.CONSUME2(T.Colon);
          this.OPTION5(() => {
            step = this.SUBRULE3(this.expression);
          });
        });
      });
      const close = this.CONSUME(T.RBracket);
      return { open, start, stop, step, isSlice, close };
    },
    { recoveryValueFunc: () => null },
  );

  readonly callArguments = this.RULE(
    'callArguments',
    (): CallArgs | null => {
      const open = this.CONSUME(T.LParen);
      const args = this.SUBRULE(this.expressionList, { ARGS: [T.RParen] });
      const close = this.CONSUME(T.RParen);
      return { open, args, close };
    },
    { recoveryValueFunc: () => null },
  );

  /** `a, b, c` before a closer; a trailing comma is reported (ML209) and tolerated. */
  readonly expressionList = this.RULE(
    'expressionList',
    (closer: typeof T.RParen): Expression[] => {
      const items: Expression[] = [];
      this.OPTION(() => {
        items.push(this.SUBRULE(this.expression));
        this.MANY({
          GATE: () => !(this.is(1, T.Comma) && this.is(2, closer)),
          DEF: () => {
            this.CONSUME(T.Comma);
            items.push(this.SUBRULE2(this.expression));
          },
        });
        this.OPTION2(() => this.trailingComma(this.CONSUME2(T.Comma)));
      });
      return items;
    },
    { recoveryValueFunc: () => [] },
  );

  readonly arrayLiteral = this.RULE(
    'arrayLiteral',
    (): Expression => {
      const open = this.CONSUME(T.LBracket);
      const elements = this.SUBRULE(this.expressionList, { ARGS: [T.RBracket] });
      const close = this.CONSUME(T.RBracket);
      return this.ACTION(() => ({ kind: 'ArrayLiteral', elements, range: this.b.tokens(open, close) }));
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  readonly objectLiteral = this.RULE(
    'objectLiteral',
    (): ObjectLiteral | ErrorExpr => {
      const open = this.CONSUME(T.LCurly);
      const properties: (ObjectProperty | null)[] = [];
      this.OPTION(() => {
        properties.push(this.SUBRULE(this.objectProperty));
        this.MANY({
          GATE: () => !(this.is(1, T.Comma) && this.is(2, T.RCurly)),
          DEF: () => {
            this.CONSUME(T.Comma);
            properties.push(this.SUBRULE2(this.objectProperty));
          },
        });
        this.OPTION2(() => this.trailingComma(this.CONSUME2(T.Comma)));
      });
      const close = this.CONSUME(T.RCurly);
      return this.ACTION(() => ({
        kind: 'ObjectLiteral',
        properties: properties.filter((p): p is ObjectProperty => p !== null),
        range: this.b.tokens(open, close),
      }));
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  readonly objectProperty = this.RULE(
    'objectProperty',
    (): ObjectProperty | null => {
      const keyTok = this.OR([{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.StringLit) }]);
      this.CONSUME(T.Colon);
      const value = this.SUBRULE(this.expression);
      return this.ACTION(() => {
        const key = keyTok.tokenType === T.StringLit || keyTok.tokenType === T.UnterminatedString ? this.b.string(keyTok) : this.nameNode(keyTok);
        const keyName = key.kind === 'Identifier' ? key.name : key.value;
        return { kind: 'ObjectProperty', key, keyName, value, range: this.b.span(key.range.start, value.range.end) };
      });
    },
    { recoveryValueFunc: () => null },
  );

  readonly arrowFunction = this.RULE(
    'arrowFunction',
    (): Expression => {
      const fnTok = this.CONSUME(T.Fn);
      let result: ArrowFunction | undefined;
      this.OPTION(() => {
        this.CONSUME(T.LParen);
        let params: Parameter[] = [];
        this.OPTION2(() => {
          params = this.SUBRULE(this.parameters);
        });
        this.CONSUME(T.RParen);
        this.CONSUME(T.Arrow);
        const body = this.SUBRULE(this.arrowBody);
        this.ACTION(() => {
          result = { kind: 'ArrowFunction', params, body, range: this.b.span(this.b.start(fnTok), body.range.end) };
        });
      });
      return this.ACTION(() => {
        if (result) return result;
        this.report('ML225', this.b.range(fnTok));
        return this.nameNode(fnTok);
      });
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  /** `{` after `=>` is a block only when it holds a statement; `fn() => {}` is an empty object. */
  readonly arrowBody = this.RULE(
    'arrowBody',
    (): Expression | Block =>
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => !this.objectBraceAhead(), ALT: () => this.SUBRULE(this.block) },
          { ALT: () => this.SUBRULE(this.expression) },
        ],
      }),
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  readonly parameters = this.RULE(
    'parameters',
    (): Parameter[] => {
      const params: (Parameter | null)[] = [this.SUBRULE(this.parameter)];
      this.MANY({
        GATE: () => !(this.is(1, T.Comma) && this.is(2, T.RParen)),
        DEF: () => {
          this.CONSUME(T.Comma);
          params.push(this.SUBRULE2(this.parameter));
        },
      });
      this.OPTION(() => this.trailingComma(this.CONSUME2(T.Comma)));
      return params.filter((p): p is Parameter => p !== null);
    },
    { recoveryValueFunc: () => [] },
  );

  readonly parameter = this.RULE(
    'parameter',
    (): Parameter | null => {
      const nameTok = this.CONSUME(T.Identifier);
      let annTok: IToken | undefined;
      this.OPTION(() => {
        this.CONSUME(T.Colon);
        annTok = this.CONSUME2(T.Identifier);
      });
      return this.ACTION(() => {
        const name = this.nameNode(nameTok);
        const annotation = annTok ? this.nameNode(annTok) : null;
        return { kind: 'Parameter', name, annotation, range: this.b.span(name.range.start, (annotation ?? name).range.end) };
      });
    },
    { recoveryValueFunc: () => null },
  );

  readonly parenExpression = this.RULE(
    'parenExpression',
    (): Expression => {
      const open = this.CONSUME(T.LParen);
      const items = this.SUBRULE(this.expressionList, { ARGS: [T.RParen] });
      const close = this.CONSUME(T.RParen);
      return this.ACTION(() => {
        const range = this.b.tokens(open, close);
        if (items.length === 1) return { kind: 'ParenExpr', expression: items[0]!, range };
        const list = this.b.errorExpr(range);
        this.parenLists.set(list, { items });
        return list;
      });
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  // ---- actions -------------------------------------------------------------------------------

  private literal(tok: IToken): Expression {
    return this.ACTION(() => {
      const type = tok.tokenType;
      if (type === T.NumberLit) return this.b.number(tok);
      if (type === T.StringLit || type === T.UnterminatedString) return this.b.string(tok);
      if (type === T.True || type === T.False) return { kind: 'BooleanLiteral', value: type === T.True, range: this.b.range(tok) };
      return this.nameNode(tok);
    });
  }

  /** Builds left-associative binary trees from operands and operators by precedence. */
  private climb(operands: Expression[], ops: IToken[]): Expression {
    if (ops.length === 0) return operands[0]!;
    const values: Expression[] = [operands[0]!];
    const stack: IToken[] = [];
    const reduce = () => {
      const op = stack.pop()!;
      const right = values.pop()!;
      const left = values.pop()!;
      values.push(this.b.binary(operatorInfo(op.tokenType).operator, op, left, right));
    };
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      this.checkOperator(op);
      const prec = operatorInfo(op.tokenType).precedence;
      while (stack.length > 0 && operatorInfo(stack[stack.length - 1]!.tokenType).precedence >= prec) reduce();
      stack.push(op);
      values.push(operands[i + 1]!);
    }
    while (stack.length > 0) reduce();
    return values[0]!;
  }

  private checkOperator(op: IToken): void {
    if (op.tokenType === T.StrictEq || op.tokenType === T.StrictNotEq) {
      const fixed = op.image === '===' ? '==' : '!=';
      this.report('ML211', this.b.range(op), `ML has no \`${op.image}\`: use \`${fixed}\` (it compares values).`, [
        { title: `Replace with \`${fixed}\``, edits: [{ range: this.b.range(op), newText: fixed }] },
      ]);
    } else if (op.tokenType === T.StarStar) {
      this.report('ML215', this.b.range(op));
    }
  }

  private applyIndex(object: Expression, s: IndexSuffix | null): Expression {
    if (s === null) {
      const end = this.b.endPos(this.LA(0));
      return { kind: 'IndexExpr', object, index: this.b.errorExpr(this.b.at(end.offset)), range: this.b.span(object.range.start, end) };
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

  private applyCall(callee: Expression, call: CallArgs | null): Expression {
    const end = call ? this.b.endPos(call.close) : this.b.endPos(this.LA(0));
    const range = this.b.span(callee.range.start, end);
    const args = call ? call.args : [];
    if (callee.kind === 'Identifier' || callee.kind === 'MemberExpr') return { kind: 'CallExpr', callee, args, range };
    if (call) this.report('ML212', this.b.tokens(call.open, call.close));
    return this.b.errorExpr(range);
  }

  /** `x => ...` or `(a, b) => ...`: reported (ML219) and kept as an arrow function. */
  private misusedArrow(head: Expression, arrow: IToken, body: Expression | Block): Expression {
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
