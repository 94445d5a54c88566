// SEC011 (SQL built with +), SEC012 (shell command built with +), SEC013 (`..` in a file/path/csv
// path) and SEC016 (`//` division whose right operand ends the line). AST checks; the source text is
// only consulted for what follows an operand (a line break is not in the AST).
import type { BinaryExpr, CallExpr, Expression, Node, ParenExpr } from '../syntax/ast.js';
import { resolveCall } from './call-capabilities.js';
import { flattenConcat, hasDotDotSegment, type ChainShapes } from './concat.js';
import type { Report } from './rules-names.js';
import type { StaticValues } from './static-values.js';

const FILE_MODULES = new Set(['file', 'path', 'csv']);

export class StringRules {
  /** Parentheses inside a `+` chain (`a + (b + c)`): a `+` in them belongs to the outer chain. */
  private readonly parensInChain = new Set<ParenExpr>();

  constructor(
    private readonly values: StaticValues,
    private readonly shapes: ChainShapes,
    private readonly text: string,
    private readonly report: Report,
  ) {}

  /** Whether a `+` or parenthesis is part of an enclosing `+` chain (nodes come parent first). */
  private inChain(parent: Node | null): boolean {
    return (
      parent !== null &&
      ((parent.kind === 'BinaryExpr' && parent.operator === '+') ||
        (parent.kind === 'ParenExpr' && this.parensInChain.has(parent)))
    );
  }

  paren(node: ParenExpr, parent: Node | null): void {
    if (this.inChain(parent)) this.parensInChain.add(node);
  }

  /** SEC011 and SEC012 on each whole `+` chain (through parentheses). */
  concat(node: BinaryExpr, parent: Node | null): void {
    if (this.inChain(parent)) return;
    const shape = this.shapes.of(node);
    if (shape.sql) this.report('SEC011', node, 'SQL statement built with + from a value that is not a literal');
    if (shape.command) this.report('SEC012', node, 'Shell command built with + from a value that is not a literal');
  }

  /** SEC013 on the path arguments of file/path/csv calls. */
  call(node: CallExpr): void {
    const resolved = resolveCall(node, this.values);
    if (!resolved || !('module' in resolved.spec) || !FILE_MODULES.has(resolved.spec.module)) return;
    const indices: number[] = [];
    for (const t of resolved.spec.capabilities) {
      if (
        (t.targetKind === 'path' || t.targetKind === 'dir') &&
        t.targetArg !== undefined &&
        !indices.includes(t.targetArg)
      )
        indices.push(t.targetArg);
    }
    for (const i of indices) {
      const arg = resolved.args[i];
      if (arg) this.pathArgument(arg, resolved.display);
    }
  }

  private pathArgument(arg: Expression, callee: string): void {
    const constant = this.values.stringOf(arg);
    if (constant !== undefined) {
      if (hasDotDotSegment(constant))
        this.report('SEC013', arg, `Path '${constant}' passed to ${callee} has a '..' segment`);
      return;
    }
    const parts = this.pathParts(arg);
    const dynamic = parts.some((p) => p === undefined);
    if (dynamic && parts.some((p) => p !== undefined && hasDotDotSegment(p))) {
      this.report('SEC013', arg, `Path passed to ${callee} joins '..' with a value that is not a literal`);
    }
  }

  /** Constant texts (undefined for dynamic parts) of a path built by +, path.join or a variable holding one. */
  private pathParts(arg: Expression, depth = 0): (string | undefined)[] {
    if (depth > 4) return [undefined];
    let e = arg;
    if (e.kind === 'Identifier') {
      const value = this.values.singleValue(e);
      if (!value) return [undefined];
      e = value;
    }
    if (e.kind === 'CallExpr') {
      const inner = resolveCall(e, this.values);
      if (inner && 'module' in inner.spec && inner.spec.module === 'path' && inner.spec.name === 'join') {
        return inner.args.flatMap((a) => this.pathParts(a, depth + 1));
      }
      return [undefined];
    }
    return flattenConcat(e, this.values).flatMap((p) =>
      p.text !== undefined ? [p.text] : p.expr === e ? [undefined] : this.pathParts(p.expr, depth + 1),
    );
  }

  /** SEC016: `a // note` + line break — the "comment" became a division by `note`. */
  floorDivision(node: BinaryExpr): void {
    // A comment that became division starts with a word (`// note`, `// total.count`); a number or a
    // parenthesised divisor at the end of a line is a deliberate division in a wrapped expression.
    if (node.operator !== '//' || (node.right.kind !== 'Identifier' && node.right.kind !== 'MemberExpr')) return;
    let i = node.right.range.end.offset;
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t' || this.text[i] === '\f')) i++;
    const next = this.text[i];
    if (next !== '\n' && next !== '\r') return;
    this.report(
      'SEC016',
      { range: { start: node.operatorRange.start, end: node.right.range.end } },
      "'//' here divides by what follows it; a comment inside an unfinished expression became floor division",
    );
  }
}
