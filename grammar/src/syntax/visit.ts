// Generic traversal of the AST: the children of every node kind in source order, and a walker.
// Every pass (names, analysis, printer, transpiler, editor features) builds on this instead of
// switching over node kinds for plain recursion.
import type { Node } from './ast.js';

/** Calls `fn` for each direct child of `node`, in source order. */
export function forEachChild(node: Node, fn: (child: Node) => void): void {
  switch (node.kind) {
    case 'Program':
      node.body.forEach(fn);
      return;
    case 'CapabilityDecl':
      fn(node.name);
      node.items.forEach(fn);
      return;
    case 'CapabilityResource':
      fn(node.pattern);
      return;
    case 'CapabilityAllow':
      if (node.target) fn(node.target);
      return;
    case 'ImportStmt':
      node.path.forEach(fn);
      if (node.alias) fn(node.alias);
      return;
    case 'ExpressionStmt':
      fn(node.expression);
      return;
    case 'AssignStmt':
      fn(node.target);
      fn(node.value);
      return;
    case 'ArrayDestructureStmt':
    case 'ObjectDestructureStmt':
      node.names.forEach(fn);
      fn(node.value);
      return;
    case 'FunctionDef':
      fn(node.name);
      node.params.forEach(fn);
      fn(node.body);
      return;
    case 'Parameter':
      fn(node.name);
      if (node.annotation) fn(node.annotation);
      return;
    case 'Block':
      node.body.forEach(fn);
      return;
    case 'IfStmt':
      fn(node.condition);
      fn(node.then);
      node.elifs.forEach(fn);
      if (node.else) fn(node.else);
      return;
    case 'ElifClause':
      fn(node.condition);
      fn(node.body);
      return;
    case 'WhileStmt':
      fn(node.condition);
      fn(node.body);
      return;
    case 'ForStmt':
      fn(node.variable);
      fn(node.iterable);
      fn(node.body);
      return;
    case 'ReturnStmt':
      if (node.value) fn(node.value);
      return;
    case 'ThrowStmt':
      fn(node.value);
      return;
    case 'TryStmt':
      fn(node.body);
      node.handlers.forEach(fn);
      if (node.finally) fn(node.finally);
      return;
    case 'ExceptClause':
      if (node.variable) fn(node.variable);
      fn(node.body);
      return;
    case 'NonlocalStmt':
      node.names.forEach(fn);
      return;
    case 'ArrayLiteral':
      node.elements.forEach(fn);
      return;
    case 'ObjectLiteral':
      node.properties.forEach(fn);
      return;
    case 'ObjectProperty':
      fn(node.key);
      fn(node.value);
      return;
    case 'ArrowFunction':
      node.params.forEach(fn);
      fn(node.body);
      return;
    case 'ParenExpr':
      fn(node.expression);
      return;
    case 'UnaryExpr':
      fn(node.operand);
      return;
    case 'BinaryExpr':
      fn(node.left);
      fn(node.right);
      return;
    case 'ConditionalExpr':
      fn(node.test);
      fn(node.consequent);
      fn(node.alternate);
      return;
    case 'MemberExpr':
      fn(node.object);
      fn(node.property);
      return;
    case 'IndexExpr':
      fn(node.object);
      fn(node.index);
      return;
    case 'SliceExpr':
      fn(node.object);
      if (node.start) fn(node.start);
      if (node.stop) fn(node.stop);
      if (node.step) fn(node.step);
      return;
    case 'CallExpr':
      fn(node.callee);
      node.args.forEach(fn);
      return;
    case 'NumberLiteral':
    case 'StringLiteral':
    case 'BooleanLiteral':
    case 'Identifier':
    case 'BreakStmt':
    case 'ContinueStmt':
    case 'ErrorExpr':
      return;
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}

/**
 * Depth-first walk. `enter` returning `false` skips the node's children. Iterative over an explicit
 * stack so that deeply nested (but parser-accepted) trees cannot overflow the JS stack.
 */
export function walk(root: Node, enter: (node: Node) => boolean | void, leave?: (node: Node) => void): void {
  const stack: { node: Node; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.exit) {
      leave!(top.node);
      continue;
    }
    if (enter(top.node) === false) continue;
    if (leave) stack.push({ node: top.node, exit: true });
    const children: Node[] = [];
    forEachChild(top.node, (c) => children.push(c));
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
}

/** The innermost node whose range contains `offset` (for hover, definition, selection ranges). */
export function nodeAtOffset(root: Node, offset: number): Node[] {
  const path: Node[] = [];
  let current: Node | undefined = root;
  while (current) {
    path.push(current);
    let next: Node | undefined;
    forEachChild(current, (c) => {
      if (!next && c.range.start.offset <= offset && offset < c.range.end.offset) next = c;
    });
    if (!next) {
      // Accept a position just after the end of an identifier (cursor at a word's end).
      forEachChild(current, (c) => {
        if (!next && c.kind === 'Identifier' && c.range.end.offset === offset) next = c;
      });
    }
    current = next;
  }
  return path;
}
