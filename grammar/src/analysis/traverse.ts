// The analysis's single pass over a program: pre-order (a node before its children, children in
// source order), recursive down to a bounded depth and over an explicit stack below it, so deep
// expressions cannot overflow the JS stack. Feeds the capability scanner and, for the analysed
// file, the node-local rules — one walk for both.
import type { Expression, Identifier, Node, Program } from '../syntax/ast.js';
import { forEachChild } from '../syntax/visit.js';
import type { CapabilityScanner, ScanUnit } from './capability-scan.js';

/** How an identifier appears in its parent: a name use, a member name, or a binding/key/other. */
export function identifierRole(id: Identifier, parent: Node | null): 'use' | 'member' | 'other' {
  if (!parent) return 'use';
  switch (parent.kind) {
    case 'MemberExpr':
      return parent.property === id ? 'member' : 'use';
    case 'ObjectProperty':
      return parent.key === id ? 'other' : 'use';
    case 'AssignStmt':
      return parent.target === id ? 'other' : 'use';
    case 'ForStmt':
      return parent.variable === id ? 'other' : 'use';
    case 'ExceptClause':
      return parent.variable === id ? 'other' : 'use';
    case 'FunctionDef':
    case 'Parameter':
    case 'ImportStmt':
    case 'CapabilityDecl':
    case 'NonlocalStmt':
    case 'ArrayDestructureStmt':
    case 'ObjectDestructureStmt':
      return 'other';
    default:
      return 'use';
  }
}

export type NodeVisitor = (node: Node, parent: Node | null) => void;

/**
 * Whether a name or member is used as a value that may be called later (an argument, a stored
 * value), as opposed to being called right here or being the object of a member access.
 */
function passedAsValue(node: Expression, parent: Node | null, scanner: CapabilityScanner): boolean {
  if (parent === null) return true;
  if (parent.kind === 'MemberExpr' || parent.kind === 'IndexExpr' || parent.kind === 'SliceExpr')
    return parent.object !== node;
  if (parent.kind === 'CallExpr') return parent.callee !== node && !scanner.isShiftedArgument(node, parent);
  return true;
}

/**
 * Hands one node to the scanner and the visitor. Returns the unit its children belong to, or null
 * for a leaf.
 */
function enter(
  node: Node,
  parent: Node | null,
  unit: ScanUnit,
  scanner: CapabilityScanner,
  visit: NodeVisitor | undefined,
): ScanUnit | null {
  switch (node.kind) {
    case 'FunctionDef':
      unit = scanner.enterFunction(node);
      break;
    case 'CallExpr':
      scanner.call(node, unit);
      break;
    case 'Identifier':
      if (identifierRole(node, parent) === 'use' && passedAsValue(node, parent, scanner)) scanner.reference(node, unit);
      if (visit) visit(node, parent);
      return null;
    case 'MemberExpr':
      if (passedAsValue(node, parent, scanner)) scanner.reference(node, unit);
      break;
    case 'NumberLiteral':
    case 'StringLiteral':
    case 'BooleanLiteral':
      if (visit) visit(node, parent);
      return null;
    default:
      break;
  }
  if (visit) visit(node, parent);
  return unit;
}

/** Nesting depth up to which the walk recurses; deeper subtrees are walked over an explicit stack. */
const MAX_RECURSION = 400;

export function traverse(program: Program, scanner: CapabilityScanner, visit?: NodeVisitor): void {
  // Recursion through forEachChild with one shared callback: the parent and unit of the level being
  // walked are variables saved and restored around each level.
  let parent: Node = program;
  let unit: ScanUnit = scanner.top;
  let depth = 0;
  const step = (node: Node): void => {
    const childUnit = enter(node, parent, unit, scanner, visit);
    if (childUnit === null) return;
    if (depth >= MAX_RECURSION) {
      traverseIteratively(node, childUnit, scanner, visit);
      return;
    }
    const outerParent = parent;
    const outerUnit = unit;
    parent = node;
    unit = childUnit;
    depth++;
    forEachChild(node, step);
    depth--;
    parent = outerParent;
    unit = outerUnit;
  };
  if (visit) visit(program, null);
  forEachChild(program, step);
}

/** What lies below `root` (entered already), pre-order over an explicit stack: deep nesting cannot overflow. */
function traverseIteratively(root: Node, rootUnit: ScanUnit, scanner: CapabilityScanner, visit?: NodeVisitor): void {
  const nodes: Node[] = [];
  const parents: Node[] = [];
  const units: ScanUnit[] = [];
  let current: Node = root;
  let currentUnit: ScanUnit = rootUnit;
  const push = (child: Node): void => {
    nodes.push(child);
    parents.push(current);
    units.push(currentUnit);
  };
  const pushChildren = (node: Node, unit: ScanUnit): void => {
    const from = nodes.length;
    current = node;
    currentUnit = unit;
    forEachChild(node, push);
    // Reverse the new entries so that children are popped in source order.
    for (let i = from, j = nodes.length - 1; i < j; i++, j--) {
      const n = nodes[i]!;
      nodes[i] = nodes[j]!;
      nodes[j] = n;
      const p = parents[i]!;
      parents[i] = parents[j]!;
      parents[j] = p;
      const u = units[i]!;
      units[i] = units[j]!;
      units[j] = u;
    }
  };
  pushChildren(root, rootUnit);
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const unit = enter(node, parents.pop()!, units.pop()!, scanner, visit);
    if (unit !== null) pushChildren(node, unit);
  }
}
