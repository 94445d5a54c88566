// Whether a round of a loop may read one of some variables before assigning it in the same round:
// only then can their values at the start of the round change what the round computes (see
// FlowUnit.loop). A syntactic over-approximation: every name in an evaluated expression counts as
// read, and a name counts as assigned only after an assignment on every path that reaches the read.
import type { MlSymbol, Resolution } from '../names/types.js';
import type { ForStmt, Identifier, Node, Statement, WhileStmt } from '../syntax/ast.js';
import { forEachChild } from '../syntax/visit.js';

/** Variables tracked at most (one bit each); with more the answer is yes. */
const MAX_TARGETS = 30;

class ExposureScan {
  /** Bit k: targets[k] is assigned on every path to the current point. */
  private assigned = 0;
  found = false;
  private readonly visit = (n: Node): void => this.read(n);

  constructor(
    private readonly targets: readonly MlSymbol[],
    private readonly resolution: Resolution,
  ) {}

  /** The targets' bit for an identifier (0 for other names). */
  private bit(id: Identifier): number {
    const targets = this.targets;
    for (let k = 0; k < targets.length; k++) {
      if (targets[k]!.name === id.name && this.resolution.symbolOf(id) === targets[k]) return 1 << k;
    }
    return 0;
  }

  read(n: Node): void {
    if (this.found) return;
    if (n.kind === 'Identifier') {
      const bit = this.bit(n);
      if (bit !== 0 && (this.assigned & bit) === 0) this.found = true;
      return;
    }
    // An arrow function's body is another unit: it sees variables through the engine's table.
    if (n.kind === 'ArrowFunction') return;
    if (n.kind === 'MemberExpr') {
      this.read(n.object);
      return;
    }
    forEachChild(n, this.visit);
  }

  private assign(id: Identifier): void {
    this.assigned |= this.bit(id);
  }

  /** Scans one round of a loop; returns whether a target may be read before it is assigned. */
  round(loop: WhileStmt | ForStmt): boolean {
    // A `for` binds its variable before each round.
    if (loop.kind === 'ForStmt') this.assign(loop.variable);
    else this.read(loop.condition);
    this.list(loop.body.body);
    return this.found;
  }

  /** Runs a list; returns whether control never reaches its end (or an exposed read was found). */
  list(stmts: readonly Statement[]): boolean {
    for (const s of stmts) if (this.stmt(s) || this.found) return true;
    return false;
  }

  /** Runs a nested list from the current point; gives what is assigned at its end, or -1 if it never ends. */
  private branch(stmts: readonly Statement[], entry: number): number {
    this.assigned = entry;
    return this.list(stmts) ? -1 : this.assigned;
  }

  private stmt(s: Statement): boolean {
    switch (s.kind) {
      case 'ExpressionStmt':
        this.read(s.expression);
        return false;
      case 'AssignStmt':
        this.read(s.value);
        // `o.k = v` reads the container and what the target's parts evaluate.
        if (s.target.kind === 'Identifier') this.assign(s.target);
        else this.read(s.target);
        return false;
      case 'ArrayDestructureStmt':
      case 'ObjectDestructureStmt':
        this.read(s.value);
        for (const n of s.names) this.assign(n);
        return false;
      case 'IfStmt': {
        const entry = this.assigned;
        this.read(s.condition);
        // The names assigned at the end of every branch that reaches the end of the if.
        let meet = -1;
        const join = (end: number): void => {
          if (end !== -1) meet = meet === -1 ? end : meet & end;
        };
        join(this.branch(s.then.body, entry));
        for (const elif of s.elifs) {
          this.assigned = entry;
          this.read(elif.condition);
          join(this.branch(elif.body.body, entry));
        }
        join(s.else ? this.branch(s.else.body, entry) : entry);
        if (meet === -1) return true;
        this.assigned = meet;
        return false;
      }
      case 'WhileStmt': {
        const entry = this.assigned;
        this.read(s.condition);
        this.branch(s.body.body, entry);
        this.assigned = entry;
        return false;
      }
      case 'ForStmt': {
        const entry = this.assigned;
        this.read(s.iterable);
        this.assign(s.variable);
        this.branch(s.body.body, this.assigned);
        this.assigned = entry;
        return false;
      }
      case 'ReturnStmt':
        if (s.value) this.read(s.value);
        return true;
      case 'ThrowStmt':
        this.read(s.value);
        return true;
      case 'TryStmt': {
        const entry = this.assigned;
        this.branch(s.body.body, entry);
        for (const h of s.handlers) {
          this.assigned = entry;
          if (h.variable) this.assign(h.variable);
          this.branch(h.body.body, this.assigned);
        }
        if (s.finally) this.branch(s.finally.body, entry);
        this.assigned = entry;
        return false;
      }
      case 'BreakStmt':
      case 'ContinueStmt':
        return true;
      case 'FunctionDef':
      case 'NonlocalStmt':
        return false;
    }
  }
}

/** Whether a round of `loop` (a while's condition and the body) may read one of `targets` before assigning it. */
export function readsBeforeAssigning(
  loop: WhileStmt | ForStmt,
  targets: readonly MlSymbol[],
  resolution: Resolution,
): boolean {
  if (targets.length > MAX_TARGETS) return true;
  return new ExposureScan(targets, resolution).round(loop);
}
