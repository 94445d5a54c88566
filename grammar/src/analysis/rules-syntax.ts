// One pre-order walk over the AST that dispatches each node to the node-local rules (SEC001–SEC007,
// SEC011–SEC013, SEC016) and notes whether the data-flow rules have anything to look at.
// Comments are not AST nodes, so they are never inspected by any rule.
import type { Resolution } from '../names/types.js';
import type { Node, Program } from '../syntax/ast.js';
import { forEachChild } from '../syntax/visit.js';
import { codeLookingText } from './flow-specs.js';
import { NameRules, type Report } from './rules-names.js';
import { StringRules } from './rules-strings.js';
import type { StaticValues } from './static-values.js';

export interface SyntaxFacts {
  /** Some string literal holds code-looking text (SEC014 has a candidate). */
  codeStrings: boolean;
}

export function runSyntaxRules(program: Program, resolution: Resolution, values: StaticValues, text: string, report: Report): SyntaxFacts {
  const names = new NameRules(resolution, values, report);
  const strings = new StringRules(values, text, report);
  const facts: SyntaxFacts = { codeStrings: false };
  const stack: { node: Node; parent: Node | null }[] = [{ node: program, parent: null }];
  const children: Node[] = [];
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    switch (node.kind) {
      case 'Identifier':
        names.identifier(node, parent);
        break;
      case 'MemberExpr':
        names.member(node);
        break;
      case 'IndexExpr':
        names.index(node);
        break;
      case 'ObjectProperty':
        names.property(node);
        break;
      case 'ImportStmt':
        names.importStmt(node);
        break;
      case 'BinaryExpr':
        if (node.operator === '+') strings.concat(node);
        else if (node.operator === '//') strings.floorDivision(node);
        break;
      case 'CallExpr':
        strings.call(node);
        break;
      case 'StringLiteral':
        if (!facts.codeStrings && codeLookingText(node) !== undefined) facts.codeStrings = true;
        break;
      default:
        break;
    }
    children.length = 0;
    forEachChild(node, (c) => children.push(c));
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, parent: node });
  }
  return facts;
}
