// Which variables a loop body may read before assigning them in the same round: the only ones whose
// value at the start of a round can change what the round computes (see FlowUnit.loop). A syntactic
// over-approximation: every name in an evaluated expression counts as read, and a name counts as
// assigned only after an assignment on every path that reaches the read.
import type { MlSymbol, Resolution } from '../names/types.js';
import type { Expression, ForStmt, Node, Statement, WhileStmt } from '../syntax/ast.js';
import { forEachChild } from '../syntax/visit.js';

type Assigned = Set<MlSymbol>;

/** The names a round of `loop` (a while's condition and the body) may read before assigning them. */
export function exposedReads(loop: WhileStmt | ForStmt, resolution: Resolution): Set<MlSymbol> {
  const exposed = new Set<MlSymbol>();

  const read = (expr: Node, assigned: Assigned): void => {
    if (expr.kind === 'Identifier') {
      const symbol = resolution.symbolOf(expr);
      if (symbol && !assigned.has(symbol)) exposed.add(symbol);
      return;
    }
    // An arrow function's body is another unit: it sees variables through the engine's table.
    if (expr.kind === 'ArrowFunction') return;
    if (expr.kind === 'MemberExpr') {
      read(expr.object, assigned);
      return;
    }
    forEachChild(expr, (child) => read(child, assigned));
  };

  const assign = (id: Node, assigned: Assigned): void => {
    if (id.kind !== 'Identifier') return;
    const symbol = resolution.symbolOf(id);
    if (symbol) assigned.add(symbol);
  };

  /** Runs a list from `assigned` (updated in place); returns whether control never reaches its end. */
  const list = (stmts: readonly Statement[], assigned: Assigned): boolean => {
    for (const s of stmts) if (stmt(s, assigned)) return true;
    return false;
  };

  /** What reaches the end of one of several branches: the names assigned on all of them. */
  const meet = (target: Assigned, ends: Assigned[]): void => {
    if (ends.length === 0) return;
    const [first, ...rest] = ends;
    for (const symbol of first!) if (rest.every((e) => e.has(symbol))) target.add(symbol);
  };

  const stmt = (s: Statement, assigned: Assigned): boolean => {
    switch (s.kind) {
      case 'ExpressionStmt':
        read(s.expression, assigned);
        return false;
      case 'AssignStmt':
        read(s.value, assigned);
        if (s.target.kind === 'Identifier') assign(s.target, assigned);
        // `o.k = v` reads the container and what the target's parts evaluate.
        else read(s.target as Expression, assigned);
        return false;
      case 'ArrayDestructureStmt':
      case 'ObjectDestructureStmt':
        read(s.value, assigned);
        for (const n of s.names) assign(n, assigned);
        return false;
      case 'IfStmt': {
        read(s.condition, assigned);
        const ends: Assigned[] = [];
        const then = new Set(assigned);
        if (!list(s.then.body, then)) ends.push(then);
        for (const elif of s.elifs) {
          read(elif.condition, assigned);
          const branch = new Set(assigned);
          if (!list(elif.body.body, branch)) ends.push(branch);
        }
        if (s.else) {
          const branch = new Set(assigned);
          if (!list(s.else.body, branch)) ends.push(branch);
        } else ends.push(new Set(assigned));
        if (ends.length === 0) return true;
        meet(assigned, ends);
        return false;
      }
      case 'WhileStmt':
        read(s.condition, assigned);
        list(s.body.body, new Set(assigned));
        return false;
      case 'ForStmt': {
        read(s.iterable, assigned);
        const inner = new Set(assigned);
        assign(s.variable, inner);
        list(s.body.body, inner);
        return false;
      }
      case 'ReturnStmt':
        if (s.value) read(s.value, assigned);
        return true;
      case 'ThrowStmt':
        read(s.value, assigned);
        return true;
      case 'TryStmt': {
        list(s.body.body, new Set(assigned));
        for (const h of s.handlers) {
          const inner = new Set(assigned);
          if (h.variable) assign(h.variable, inner);
          list(h.body.body, inner);
        }
        if (s.finally) list(s.finally.body, new Set(assigned));
        return false;
      }
      case 'BreakStmt':
      case 'ContinueStmt':
        return true;
      case 'FunctionDef':
      case 'NonlocalStmt':
        return false;
    }
  };

  const assigned: Assigned = new Set();
  // A `for` binds its variable before each round.
  if (loop.kind === 'ForStmt') assign(loop.variable, assigned);
  else read(loop.condition, assigned);
  list(loop.body.body, assigned);
  return exposed;
}
