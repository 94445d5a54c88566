// What the cursor points at, for hover and navigation: a name (with its symbol), a member access
// (with what its object is known to be), a component of an import path, or a capability
// declaration. Pure over one analysis.
import {
  nodeAtOffset,
  type CallExpr,
  type CapabilityDecl,
  type CapabilityItem,
  type Identifier,
  type ImportStmt,
  type MemberExpr,
  type MlSymbol,
  type Node,
} from '@mlsec/grammar';
import type { DocumentAnalysis } from './document-analysis.js';
import { expressionType, type ValueType } from './value-types.js';

export type Target =
  | { kind: 'symbol'; identifier: Identifier; symbol: MlSymbol; call: CallExpr | undefined; path: Node[] }
  | {
      kind: 'member';
      identifier: Identifier;
      member: MemberExpr;
      objectType: ValueType | undefined;
      call: CallExpr | undefined;
    }
  | { kind: 'import'; identifier: Identifier; stmt: ImportStmt; index: number }
  | { kind: 'capability'; decl: CapabilityDecl; item: CapabilityItem | undefined; identifier: Identifier | undefined };

/** The call whose callee is `node` (the identifier or member being called), if any. */
function callOf(node: Node, parent: Node | undefined): CallExpr | undefined {
  return parent?.kind === 'CallExpr' && parent.callee === node ? parent : undefined;
}

export function targetAt(a: DocumentAnalysis, offset: number): Target | undefined {
  const path = nodeAtOffset(a.program, offset);
  const node = path[path.length - 1];
  const parent = path[path.length - 2];
  const decl = path.find((n): n is CapabilityDecl => n.kind === 'CapabilityDecl');
  if (decl) {
    const item = path.find((n): n is CapabilityItem => n.kind === 'CapabilityResource' || n.kind === 'CapabilityAllow');
    return { kind: 'capability', decl, item, identifier: node === decl.name ? decl.name : undefined };
  }
  if (node?.kind !== 'Identifier') return undefined;
  if (parent?.kind === 'ImportStmt' && parent.path.includes(node)) {
    return { kind: 'import', identifier: node, stmt: parent, index: parent.path.indexOf(node) };
  }
  if (parent?.kind === 'MemberExpr' && parent.property === node) {
    const objectType = expressionType(parent.object, (id) => a.resolution.symbolOf(id));
    return {
      kind: 'member',
      identifier: node,
      member: parent,
      objectType,
      call: callOf(parent, path[path.length - 3]),
    };
  }
  const symbol = a.resolution.symbolOf(node);
  if (!symbol) return undefined;
  return { kind: 'symbol', identifier: node, symbol, call: callOf(node, parent), path };
}
