// Statement and program rules of the ML grammar (§2), with targeted diagnostics for the common
// mistakes of other languages (`else if`, `let`, `+=`, `++`, `catch`, C-style `for`, stray `;`,
// misplaced `import`/`capability`, `throw "text"`). One instance is reused for every document.
import type { IToken } from 'chevrotain';
import type {
  Block,
  CapabilityDecl,
  CapabilityItem,
  ElifClause,
  ExceptClause,
  Expression,
  Identifier,
  ImportStmt,
  Parameter,
  Permission,
  Statement,
  TopLevelStatement,
} from './ast.js';
import { ExpressionParser } from './parser-expressions.js';
import type { ParserOptions } from './parser-base.js';
import { buildSimpleStatement } from './statement-builder.js';
import type { SimpleParts } from './statement-builder.js';
import * as T from './tokens.js';

export class MlParser extends ExpressionParser {
  readonly program = this.RULE('program', (): TopLevelStatement[] => {
    const body: TopLevelStatement[] = [];
    this.MANY(() => {
      const s = this.OR({
        MAX_LOOKAHEAD: 1,
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => this.keywordAt(T.Capability), ALT: () => this.SUBRULE(this.capabilityDecl) },
          { GATE: () => this.keywordAt(T.Import), ALT: () => this.SUBRULE(this.importStatement) },
          { ALT: () => this.SUBRULE(this.statement) },
        ],
      });
      this.ACTION(() => {
        if (s) body.push(s);
      });
    });
    return body;
  });

  readonly capabilityDecl = this.RULE(
    'capabilityDecl',
    (): CapabilityDecl | null => {
      const kw = this.CONSUME(T.Capability);
      const nameTok = this.CONSUME(T.Identifier);
      this.CONSUME(T.LCurly);
      const items: (CapabilityItem | null)[] = [];
      this.MANY(() => {
        items.push(this.SUBRULE(this.capabilityItem));
      });
      const close = this.CONSUME(T.RCurly);
      return this.ACTION(() => ({
        kind: 'CapabilityDecl',
        name: this.nameNode(nameTok),
        items: items.filter((i): i is CapabilityItem => i !== null),
        range: this.b.tokens(kw, close),
      }));
    },
    { recoveryValueFunc: () => null },
  );

  readonly capabilityItem = this.RULE(
    'capabilityItem',
    (): CapabilityItem | null =>
      this.OR([
        {
          ALT: () => {
            const kw = this.CONSUME(T.Resource);
            const pattern = this.CONSUME(T.StringLit);
            const semi = this.CONSUME(T.Semi);
            return this.ACTION(() => ({ kind: 'CapabilityResource', pattern: this.b.string(pattern), range: this.b.tokens(kw, semi) }));
          },
        },
        {
          ALT: () => {
            const kw = this.CONSUME(T.Allow);
            const perm = this.SUBRULE(this.permission);
            let target: IToken | undefined;
            this.OPTION(() => {
              target = this.CONSUME2(T.StringLit);
            });
            const semi = this.CONSUME2(T.Semi);
            return this.ACTION(() => ({
              kind: 'CapabilityAllow',
              permission: perm.image as Permission,
              permissionRange: this.b.range(perm),
              target: target ? this.b.string(target) : null,
              range: this.b.tokens(kw, semi),
            }));
          },
        },
      ]),
    { recoveryValueFunc: () => null },
  );

  readonly permission = this.RULE('permission', (): IToken =>
    this.OR(T.PERMISSION_TYPES.map((type) => ({ ALT: () => this.CONSUME(type) }))),
  );

  readonly importStatement = this.RULE(
    'importStatement',
    (): ImportStmt | null => {
      const kw = this.CONSUME(T.Import);
      const path: IToken[] = [this.CONSUME(T.Identifier)];
      this.MANY(() => {
        this.CONSUME(T.Dot);
        path.push(this.CONSUME2(T.Identifier));
      });
      let alias: IToken | undefined;
      this.OPTION(() => {
        this.CONSUME(T.As);
        alias = this.CONSUME3(T.Identifier);
      });
      const semi = this.CONSUME(T.Semi);
      return this.ACTION(() => ({
        kind: 'ImportStmt',
        path: path.map((t) => this.nameNode(t)),
        alias: alias ? this.nameNode(alias) : null,
        range: this.b.tokens(kw, semi),
      }));
    },
    { recoveryValueFunc: () => null },
  );

  readonly statement = this.RULE(
    'statement',
    (): Statement | null =>
      this.OR({
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
          { GATE: () => this.keywordAt(T.Break) || this.keywordAt(T.Continue), ALT: () => this.SUBRULE(this.jumpStatement) },
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
          {
            GATE: () => this.is(2, T.Identifier) && (this.is(3, T.Comma) || this.is(3, T.RCurly)),
            ALT: () => this.SUBRULE(this.objectDestructure),
          },
          { ALT: () => this.SUBRULE(this.simpleStatement) },
        ],
      }),
    { recoveryValueFunc: () => null },
  );

  readonly block = this.RULE(
    'block',
    (): Block => {
      const open = this.CONSUME(T.LCurly);
      const body: Statement[] = [];
      this.MANY(() => {
        const s = this.SUBRULE(this.statement);
        this.ACTION(() => {
          if (s) body.push(s);
        });
      });
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

  readonly ifStatement = this.RULE(
    'ifStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.If);
      const condition = this.SUBRULE(this.condition);
      const then = this.SUBRULE(this.block);
      const elifs: ElifClause[] = [];
      let elseBlock: Block | null = null;
      this.MANY(() => {
        this.OR([
          {
            ALT: () => {
              const elifTok = this.CONSUME(T.Elif);
              const c = this.SUBRULE2(this.condition);
              const body = this.SUBRULE2(this.block);
              this.ACTION(() => elifs.push({ kind: 'ElifClause', condition: c, body, range: this.b.span(this.b.start(elifTok), body.range.end) }));
            },
          },
          {
            ALT: () => {
              const elseTok = this.CONSUME(T.Else);
              const ifTok = this.CONSUME2(T.If);
              const c = this.SUBRULE3(this.condition);
              const body = this.SUBRULE3(this.block);
              this.ACTION(() => {
                const words = this.b.tokens(elseTok, ifTok);
                this.report('ML203', words, undefined, [{ title: 'Replace with `elif`', edits: [{ range: words, newText: 'elif' }] }]);
                elifs.push({ kind: 'ElifClause', condition: c, body, range: this.b.span(words.start, body.range.end) });
              });
            },
          },
        ]);
      });
      this.OPTION(() => {
        this.CONSUME2(T.Else);
        elseBlock = this.SUBRULE4(this.block);
      });
      return this.ACTION(() => ({
        kind: 'IfStmt',
        condition,
        then,
        elifs,
        else: elseBlock,
        range: this.b.span(this.b.start(kw), (elseBlock ?? elifs[elifs.length - 1] ?? then).range.end),
      }));
    },
    { recoveryValueFunc: () => null },
  );

  /** `( expression )` of if/elif/while. */
  readonly condition = this.RULE(
    'condition',
    (): Expression => {
      this.CONSUME(T.LParen);
      const e = this.SUBRULE(this.expression);
      this.CONSUME(T.RParen);
      return e;
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  readonly whileStatement = this.RULE(
    'whileStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.While);
      const condition = this.SUBRULE(this.condition);
      const body = this.SUBRULE(this.block);
      return this.ACTION(() => ({ kind: 'WhileStmt', condition, body, range: this.b.span(this.b.start(kw), body.range.end) }));
    },
    { recoveryValueFunc: () => null },
  );

  readonly forStatement = this.RULE(
    'forStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.For);
      this.CONSUME(T.LParen);
      let variable: IToken | undefined;
      let iterable: Expression | undefined;
      let cCondition: Expression | null = null;
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => this.declarationKeywordAhead() && this.is(3, T.In),
            ALT: () => {
              const decl = this.CONSUME(T.Identifier);
              this.ACTION(() => this.declarationKeyword(decl));
              variable = this.CONSUME2(T.Identifier);
              this.CONSUME(T.In);
              iterable = this.SUBRULE(this.expression);
            },
          },
          {
            ALT: () => {
              variable = this.CONSUME3(T.Identifier);
              this.CONSUME2(T.In);
              iterable = this.SUBRULE2(this.expression);
            },
          },
          {
            ALT: () => {
              cCondition = this.SUBRULE(this.cForHeader);
            },
          },
        ],
      });
      const close = this.CONSUME(T.RParen);
      const body = this.SUBRULE(this.block);
      return this.ACTION((): Statement => {
        const range = this.b.span(this.b.start(kw), body.range.end);
        if (variable && iterable) {
          return { kind: 'ForStmt', variable: this.nameNode(variable), iterable, body, range };
        }
        this.report('ML208', this.b.tokens(kw, close));
        const condition = cCondition ?? this.b.errorExpr(this.b.at(this.b.end(kw)));
        return { kind: 'WhileStmt', condition, body, range };
      });
    },
    { recoveryValueFunc: () => null },
  );

  /** `init; condition; update` of a C-style for (reported once by forStatement). */
  readonly cForHeader = this.RULE(
    'cForHeader',
    (): Expression | null => {
      let condition: Expression | null = null;
      this.OPTION(() => this.SUBRULE(this.cForClause));
      this.CONSUME(T.Semi);
      this.OPTION2(() => {
        condition = this.SUBRULE(this.expression);
      });
      this.CONSUME2(T.Semi);
      this.OPTION3(() => this.SUBRULE2(this.cForClause));
      return condition;
    },
    { recoveryValueFunc: () => null },
  );

  readonly cForClause = this.RULE('cForClause', (): void => {
    this.OPTION({ GATE: () => this.declarationKeywordAhead(), DEF: () => this.CONSUME(T.Identifier) });
    this.OPTION2(() => this.CONSUME(T.IncDec));
    this.SUBRULE(this.expression);
    this.OPTION3(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Assign);
            this.SUBRULE2(this.expression);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.CompoundAssign);
            this.SUBRULE3(this.expression);
          },
        },
        { ALT: () => this.CONSUME2(T.IncDec) },
      ]);
    });
  });

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

  readonly tryStatement = this.RULE(
    'tryStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.Try);
      const body = this.SUBRULE(this.block);
      const handlers: ExceptClause[] = [];
      let finallyBlock: Block | null = null;
      this.MANY({
        GATE: () => this.LA(1).tokenType === T.Except || this.catchAhead(),
        DEF: () => {
          const word = this.OR([
            { ALT: () => this.CONSUME(T.Except) },
            { GATE: () => this.catchAhead(), ALT: () => this.CONSUME(T.Identifier) },
          ]);
          let variable: IToken | undefined;
          this.OPTION(() => {
            this.CONSUME(T.LParen);
            variable = this.CONSUME2(T.Identifier);
            this.CONSUME(T.RParen);
          });
          const handlerBody = this.SUBRULE2(this.block);
          this.ACTION(() => {
            if (word.tokenType !== T.Except) {
              const r = this.b.range(word);
              this.report('ML210', r, undefined, [{ title: 'Replace with `except`', edits: [{ range: r, newText: 'except' }] }]);
            }
            handlers.push({
              kind: 'ExceptClause',
              variable: variable ? this.nameNode(variable) : null,
              body: handlerBody,
              range: this.b.span(this.b.start(word), handlerBody.range.end),
            });
          });
        },
      });
      this.OPTION2(() => {
        this.CONSUME(T.Finally);
        finallyBlock = this.SUBRULE3(this.block);
      });
      return this.ACTION(() => ({
        kind: 'TryStmt',
        body,
        handlers,
        finally: finallyBlock,
        range: this.b.span(this.b.start(kw), (finallyBlock ?? handlers[handlers.length - 1] ?? body).range.end),
      }));
    },
    { recoveryValueFunc: () => null },
  );

  readonly jumpStatement = this.RULE(
    'jumpStatement',
    (): Statement | null => {
      const kw = this.OR([{ ALT: () => this.CONSUME(T.Break) }, { ALT: () => this.CONSUME(T.Continue) }]);
      const semi = this.CONSUME(T.Semi);
      return this.ACTION(() => ({ kind: kw.tokenType === T.Break ? 'BreakStmt' : 'ContinueStmt', range: this.b.tokens(kw, semi) }));
    },
    { recoveryValueFunc: () => null },
  );

  readonly nonlocalStatement = this.RULE(
    'nonlocalStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.Nonlocal);
      const names = this.SUBRULE(this.nameList, { ARGS: [T.Semi] });
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
      const names = this.SUBRULE(this.nameList, { ARGS: [T.RCurly] });
      this.CONSUME(T.RCurly);
      this.CONSUME(T.Assign);
      const value = this.SUBRULE(this.expression);
      const semi = this.CONSUME(T.Semi);
      return this.ACTION(() => ({ kind: 'ObjectDestructureStmt', names, value, range: this.b.tokens(open, semi) }));
    },
    { recoveryValueFunc: () => null },
  );

  readonly simpleStatement = this.RULE(
    'simpleStatement',
    (): Statement | null => {
      const parts: SimpleParts = { decl: undefined, prefix: undefined, target: undefined!, op: undefined, value: undefined, semi: undefined! };
      this.OPTION({ GATE: () => this.declarationKeywordAhead(), DEF: () => (parts.decl = this.CONSUME(T.Identifier)) });
      this.OPTION2(() => (parts.prefix = this.CONSUME(T.IncDec)));
      parts.target = this.SUBRULE(this.expression);
      this.OPTION3(() => {
        this.OR([
          {
            ALT: () => {
              parts.op = this.CONSUME(T.Assign);
              parts.value = this.SUBRULE2(this.expression);
            },
          },
          {
            ALT: () => {
              parts.op = this.CONSUME(T.CompoundAssign);
              parts.value = this.SUBRULE3(this.expression);
            },
          },
          { ALT: () => (parts.op = this.CONSUME2(T.IncDec)) },
        ]);
      });
      parts.semi = this.CONSUME(T.Semi);
      return this.ACTION(() => {
        if (parts.decl) this.declarationKeyword(parts.decl);
        return buildSimpleStatement(parts, this.b, (code, range, message, fixes) => this.report(code, range, message, fixes));
      });
    },
    { recoveryValueFunc: () => null },
  );

  constructor(options: ParserOptions = {}) {
    super(options);
    this.performSelfAnalysis();
  }

  /** Parses one document's tokens; diagnostics of targeted checks come back with the body. */
  parseTokens(tokens: IToken[], lines: import('./line-map.js').LineMap) {
    this.begin(tokens, lines);
    const body = this.program();
    return { body: body ?? [], problems: this.problems, errors: this.errors, namesFromKeywords: this.namesFromKeywords };
  }

  // ---- actions -------------------------------------------------------------------------------

  private catchAhead(): boolean {
    const t = this.LA(1);
    return t.tokenType === T.Identifier && t.image === 'catch' && (this.is(2, T.LParen) || this.is(2, T.LCurly));
  }

  private misplaced(code: 'ML213' | 'ML214', kw: IToken): null {
    this.report(code, this.b.range(kw));
    return null;
  }

  private declarationKeyword(decl: IToken): void {
    const next = this.b.lines.position(this.b.end(decl));
    const removeTo = this.b.lines.text.slice(next.offset).search(/\S/);
    const end = this.b.lines.position(next.offset + Math.max(0, removeTo));
    this.report('ML204', this.b.range(decl), `ML has no \`${decl.image}\`: assign directly (\`x = 1;\`).`, [
      { title: `Remove \`${decl.image}\``, edits: [{ range: this.b.span(this.b.start(decl), end), newText: '' }] },
    ]);
  }
}
