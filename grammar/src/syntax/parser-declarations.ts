// Declaration rules of the ML grammar (§2 `capabilityDecl`, `importStmt`) in Chevrotain's DSL.
// At the top level they are declarations; inside blocks parser-statements.ts reports them (ML213/214).
import type { IToken } from 'chevrotain';
import type { CapabilityDecl, CapabilityItem, ImportStmt, Permission } from './ast.js';
import { present } from './builder.js';
import { ExpressionParser } from './parser-expressions.js';
import * as T from './tokens.js';

const PERMISSIONS: readonly string[] = ['read', 'write', 'execute', 'network', 'system'];
const PERMISSION_LIST = '`read`, `write`, `execute`, `network` or `system`';

export abstract class DeclarationParser extends ExpressionParser {
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
        items: present(items),
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
            return this.ACTION(() => ({
              kind: 'CapabilityResource',
              pattern: this.b.string(pattern),
              range: this.b.tokens(kw, semi),
            }));
          },
        },
        {
          ALT: () => {
            const kw = this.CONSUME(T.Allow);
            const perm = this.CONSUME(T.Identifier);
            let target: IToken | undefined;
            this.OPTION(() => {
              target = this.CONSUME2(T.StringLit);
            });
            const semi = this.CONSUME2(T.Semi);
            return this.ACTION((): CapabilityItem | null => {
              if (!PERMISSIONS.includes(perm.image)) {
                this.report(
                  'ML227',
                  this.b.range(perm),
                  `Unknown permission \`${perm.image}\`: use ${PERMISSION_LIST}.`,
                );
                return null;
              }
              return {
                kind: 'CapabilityAllow',
                permission: perm.image as Permission,
                permissionRange: this.b.range(perm),
                target: target ? this.b.string(target) : null,
                range: this.b.tokens(kw, semi),
              };
            });
          },
        },
      ]),
    { recoveryValueFunc: () => null },
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

  protected misplaced(code: 'ML213' | 'ML214', kw: IToken): null {
    this.report(code, this.b.range(kw));
    return null;
  }
}
