// Expression rules of the ML grammar (§2 `expression` .. `atom`) in Chevrotain's DSL. Binary levels
// are one rule with precedence climbing. The hottest rules also have hand-written fast paths
// (parser.ts) that follow exactly this grammar; the DSL body is what Chevrotain records and checks.
import { tokenMatcher } from 'chevrotain';
import type { AtLeastOneSepMethodOpts, IToken, ParserMethod } from 'chevrotain';
import type { ArrowFunction, Block, ErrorExpr, Expression, ObjectLiteral, ObjectProperty, Parameter } from './ast.js';
import { present } from './builder.js';
import { ExpressionActions } from './parser-expression-actions.js';
import type { CallArgs, IndexSuffix, Suffix } from './parser-expression-actions.js';
import { IDX, IS_IDENTIFIER } from './token-classes.js';
import * as T from './tokens.js';

export abstract class ExpressionParser extends ExpressionActions {
  protected abstract readonly block: ParserMethod<[], Block>;
  protected abstract expressionFast(): Expression;
  protected abstract listFast(closer: typeof T.RParen): Expression[];
  protected abstract indexSuffixFast(): IndexSuffix | null;
  protected abstract arrayLiteralFast(): Expression;
  protected abstract objectLiteralFast(): ObjectLiteral | ErrorExpr;
  protected abstract objectPropertyFast(): ObjectProperty | null;

  /**
   * `expression` = `operand (BinaryOp operand)* ('?' expression ':' expression)?`, the operands being
   * one separated repetition inside this rule rather than a rule of their own: that saves a rule
   * invocation per operand on the parser's hottest path.
   */
  readonly expression = this.RULE(
    'expression',
    (): Expression => {
      if (this.fast) return this.expressionFast();
      const operands: Expression[] = [];
      const ops: IToken[] = [];
      this.AT_LEAST_ONE_SEP({
        SEP: T.BinaryOp,
        DEF: () => {
          // Chevrotain consumed the separator: from the second operand on it is the previous token.
          if (operands.length > 0 && !this.RECORDING_PHASE) ops.push(this.LA(0));
          operands.push(this.operandBody());
        },
      });
      let result = this.ACTION(() => this.climb(operands, ops));
      this.OPTION3(() => {
        this.CONSUME(T.Question);
        const consequent = this.SUBRULE(this.expression);
        this.CONSUME(T.Colon);
        const alternate = this.SUBRULE2(this.expression);
        this.ACTION(() => {
          result = this.conditional(result, consequent, alternate);
        });
      });
      return result;
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  /** Raises Chevrotain's "expected an expression" error where no operand can start (fast path). */
  protected readonly noOperand: AtLeastOneSepMethodOpts<void> = { SEP: T.BinaryOp, DEF: () => undefined };

  /** Alternatives of `atom`, built once; the fast path falls back to them to report errors. */
  protected atomAlts = [
    { ALT: () => this.literal(this.CONSUME(T.NumberLit)) },
    { ALT: () => this.literal(this.CONSUME(T.StringLit)) },
    { ALT: () => this.literal(this.CONSUME(T.True)) },
    { ALT: () => this.literal(this.CONSUME(T.False)) },
    { ALT: () => this.literal(this.CONSUME2(T.Identifier)) },
    { ALT: () => this.SUBRULE(this.arrayLiteral) },
    { ALT: () => this.SUBRULE(this.objectLiteral) },
    { ALT: () => this.SUBRULE(this.arrowFunction) },
    { ALT: () => this.SUBRULE(this.parenExpression) },
  ];

  protected suffixAlts = [
    { ALT: (): Suffix => ({ kind: 'index', value: this.SUBRULE(this.indexSuffix) }) },
    {
      ALT: (): Suffix => {
        this.CONSUME(T.Dot);
        return { kind: 'member', name: this.CONSUME(T.Name) };
      },
    },
    { ALT: (): Suffix => ({ kind: 'call', value: this.callArguments() }) },
  ];

  /** `unary` and `primary` of §2: prefix operators, an atom, then index/member/call suffixes. */
  protected operandBody(): Expression {
    const prefixes: IToken[] = [];
    this.MANY(() => {
      prefixes.push(this.CONSUME(T.PrefixOp));
    });
    let newTok: IToken | undefined;
    this.OPTION({
      GATE: () => this.newAhead(),
      DEF: () => {
        newTok = this.CONSUME(T.Identifier);
      },
    });
    let expr = this.OR(this.atomAlts);
    this.MANY2(() => {
      const suffix = this.OR2(this.suffixAlts);
      this.ACTION(() => {
        expr = this.applySuffix(expr, suffix);
      });
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
    return this.ACTION(() => this.finishOperand(prefixes, newTok, expr, arrowUsed));
  }

  readonly indexSuffix = this.RULE(
    'indexSuffix',
    (): IndexSuffix | null => {
      if (this.fast) return this.indexSuffixFast();
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

  readonly arrayLiteral = this.RULE(
    'arrayLiteral',
    (): Expression => {
      if (this.fast) return this.arrayLiteralFast();
      const open = this.CONSUME(T.LBracket);
      const elements = this.list(T.RBracket);
      const close = this.CONSUME(T.RBracket);
      return this.ACTION(() => ({ kind: 'ArrayLiteral', elements, range: this.b.tokens(open, close) }));
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  readonly objectLiteral = this.RULE(
    'objectLiteral',
    (): ObjectLiteral | ErrorExpr => {
      if (this.fast) return this.objectLiteralFast();
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
      return this.ACTION(() => this.objectNode(open, properties, close));
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  protected readonly keyAlts = [{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.StringLit) }];

  readonly objectProperty = this.RULE(
    'objectProperty',
    (): ObjectProperty | null => {
      if (this.fast) return this.objectPropertyFast();
      const keyTok = this.OR(this.keyAlts);
      this.CONSUME(T.Colon);
      const value = this.SUBRULE(this.expression);
      return this.ACTION(() => this.property(keyTok, value));
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
      return present(params);
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
        return {
          kind: 'Parameter',
          name,
          annotation,
          range: this.b.span(name.range.start, (annotation ?? name).range.end),
        };
      });
    },
    { recoveryValueFunc: () => null },
  );

  readonly parenExpression = this.RULE(
    'parenExpression',
    (): Expression => {
      const open = this.CONSUME(T.LParen);
      const items = this.list(T.RParen);
      const close = this.CONSUME(T.RParen);
      return this.ACTION(() => this.parenthesised(open, items, close));
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  private literal(tok: IToken): Expression {
    return this.ACTION(() => this.literalNode(tok));
  }

  protected objectNode(open: IToken, properties: (ObjectProperty | null)[], close: IToken): ObjectLiteral {
    return {
      kind: 'ObjectLiteral',
      properties: present(properties),
      range: this.b.tokens(open, close),
    };
  }

  protected property(keyTok: IToken, value: Expression): ObjectProperty {
    const key = tokenMatcher(keyTok, T.StringLit) ? this.b.string(keyTok) : this.nameNode(keyTok);
    const keyName = key.kind === 'Identifier' ? key.name : key.value;
    return { kind: 'ObjectProperty', key, keyName, value, range: this.b.span(key.range.start, value.range.end) };
  }

  /** `( args )` of a call, inside `expression` (calls are too frequent for a rule of their own). */
  protected callArguments(): CallArgs {
    const open = this.CONSUME(T.LParen);
    const args = this.list(T.RParen);
    const close = this.CONSUME(T.RParen);
    return { open, args, close };
  }

  /**
   * `a, b, c` before `closer`, inside call arguments, array literals and parentheses (each of those
   * rules holds the list itself: no rule invocation per list). A trailing comma is reported (ML209).
   */
  protected list(closer: typeof T.RParen): Expression[] {
    if (this.fast) return this.listFast(closer);
    const items: Expression[] = [];
    this.OPTION9(() => {
      items.push(this.SUBRULE8(this.expression));
      this.MANY9({
        GATE: () => !(this.is(1, T.Comma) && this.is(2, closer)),
        DEF: () => {
          this.CONSUME8(T.Comma);
          items.push(this.SUBRULE9(this.expression));
        },
      });
      this.OPTION8(() => this.trailingComma(this.CONSUME9(T.Comma)));
    });
    return items;
  }

  /** `new X` — the word ML does not have, before a name. */
  protected newAhead(): boolean {
    return this.peek(1) === IDX.Identifier && this.peekImage(1) === 'new' && IS_IDENTIFIER[this.peek(2)] === 1;
  }

  protected conditional(test: Expression, consequent: Expression, alternate: Expression): Expression {
    return {
      kind: 'ConditionalExpr',
      test,
      consequent,
      alternate,
      range: this.b.span(test.range.start, alternate.range.end),
    };
  }
}
