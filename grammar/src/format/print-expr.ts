// Prints expressions as token sequences to the Writer: spaces around binary operators, none inside
// brackets, every parenthesis the source had (ParenExpr). It must emit exactly the source's tokens
// in order, adding none, so that formatting can never change what the lexer or parser sees.
import type { Block, Expression, ObjectProperty, Parameter } from '../syntax/ast.js';
import type { Writer } from './writer.js';

/**
 * Prints a block; supplied by the statement printer (arrow bodies contain statements). `owner` is
 * the indentation of the construct the block belongs to (default: the current statement's).
 */
export type BlockPrinter = (block: Block, w: Writer, owner?: number) => void;

export function printList<T>(items: readonly T[], w: Writer, print: (item: T) => void): void {
  items.forEach((item, i) => {
    if (i > 0) {
      w.token(',');
      w.space();
    }
    print(item);
  });
}

/**
 * A bracketed, comma-separated list. Normally on one line; when a comment sits inside (`hasComments`
 * is asked once the opener is out), one item per line and the closer on its own line.
 */
export function printDelimited<T>(
  w: Writer,
  open: string,
  close: string,
  items: readonly T[],
  hasComments: () => boolean,
  print: (item: T) => void,
): void {
  w.token(open);
  if (!hasComments()) {
    printList(items, w, print);
    w.token(close);
    return;
  }
  w.openBlock(w.currentLineIndent);
  items.forEach((item, i) => {
    w.newline();
    print(item);
    if (i < items.length - 1) w.token(',');
  });
  w.closeBlock(close);
}

export function printParams(params: readonly Parameter[], w: Writer): void {
  printDelimited(
    w,
    '(',
    ')',
    params,
    () => w.hasCommentsBeforeNext(')'),
    (p) => {
      w.token(p.name.name);
      if (p.annotation) {
        w.token(':');
        w.space();
        w.token(p.annotation.name);
      }
    },
  );
}

function printProperty(p: ObjectProperty, w: Writer, block: BlockPrinter): void {
  w.token(p.key.kind === 'Identifier' ? p.key.name : p.key.raw);
  w.token(':');
  w.space();
  printExpr(p.value, w, block);
}

/** For a node that ends with its closing bracket: whether comments sit inside it. */
function closerHasComments(node: Expression, w: Writer): () => boolean {
  return () => w.hasCommentsBefore(node.range.end.offset - 1);
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
      printDelimited(w, '[', ']', e.elements, closerHasComments(e, w), (x) => printExpr(x, w, block));
      return;
    case 'ObjectLiteral':
      printDelimited(w, '{', '}', e.properties, closerHasComments(e, w), (p) => printProperty(p, w, block));
      return;
    case 'ArrowFunction': {
      w.token('fn');
      const owner = w.currentLineIndent;
      printParams(e.params, w);
      w.space();
      w.token('=>');
      w.space();
      if (e.body.kind === 'Block') block(e.body, w, owner);
      else printExpr(e.body, w, block);
      return;
    }
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
      printDelimited(w, '(', ')', e.args, closerHasComments(e, w), (x) => printExpr(x, w, block));
      return;
    case 'ErrorExpr':
      // Only recovered (erroneous) programs contain one; format() refuses those before printing.
      w.ok = false;
      return;
  }
}
