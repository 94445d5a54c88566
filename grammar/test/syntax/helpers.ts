// Shared helpers of the syntax tests: conformance sources, a compact S-expression form of the AST
// for grammar expectations, and diagnostic formatting. Test-only; reads files, never writes.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Expression, Node, Statement } from '../../src/syntax/ast.js';
import { forEachChild } from '../../src/syntax/visit.js';

export const CONFORMANCE_DIR = fileURLToPath(new URL('../../../test/conformance/', import.meta.url));
export const MALFORMED_DIR = fileURLToPath(new URL('../fixtures/malformed/', import.meta.url));

/** Every conformance program as [file name, source]. */
export function conformancePrograms(): [string, string][] {
  return readdirSync(CONFORMANCE_DIR)
    .filter((f) => f.endsWith('.ml'))
    .sort()
    .map((f) => [f, readFileSync(CONFORMANCE_DIR + f, 'utf8')]);
}

/** `1:5-1:8 ML201 message` with 1-based lines and columns, for readable failures. */
export function describeDiagnostic(d: Diagnostic): string {
  const r = d.range;
  return `${r.start.line + 1}:${r.start.column + 1}-${r.end.line + 1}:${r.end.column + 1} ${d.code} ${d.message}`;
}

/** Compact S-expression of an expression or statement, e.g. `(+ 1 (* 2 3))`. */
export function sexpr(n: Node): string {
  switch (n.kind) {
    case 'Identifier':
      return n.name;
    case 'NumberLiteral':
      return n.raw;
    case 'StringLiteral':
      return JSON.stringify(n.value);
    case 'BooleanLiteral':
      return String(n.value);
    case 'BinaryExpr':
      return `(${n.operator} ${sexpr(n.left)} ${sexpr(n.right)})`;
    case 'UnaryExpr':
      return `(${n.operator} ${sexpr(n.operand)})`;
    case 'ConditionalExpr':
      return `(? ${sexpr(n.test)} ${sexpr(n.consequent)} ${sexpr(n.alternate)})`;
    case 'ParenExpr':
      return `(paren ${sexpr(n.expression)})`;
    case 'MemberExpr':
      return `(. ${sexpr(n.object)} ${n.property.name})`;
    case 'IndexExpr':
      return `(index ${sexpr(n.object)} ${sexpr(n.index)})`;
    case 'SliceExpr':
      return `(slice ${sexpr(n.object)} ${opt(n.start)} ${opt(n.stop)} ${opt(n.step)})`;
    case 'CallExpr':
      return `(call ${[n.callee, ...n.args].map(sexpr).join(' ')})`;
    case 'ArrayLiteral':
      return `[${n.elements.map(sexpr).join(' ')}]`;
    case 'ObjectLiteral':
      return `{${n.properties.map((p) => `${p.keyName}: ${sexpr(p.value)}`).join(', ')}}`;
    case 'ArrowFunction':
      return `(fn (${n.params.map((p) => p.name.name).join(' ')}) ${sexpr(n.body)})`;
    case 'Block':
      return `{${n.body.map(sexpr).join(' ')}}`;
    case 'ExpressionStmt':
      return `${sexpr(n.expression)};`;
    case 'AssignStmt':
      return `(= ${sexpr(n.target)} ${sexpr(n.value)});`;
    case 'ErrorExpr':
      return '<error>';
    default: {
      const parts: string[] = [];
      forEachChild(n, (c) => parts.push(sexpr(c)));
      return `(${n.kind}${parts.length ? ' ' + parts.join(' ') : ''})`;
    }
  }
}

function opt(e: Expression | null): string {
  return e ? sexpr(e) : '_';
}

/** S-expressions of a program's statements joined by spaces. */
export function sexprBody(body: readonly (Statement | Node)[]): string {
  return body.map(sexpr).join(' ');
}
