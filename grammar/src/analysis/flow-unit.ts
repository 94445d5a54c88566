// Evaluation of one function (or the top level) for the data-flow engine: a state of symbol → taint
// carried through statements in order. Nested functions are separate units; names of enclosing
// scopes are read from the engine's flow-insensitive table.
import type { MlSymbol, Resolution, Scope } from '../names/types.js';
import type { ArrowFunction, BinaryExpr, CallExpr, Expression, FunctionDef, Identifier, Node, Program, Statement } from '../syntax/ast.js';
import type { FlowEngine, SinkReporter } from './flow-engine.js';
import { paramAtom, size, union, unionAll, type Taint } from './flow-taint.js';

export type UnitNode = Program | FunctionDef | ArrowFunction;
type State = Map<unknown, Taint>;

/** Names mentioned in an expression (the symbols an `if` condition checks). */
function mentionedSymbols(expr: Expression, resolution: Resolution): Set<unknown> {
  const out = new Set<unknown>();
  const stack: Node[] = [expr];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'Identifier') {
      const s = resolution.symbolOf(n);
      if (s) out.add(s);
      continue;
    }
    if (n.kind === 'MemberExpr') {
      stack.push(n.object);
      continue;
    }
    if (n.kind === 'ArrowFunction') continue;
    if (n.kind === 'CallExpr') {
      if (n.callee.kind === 'MemberExpr') stack.push(n.callee.object);
      stack.push(...n.args);
      continue;
    }
    if (n.kind === 'BinaryExpr') stack.push(n.left, n.right);
    else if (n.kind === 'UnaryExpr') stack.push(n.operand);
    else if (n.kind === 'ParenExpr') stack.push(n.expression);
    else if (n.kind === 'IndexExpr') stack.push(n.object, n.index);
    else if (n.kind === 'ConditionalExpr') stack.push(n.test, n.consequent, n.alternate);
  }
  return out;
}

interface LoopFrame {
  exits: State[];
}

export class FlowUnit {
  returns: Taint = null;
  private readonly paramForward: Taint[] = [];
  private state: State = new Map();
  private taints = new Map<Expression, Taint>();
  private inChain = new Set<Expression>();
  private loops: LoopFrame[] = [];
  private report: SinkReporter | null = null;
  private readonly taintOf = (e: Expression): Taint => this.taints.get(e) ?? null;

  constructor(
    private readonly engine: FlowEngine,
    readonly node: UnitNode,
    private readonly scope: Scope,
  ) {}

  forwardParam(index: number, taint: Taint): void {
    const before = this.paramForward[index] ?? null;
    const after = union(before, taint);
    if (size(after) !== size(before)) {
      this.paramForward[index] = after;
      this.engine.changed = true;
    }
  }

  evaluate(report: SinkReporter | null): void {
    this.report = report;
    this.state = new Map();
    this.taints = new Map();
    this.inChain = new Set();
    this.loops = [];
    const node = this.node;
    if (node.kind === 'Program') {
      this.execList(node.body as Statement[]);
      return;
    }
    node.params.forEach((p, i) => {
      const symbol = this.engine.resolution.symbolOf(p.name);
      if (symbol) this.state.set(symbol, union([paramAtom(i)], this.paramForward[i] ?? null));
    });
    if (node.body.kind === 'Block') this.execList(node.body.body);
    else this.addReturn(this.eval(node.body));
  }

  private addReturn(t: Taint): void {
    const after = union(this.returns, t);
    if (size(after) !== size(this.returns)) {
      this.returns = after;
      this.engine.changed = true;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Symbols

  private isLocal(symbol: MlSymbol): boolean {
    return symbol.scope === this.scope;
  }

  private fallback(symbol: unknown): Taint {
    return this.isLocal(symbol as MlSymbol) ? null : (this.engine.globalTaint.get(symbol) ?? null);
  }

  private read(symbol: unknown): Taint {
    return this.state.has(symbol) ? (this.state.get(symbol) ?? null) : this.fallback(symbol);
  }

  private bind(id: Identifier, taint: Taint): void {
    const symbol = this.engine.resolution.symbolOf(id);
    if (!symbol) return;
    this.state.set(symbol, taint);
    this.engine.noteGlobal(symbol, taint);
  }

  /** `o.k = t` / `a[i] = t`: the container now may hold `t` too. */
  private taintContainer(target: Expression, taint: Taint): void {
    let root: Expression = target;
    while (root.kind === 'MemberExpr' || root.kind === 'IndexExpr' || root.kind === 'ParenExpr') {
      root = root.kind === 'ParenExpr' ? root.expression : root.object;
    }
    if (root.kind !== 'Identifier' || !taint) return;
    const symbol = this.engine.resolution.symbolOf(root);
    if (!symbol) return;
    const t = union(this.read(symbol), taint);
    this.state.set(symbol, t);
    this.engine.noteGlobal(symbol, t);
  }

  private copy(): State {
    return new Map(this.state);
  }

  private join(states: readonly State[]): State {
    if (states.length === 1) return states[0]!;
    const keys = new Set<unknown>();
    for (const s of states) for (const k of s.keys()) keys.add(k);
    const out: State = new Map();
    for (const k of keys) out.set(k, unionAll(states.map((s) => (s.has(k) ? (s.get(k) ?? null) : this.fallback(k)))));
    return out;
  }

  private clean(symbols: Set<unknown>, state: State): void {
    for (const s of symbols) state.set(s, null);
  }

  // ------------------------------------------------------------------------------------------
  // Statements (each returns whether control never reaches the next statement)

  private execList(list: readonly Statement[]): boolean {
    for (const s of list) if (this.exec(s)) return true;
    return false;
  }

  private exec(s: Statement): boolean {
    switch (s.kind) {
      case 'ExpressionStmt':
        this.eval(s.expression);
        return false;
      case 'AssignStmt': {
        const t = this.eval(s.value);
        if (s.target.kind === 'Identifier') this.bind(s.target, t);
        else {
          this.evalTargetParts(s.target);
          this.taintContainer(s.target, t);
        }
        return false;
      }
      case 'ArrayDestructureStmt':
      case 'ObjectDestructureStmt': {
        const t = this.eval(s.value);
        for (const n of s.names) this.bind(n, t);
        return false;
      }
      case 'IfStmt':
        return this.execIf(s);
      case 'WhileStmt':
        this.loop(() => {
          this.eval(s.condition);
          this.execList(s.body.body);
        });
        return false;
      case 'ForStmt': {
        const t = this.eval(s.iterable);
        this.loop(() => {
          this.bind(s.variable, t);
          this.execList(s.body.body);
        });
        return false;
      }
      case 'ReturnStmt':
        this.addReturn(s.value ? this.eval(s.value) : null);
        return true;
      case 'ThrowStmt':
        this.eval(s.value);
        return true;
      case 'TryStmt':
        this.execTry(s);
        return false;
      case 'BreakStmt':
      case 'ContinueStmt':
        this.loops[this.loops.length - 1]?.exits.push(this.copy());
        return true;
      case 'FunctionDef':
      case 'NonlocalStmt':
        return false;
    }
  }

  private evalTargetParts(target: Expression): void {
    if (target.kind === 'MemberExpr') this.eval(target.object);
    else if (target.kind === 'IndexExpr') {
      this.eval(target.object);
      this.eval(target.index);
    }
  }

  private execIf(s: Extract<Statement, { kind: 'IfStmt' }>): boolean {
    this.eval(s.condition);
    const entry = this.copy();
    const checked = mentionedSymbols(s.condition, this.engine.resolution);
    const reaching: State[] = [];
    let anyExit = false;
    const branch = (body: readonly Statement[], cleaned: Set<unknown> | null): void => {
      this.state = new Map(entry);
      if (cleaned) this.clean(cleaned, this.state);
      if (this.execList(body)) anyExit = true;
      else reaching.push(this.state);
    };
    branch(s.then.body, checked);
    for (const elif of s.elifs) {
      this.state = new Map(entry);
      this.eval(elif.condition);
      branch(elif.body.body, mentionedSymbols(elif.condition, this.engine.resolution));
    }
    if (s.else) branch(s.else.body, null);
    else reaching.push(entry);
    if (reaching.length === 0) return true;
    this.state = this.join(reaching);
    // `if (!ok(x)) { return; }`: code after the if only runs once x passed the check.
    if (anyExit) this.clean(checked, this.state);
    return false;
  }

  /** Runs a loop body until the state stops growing (at most three rounds). */
  private loop(body: () => void): void {
    const frame: LoopFrame = { exits: [] };
    this.loops.push(frame);
    for (let round = 0; round < 3; round++) {
      const before = this.copy();
      body();
      const after = this.join([before, this.state, ...frame.exits]);
      frame.exits = [];
      const stable = [...after].every(([k, v]) => size(v) === size(before.has(k) ? (before.get(k) ?? null) : this.fallback(k)));
      this.state = after;
      if (stable) break;
    }
    this.loops.pop();
  }

  private execTry(s: Extract<Statement, { kind: 'TryStmt' }>): void {
    const entry = this.copy();
    const bodyExits = this.execList(s.body.body);
    const afterBody = this.state;
    const reaching: State[] = bodyExits ? [] : [afterBody];
    for (const h of s.handlers) {
      this.state = this.join([entry, afterBody]);
      if (h.variable) this.bind(h.variable, null);
      if (!this.execList(h.body.body)) reaching.push(this.state);
    }
    this.state = this.join(reaching.length > 0 ? reaching : [entry, afterBody]);
    if (s.finally) this.execList(s.finally.body);
  }

  // ------------------------------------------------------------------------------------------
  // Expressions

  private eval(e: Expression): Taint {
    const t = this.compute(e);
    if (t) this.taints.set(e, t);
    return t;
  }

  private compute(e: Expression): Taint {
    switch (e.kind) {
      case 'StringLiteral':
        return this.engine.spec.literal(e);
      case 'Identifier': {
        const symbol = this.engine.resolution.symbolOf(e);
        return symbol ? this.read(symbol) : null;
      }
      case 'ArrayLiteral':
        return unionAll(e.elements.map((x) => this.eval(x)));
      case 'ObjectLiteral':
        return unionAll(e.properties.map((p) => this.eval(p.value)));
      case 'ParenExpr':
        return this.eval(e.expression);
      case 'UnaryExpr':
        this.eval(e.operand);
        return null;
      case 'BinaryExpr':
        return this.binary(e);
      case 'ConditionalExpr':
        this.eval(e.test);
        return union(this.eval(e.consequent), this.eval(e.alternate));
      case 'MemberExpr':
        return this.eval(e.object);
      case 'IndexExpr': {
        const t = this.eval(e.object);
        this.eval(e.index);
        return t;
      }
      case 'SliceExpr': {
        const t = this.eval(e.object);
        for (const part of [e.start, e.stop, e.step]) if (part) this.eval(part);
        return t;
      }
      case 'CallExpr':
        return this.call(e);
      case 'NumberLiteral':
      case 'BooleanLiteral':
      case 'ArrowFunction':
      case 'ErrorExpr':
        return null;
    }
  }

  private binary(e: BinaryExpr): Taint {
    const outermost = e.operator === '+' && !this.inChain.has(e);
    if (outermost) this.markChain(e);
    const l = this.eval(e.left);
    const r = this.eval(e.right);
    switch (e.operator) {
      case '+': {
        const t = union(l, r);
        if (outermost && this.report) this.engine.spec.sinkConcat(e, this.taintOf, this.report);
        return t;
      }
      case '&&':
      case '||':
      case '*':
        return union(l, r);
      default:
        return null;
    }
  }

  private markChain(e: Expression): void {
    const stack: Expression[] = [e];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x.kind === 'ParenExpr') stack.push(x.expression);
      else if (x.kind === 'BinaryExpr' && x.operator === '+') {
        this.inChain.add(x);
        stack.push(x.left, x.right);
      }
    }
  }

  private call(call: CallExpr): Taint {
    const receiver = call.callee.kind === 'MemberExpr' ? this.eval(call.callee.object) : null;
    const args = call.args.map((a) => this.eval(a));
    const engine = this.engine;
    const resolved = engine.resolveCall(call);
    let result: Taint;
    const ref = resolved ? undefined : engine.values.refOf(call.callee);
    if (ref?.kind === 'user-function') result = engine.callUser(ref.node, args);
    else result = engine.spec.propagate(call, resolved, receiver, args);
    result = union(result, engine.spec.callSource(call, resolved));
    if (this.report) engine.spec.sinkCall(call, resolved, this.taintOf, this.report);
    return result;
  }
}
