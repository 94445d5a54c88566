// Prints expressions as token sequences to the Writer: spaces around binary operators, none inside
// brackets, every parenthesis the source had (ParenExpr). It must emit exactly the source's tokens
// in order, adding none, so that formatting can never change what the lexer or parser sees.
import type { Block, Expression, ObjectProperty, Parameter } from '../syntax/ast.js';
import type { Writer } from './writer.js';

/** Prints a block; supplied by the statement printer (arrow bodies contain statements). */
export type BlockPrinter = (block: Block, w: Writer) => void;

export function printList<T>(items: readonly T[], w: Writer, print: (item: T) => void): void {
  items.forEach((item, i) => {
    if (i > 0) {
      w.token(',');
      w.space();
    }
    print(item);
  });
}

export function printParams(params: readonly Parameter[], w: Writer): void {
  w.token('(');
  printList(params, w, (p) => {
    w.token(p.name.name);
    if (p.annotation) {
      w.token(':');
      w.space();
      w.token(p.annotation.name);
    }
  });
  w.token(')');
}

function printProperty(p: ObjectProperty, w: Writer, block: BlockPrinter): void {
  w.token(p.key.kind === 'Identifier' ? p.key.name : p.key.raw);
  w.token(':');
  w.space();
  printExpr(p.value, w, block);
}

/** A unary `-` must not touch an operand that would lex together with it (`- 5`, `- -x`). */
function startsLikeNumberOrSign(e: Expression): boolean {
  if (e.kind === 'NumberLiteral') return true;
  if (e.kind === 'UnaryExpr') return e.operator === '-';
  return false;
}

export function printExpr(e: Expression, w: Writer, block: BlockPrinter): void {
  switch (e.kind) {
    case 'NumberLiteral':
    case 'StringLiteral':
      w.token(e.raw);
      return;
    case 'BooleanLiteral':
      w.token(e.value ? 'true' : 'false');
      return;
    case 'Identifier':
      w.token(e.name);
      return;
    case 'ArrayLiteral':
      w.token('[');
      printList(e.elements, w, (x) => printExpr(x, w, block));
      w.token(']');
      return;
    case 'ObjectLiteral':
      w.token('{');
      printList(e.properties, w, (p) => printProperty(p, w, block));
      w.token('}');
      return;
    case 'ArrowFunction':
      w.token('fn');
      printParams(e.params, w);
      w.space();
      w.token('=>');
      w.space();
      if (e.body.kind === 'Block') block(e.body, w);
      else printExpr(e.body, w, block);
      return;
    case 'ParenExpr':
      w.token('(');
      printExpr(e.expression, w, block);
      w.token(')');
      return;
    case 'UnaryExpr':
      w.token(e.operator);
      if (e.operator === '-' && startsLikeNumberOrSign(e.operand)) w.space();
      printExpr(e.operand, w, block);
      return;
    case 'BinaryExpr':
      printExpr(e.left, w, block);
      w.space();
      w.token(e.operator);
      w.space();
      printExpr(e.right, w, block);
      return;
    case 'ConditionalExpr':
      printExpr(e.test, w, block);
      w.space();
      w.token('?');
      w.space();
      printExpr(e.consequent, w, block);
      w.space();
      w.token(':');
      w.space();
      printExpr(e.alternate, w, block);
      return;
    case 'MemberExpr':
      printExpr(e.object, w, block);
      w.token('.');
      w.token(e.property.name);
      return;
    case 'IndexExpr':
      printExpr(e.object, w, block);
      w.token('[');
      printExpr(e.index, w, block);
      w.token(']');
      return;
    case 'SliceExpr':
      printExpr(e.object, w, block);
      w.token('[');
      if (e.start) printExpr(e.start, w, block);
      w.token(':');
      if (e.stop) printExpr(e.stop, w, block);
      // `a[1:2:]` has a second colon the AST does not record: reproduce the source's token.
      if (e.step || w.peek() === ':') w.token(':');
      if (e.step) printExpr(e.step, w, block);
      w.token(']');
      return;
    case 'CallExpr':
      printExpr(e.callee, w, block);
      w.token('(');
      printList(e.args, w, (x) => printExpr(x, w, block));
      w.token(')');
      return;
    case 'ErrorExpr':
      // Only recovered (erroneous) programs contain one; format() refuses those before printing.
      w.ok = false;
      return;
  }
}
