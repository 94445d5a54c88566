// Statement rules of the ML grammar (§2 `statement`, `block`, function, return, throw, jumps,
// nonlocal, destructuring and expression/assignment statements) in Chevrotain's DSL, with targeted
// diagnostics for stray `;` (ML217/218), `let` (ML204), `+=` (ML205), `++` (ML206), `throw "text"`.
import type { IToken, OrMethodOpts } from 'chevrotain';
import type { Block, Expression, Identifier, Parameter, Statement } from './ast.js';
import { ControlFlowParser } from './parser-control.js';
import { buildSimpleStatement, emptySimpleParts } from './statement-builder.js';
import type { SimpleParts } from './statement-builder.js';
import * as T from './tokens.js';

/** SUBRULE options for name lists, allocated once. */
const UNTIL_SEMI = { ARGS: [T.Semi] as [typeof T.Semi] };
const UNTIL_RCURLY = { ARGS: [T.RCurly] as [typeof T.Semi] };

export abstract class StatementParser extends ControlFlowParser {
  protected abstract statementFast(): Statement | null;
  protected abstract simpleStatementFast(): Statement | null;
  protected abstract blockFast(): Block;
  protected abstract returnStatementFast(): Statement;

  private statementOptions: OrMethodOpts<Statement | null> | undefined;

  readonly statement = this.RULE(
    'statement',
    (): Statement | null => {
      if (this.fast) return this.statementFast();
      return this.OR(this.statementChoice());
    },
    { recoveryValueFunc: () => null },
  );

  /** The `statement` alternation, built once; the fast path falls back to it to report errors. */
  protected statementChoice(): OrMethodOpts<Statement | null> {
    return (this.statementOptions ??= {
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.keywordAt(T.If), ALT: () => this.SUBRULE(this.ifStatement) },
        { GATE: () => this.keywordAt(T.While), ALT: () => this.SUBRULE(this.whileStatement) },
        { GATE: () => this.keywordAt(T.For), ALT: () => this.SUBRULE(this.forStatement) },
        { GATE: () => this.keywordAt(T.Function), ALT: () => this.SUBRULE(this.functionDef) },
        { GATE: () => this.keywordAt(T.Return), ALT: () => this.SUBRULE(this.returnStatement) },
        { GATE: () => this.keywordAt(T.Throw), ALT: () => this.SUBRULE(this.throwStatement) },
        { GATE: () => this.keywordAt(T.Try), ALT: () => this.SUBRULE(this.tryStatement) },
        {
          GATE: () => this.keywordAt(T.Break) || this.keywordAt(T.Continue),
          ALT: () => this.SUBRULE(this.jumpStatement),
        },
        { GATE: () => this.keywordAt(T.Nonlocal), ALT: () => this.SUBRULE(this.nonlocalStatement) },
        {
          GATE: () => this.LA(1).tokenType === T.Import && this.is(2, T.Identifier),
          ALT: () => {
            const kw = this.LA(1);
            this.SUBRULE2(this.importStatement);
            return this.ACTION(() => this.misplaced('ML213', kw));
          },
        },
        {
          GATE: () => this.LA(1).tokenType === T.Capability && this.is(2, T.Identifier) && this.is(3, T.LCurly),
          ALT: () => {
            const kw = this.LA(1);
            this.SUBRULE2(this.capabilityDecl);
            return this.ACTION(() => this.misplaced('ML214', kw));
          },
        },
        { ALT: () => this.SUBRULE(this.emptyStatement) },
        { GATE: () => this.strayClauseAhead(), ALT: () => this.SUBRULE(this.strayClause) },
        {
          GATE: () => this.is(2, T.Identifier) && (this.is(3, T.Comma) || this.is(3, T.RCurly)),
          ALT: () => this.SUBRULE(this.objectDestructure),
        },
        { ALT: () => this.simpleStatement() },
      ],
    });
  }

  readonly block = this.RULE(
    'block',
    (): Block => {
      if (this.fast) return this.blockFast();
      const open = this.CONSUME(T.LCurly);
      const body: Statement[] = [];
      this.statementLoop(body);
      const close = this.CONSUME(T.RCurly);
      return this.ACTION(() => this.b.block(open, body, close));
    },
    {
      recoveryValueFunc: (e) => {
        const at = this.recoveredExpression(e).range;
        return { kind: 'Block' as const, body: [], range: at };
      },
    },
  );

  readonly functionDef = this.RULE(
    'functionDef',
    (): Statement | null => {
      const kw = this.CONSUME(T.Function);
      const nameTok = this.CONSUME(T.Identifier);
      this.CONSUME(T.LParen);
      let params: Parameter[] = [];
      this.OPTION(() => {
        params = this.SUBRULE(this.parameters);
      });
      this.CONSUME(T.RParen);
      const body = this.SUBRULE(this.block);
      return this.ACTION(() => ({
        kind: 'FunctionDef',
        name: this.nameNode(nameTok),
        params,
        body,
        range: this.b.span(this.b.start(kw), body.range.end),
      }));
    },
    { recoveryValueFunc: () => null },
  );

  readonly returnStatement = this.RULE(
    'returnStatement',
    (): Statement | null => {
      if (this.fast) return this.returnStatementFast();
      const kw = this.CONSUME(T.Return);
      let value: Expression | null = null;
      this.OPTION(() => {
        value = this.SUBRULE(this.expression);
      });
      const semi = this.CONSUME(T.Semi);
      return this.ACTION(() => ({ kind: 'ReturnStmt', value, range: this.b.tokens(kw, semi) }));
    },
    { recoveryValueFunc: () => null },
  );

  readonly throwStatement = this.RULE(
    'throwStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.Throw);
      const value = this.SUBRULE(this.expression);
      const semi = this.CONSUME(T.Semi);
      return this.ACTION((): Statement => {
        const range = this.b.tokens(kw, semi);
        if (value.kind === 'ObjectLiteral') return { kind: 'ThrowStmt', value, range };
        if (value.kind !== 'ErrorExpr') {
          const text = this.b.lines.text.slice(value.range.start.offset, value.range.end.offset);
          this.report('ML207', value.range, undefined, [
            { title: 'Wrap in `{message: ...}`', edits: [{ range: value.range, newText: `{message: ${text}}` }] },
          ]);
        }
        return { kind: 'ThrowStmt', value: { kind: 'ObjectLiteral', properties: [], range: value.range }, range };
      });
    },
    { recoveryValueFunc: () => null },
  );

  readonly jumpStatement = this.RULE(
    'jumpStatement',
    (): Statement | null => {
      const kw = this.OR([{ ALT: () => this.CONSUME(T.Break) }, { ALT: () => this.CONSUME(T.Continue) }]);
      const semi = this.CONSUME(T.Semi);
      return this.ACTION(() => ({
        kind: kw.tokenType === T.Break ? 'BreakStmt' : 'ContinueStmt',
        range: this.b.tokens(kw, semi),
      }));
    },
    { recoveryValueFunc: () => null },
  );

  readonly nonlocalStatement = this.RULE(
    'nonlocalStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.Nonlocal);
      const names = this.SUBRULE(this.nameList, UNTIL_SEMI);
      const semi = this.CONSUME(T.Semi);
      return this.ACTION(() => ({ kind: 'NonlocalStmt', names, range: this.b.tokens(kw, semi) }));
    },
    { recoveryValueFunc: () => null },
  );

  /** `a, b, c` (names only), before `closer`. */
  readonly nameList = this.RULE(
    'nameList',
    (closer: typeof T.Semi): Identifier[] => {
      const toks: IToken[] = [this.CONSUME(T.Identifier)];
      this.MANY({
        GATE: () => !(this.is(1, T.Comma) && this.is(2, closer)),
        DEF: () => {
          this.CONSUME(T.Comma);
          toks.push(this.CONSUME2(T.Identifier));
        },
      });
      this.OPTION(() => this.trailingComma(this.CONSUME2(T.Comma)));
      return this.ACTION(() => toks.map((t) => this.nameNode(t)));
    },
    { recoveryValueFunc: () => [] },
  );

  readonly emptyStatement = this.RULE('emptyStatement', (): Statement | null => {
    const prev = this.LA(0);
    const semi = this.CONSUME(T.Semi);
    this.ACTION(() => {
      const afterBlock = prev.tokenType === T.RCurly;
      this.report(afterBlock ? 'ML218' : 'ML217', this.b.range(semi), undefined, [
        { title: 'Remove the `;`', edits: [{ range: this.b.range(semi), newText: '' }] },
      ]);
    });
    return null;
  });

  readonly objectDestructure = this.RULE(
    'objectDestructure',
    (): Statement | null => {
      const open = this.CONSUME(T.LCurly);
      const names = this.SUBRULE(this.nameList, UNTIL_RCURLY);
      this.CONSUME(T.RCurly);
      this.CONSUME(T.Assign);
      const value = this.SUBRULE(this.expression);
      const semi = this.CONSUME(T.Semi);
      return this.ACTION(() => ({ kind: 'ObjectDestructureStmt', names, value, range: this.b.tokens(open, semi) }));
    },
    { recoveryValueFunc: () => null },
  );

  /**
   * `exprStmt`, `assignStmt` and `[a, b] = e;` (plus the tolerated `let`, `+=`, `++`), parsed inside
   * `statement`: they are most statements, so they get no rule invocation of their own.
   */
  protected simpleStatement(): Statement | null {
    if (this.fast) return this.simpleStatementFast();
    const parts = emptySimpleParts();
    this.OPTION({ GATE: () => this.declarationKeywordAhead(), DEF: () => (parts.decl = this.CONSUME(T.Identifier)) });
    this.OPTION2(() => (parts.prefix = this.CONSUME(T.IncDec)));
    parts.target = this.SUBRULE(this.expression);
    this.OPTION3(() => {
      this.OR2([
        {
          ALT: () => {
            parts.op = this.CONSUME(T.Assign);
            parts.opType = T.Assign;
            parts.value = this.SUBRULE2(this.expression);
            this.OPTION4(() => {
              parts.chained = this.CONSUME2(T.Assign);
              this.SUBRULE4(this.expression);
            });
          },
        },
        {
          ALT: () => {
            parts.op = this.CONSUME(T.CompoundAssign);
            parts.opType = parts.op.tokenType;
            parts.value = this.SUBRULE3(this.expression);
          },
        },
        {
          ALT: () => {
            parts.op = this.CONSUME2(T.IncDec);
            parts.opType = T.IncDec;
          },
        },
      ]);
    });
    const semi = this.CONSUME(T.Semi);
    return this.ACTION(() => {
      parts.semiEnd = this.b.end(semi);
      return this.finishSimpleStatement(parts);
    });
  }

  /** The statement list of `block` (its MANY carries Chevrotain's in-repetition recovery). */
  protected statementLoop(body: Statement[]): void {
    this.MANY(() => {
      const s = this.SUBRULE(this.statement);
      if (s && !this.RECORDING_PHASE) body.push(s);
    });
  }

  protected finishSimpleStatement(parts: SimpleParts): Statement | null {
    if (parts.decl) this.declarationKeyword(parts.decl);
    return buildSimpleStatement(parts, this.b, this.reporter);
  }
}
