// The node-local rules (SEC001–SEC007, SEC011–SEC013, SEC016) as one visitor for traverse.ts, plus
// what the data-flow rules need to know: the code-looking string literals (SEC014's sources).
// Comments are not AST nodes, so no rule ever inspects one.
import type { Resolution } from '../names/types.js';
import type { Node, StringLiteral } from '../syntax/ast.js';
import { ChainShapes } from './concat.js';
import { codeLookingText } from './flow-specs.js';
import { NameRules, type Report } from './rules-names.js';
import { StringRules } from './rules-strings.js';
import type { StaticValues } from './static-values.js';
import type { NodeVisitor } from './traverse.js';

export interface SyntaxRules {
  visit: NodeVisitor;
  /** String literals holding code-looking text, in source order. */
  codeStrings: StringLiteral[];
  /** What the `+` chains build (the data-flow rules ask again). */
  shapes: ChainShapes;
}

export function syntaxRules(resolution: Resolution, values: StaticValues, text: string, report: Report): SyntaxRules {
  const names = new NameRules(resolution, values, report);
  const shapes = new ChainShapes(values);
  const strings = new StringRules(values, shapes, text, report);
  const codeStrings: StringLiteral[] = [];
  const visit = (node: Node, parent: Node | null): void => {
    switch (node.kind) {
      case 'Identifier':
        names.identifier(node, parent);
        return;
      case 'MemberExpr':
        names.member(node);
        return;
      case 'IndexExpr':
        names.index(node);
        return;
      case 'ObjectProperty':
        names.property(node);
        return;
      case 'ImportStmt':
        names.importStmt(node);
        return;
      case 'ParenExpr':
        strings.paren(node, parent);
        return;
      case 'BinaryExpr':
        if (node.operator === '+') strings.concat(node, parent);
        else if (node.operator === '//') strings.floorDivision(node);
        return;
      case 'CallExpr':
        strings.call(node);
        return;
      case 'StringLiteral':
        if (codeLookingText(node) !== undefined) codeStrings.push(node);
        return;
      default:
        return;
    }
  };
  return { visit, codeStrings, shapes };
}
