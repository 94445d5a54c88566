// Prints statements and top-level declarations to the Writer: one statement per line, blocks opened
// on the header's line and closed on their own line, clauses (`elif`, `else`, `except`, `finally`)
// after the closing brace. Same rule as print-expr.ts: exactly the source's tokens, in order.
import type { Block, CapabilityItem, Program, TopLevelStatement } from '../syntax/ast.js';
import { printDelimited, printExpr, printList, printParams } from './print-expr.js';
import type { Writer } from './writer.js';

export function printProgram(program: Program, w: Writer): void {
  for (const stmt of program.body) {
    w.newline();
    printStatement(stmt, w);
  }
}

export function printBlock(block: Block, w: Writer, owner?: number): void {
  w.token('{');
  if (block.body.length === 0 && !w.hasCommentsBefore(block.range.end.offset - 1)) {
    w.token('}');
    return;
  }
  w.openBlock(owner);
  for (const stmt of block.body) {
    w.newline();
    printStatement(stmt, w);
  }
  w.closeBlock();
}

function keyword(word: string, w: Writer): void {
  w.token(word);
  w.space();
}

function header(word: string, w: Writer, body: () => void, clause = false): void {
  w.token(word, clause);
  w.space();
  w.token('(');
  body();
  w.token(')');
  w.space();
}

function clause(word: string, w: Writer): void {
  w.space();
  w.token(word, true);
  w.space();
}

function printCapabilityItem(item: CapabilityItem, w: Writer): void {
  if (item.kind === 'CapabilityResource') {
    keyword('resource', w);
    w.token(item.pattern.raw);
  } else {
    keyword('allow', w);
    w.token(item.permission);
    if (item.target) {
      w.space();
      w.token(item.target.raw);
    }
  }
  w.token(';');
}

export function printStatement(s: TopLevelStatement, w: Writer): void {
  const expr = (e: Parameters<typeof printExpr>[0]): void => printExpr(e, w, printBlock);
  switch (s.kind) {
    case 'ExpressionStmt':
      expr(s.expression);
      w.token(';');
      return;
    case 'AssignStmt':
      expr(s.target);
      w.space();
      w.token('=');
      w.space();
      expr(s.value);
      w.token(';');
      return;
    case 'ArrayDestructureStmt':
    case 'ObjectDestructureStmt': {
      const [open, close] = s.kind === 'ArrayDestructureStmt' ? ['[', ']'] : ['{', '}'];
      printDelimited(
        w,
        open,
        close,
        s.names,
        () => w.hasCommentsBeforeNext(close),
        (n) => w.token(n.name),
      );
      w.space();
      w.token('=');
      w.space();
      expr(s.value);
      w.token(';');
      return;
    }
    case 'FunctionDef':
      keyword('function', w);
      w.token(s.name.name);
      printParams(s.params, w);
      w.space();
      printBlock(s.body, w);
      return;
    case 'IfStmt':
      header('if', w, () => expr(s.condition));
      printBlock(s.then, w);
      for (const elif of s.elifs) {
        w.space();
        header('elif', w, () => expr(elif.condition), true);
        printBlock(elif.body, w);
      }
      if (s.else) {
        clause('else', w);
        printBlock(s.else, w);
      }
      return;
    case 'WhileStmt':
      header('while', w, () => expr(s.condition));
      printBlock(s.body, w);
      return;
    case 'ForStmt':
      header('for', w, () => {
        w.token(s.variable.name);
        w.space();
        keyword('in', w);
        expr(s.iterable);
      });
      printBlock(s.body, w);
      return;
    case 'ReturnStmt':
      w.token('return');
      if (s.value) {
        w.space();
        expr(s.value);
      }
      w.token(';');
      return;
    case 'ThrowStmt':
      keyword('throw', w);
      expr(s.value);
      w.token(';');
      return;
    case 'TryStmt':
      keyword('try', w);
      printBlock(s.body, w);
      for (const handler of s.handlers) {
        clause('except', w);
        if (handler.variable) {
          w.token('(');
          w.token(handler.variable.name);
          w.token(')');
          w.space();
        }
        printBlock(handler.body, w);
      }
      if (s.finally) {
        clause('finally', w);
        printBlock(s.finally, w);
      }
      return;
    case 'BreakStmt':
    case 'ContinueStmt':
      w.token(s.kind === 'BreakStmt' ? 'break' : 'continue');
      w.token(';');
      return;
    case 'NonlocalStmt':
      keyword('nonlocal', w);
      printList(s.names, w, (n) => w.token(n.name));
      w.token(';');
      return;
    case 'ImportStmt':
      keyword('import', w);
      s.path.forEach((part, i) => {
        if (i > 0) w.token('.');
        w.token(part.name);
      });
      if (s.alias) {
        w.space();
        keyword('as', w);
        w.token(s.alias.name);
      }
      w.token(';');
      return;
    case 'CapabilityDecl':
      keyword('capability', w);
      w.token(s.name.name);
      w.space();
      w.token('{');
      if (s.items.length === 0 && !w.hasCommentsBefore(s.range.end.offset - 1)) {
        w.token('}');
        return;
      }
      w.openBlock();
      for (const item of s.items) {
        w.newline();
        printCapabilityItem(item, w);
      }
      w.closeBlock();
      return;
  }
}
