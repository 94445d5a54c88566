// Evaluation of one function (or the top level) for the data-flow engine: a state of symbol → taint
// carried through statements in order. Nested functions are separate units; names of enclosing
// scopes are read from the engine's flow-insensitive table.
import type { MlSymbol, Scope } from '../names/types.js';
import type {
  ArrowFunction,
  BinaryExpr,
  CallExpr,
  Expression,
  FunctionDef,
  Identifier,
  Program,
  Statement,
} from '../syntax/ast.js';
import type { FlowEngine, SinkHit, SinkReporter } from './flow-engine.js';
import { paramAtom, size, union, unionAll, type Taint } from './flow-taint.js';

export type UnitNode = Program | FunctionDef | ArrowFunction;
type State = Map<unknown, Taint>;

interface LoopFrame {
  exits: State[];
}

export class FlowUnit {
  returns: Taint = null;
  /** Units whose evaluation used this unit's return summary. */
  readonly dependents = new Set<FlowUnit>();
  /** What reached a sink in the latest evaluation. */
  hits: SinkHit[] = [];
  private readonly paramForward: Taint[] = [];
  private state: State = new Map();
  /** Taint of object-literal property values (an options object's `url`), for the sinks. */
  private propertyTaints = new Map<Expression, Taint>();
  private loops: LoopFrame[] = [];
  private readonly report: SinkReporter = (at, taint, what) => {
    if (taint) this.hits.push({ at, taint, what });
  };

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
      this.engine.enqueue(this);
    }
  }

  evaluate(): void {
    this.hits = [];
    this.state = new Map();
    this.propertyTaints = new Map();
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
      for (const d of this.dependents) this.engine.enqueue(d);
      this.engine.enqueueCallers(this);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Symbols

  private isLocal(symbol: MlSymbol): boolean {
    return symbol.scope === this.scope;
  }

  private fallback(symbol: unknown): Taint {
    return this.isLocal(symbol as MlSymbol) ? null : this.engine.readGlobal(symbol as MlSymbol);
  }

  private read(symbol: unknown): Taint {
    return this.state.has(symbol) ? (this.state.get(symbol) ?? null) : this.fallback(symbol);
  }

  private bind(id: Identifier, taint: Taint): void {
    const symbol = this.engine.resolution.symbolOf(id);
    if (!symbol) return;
    this.state.set(symbol, taint);
    this.engine.noteGlobal(symbol, taint, this);
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
    this.engine.noteGlobal(symbol, t, this);
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
        this.loop(null, () => {
          this.eval(s.condition);
          this.execList(s.body.body);
        });
        return false;
      case 'ForStmt': {
        const t = this.eval(s.iterable);
        this.loop(
          () => this.bind(s.variable, t),
          () => this.execList(s.body.body),
        );
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
    const checked = this.engine.checkedBy(s.condition);
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
      branch(elif.body.body, this.engine.checkedBy(elif.condition));
    }
    if (s.else) branch(s.else.body, null);
    else reaching.push(entry);
    if (reaching.length === 0) return true;
    this.state = this.join(reaching);
    // `if (!ok(x)) { return; }`: code after the if only runs once x passed the check.
    if (anyExit) this.clean(checked, this.state);
    return false;
  }

  /**
   * Runs a loop body until the state stops growing (at most three rounds). `prepare` binds what each
   * iteration starts with (the `for` variable), so it is not mistaken for a loop-carried change.
   */
  private loop(prepare: (() => void) | null, body: () => void): void {
    const frame: LoopFrame = { exits: [] };
    this.loops.push(frame);
    for (let round = 0; round < 3; round++) {
      prepare?.();
      const before = this.copy();
      body();
      const after = this.join([before, this.state, ...frame.exits]);
      frame.exits = [];
      let stable = true;
      for (const [k, v] of after) {
        if (size(v) !== size(before.has(k) ? (before.get(k) ?? null) : this.fallback(k))) {
          stable = false;
          break;
        }
      }
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
    switch (e.kind) {
      case 'StringLiteral':
        return this.engine.spec.literal(e);
      case 'Identifier': {
        const symbol = this.engine.resolution.symbolOf(e);
        return symbol ? this.read(symbol) : null;
      }
      case 'ArrayLiteral': {
        let t: Taint = null;
        for (const x of e.elements) t = union(t, this.eval(x));
        return t;
      }
      case 'ObjectLiteral': {
        let t: Taint = null;
        for (const p of e.properties) {
          const v = this.eval(p.value);
          if (v) this.propertyTaints.set(p.value, v);
          t = union(t, v);
        }
        return t;
      }
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
        if (e.start) this.eval(e.start);
        if (e.stop) this.eval(e.stop);
        if (e.step) this.eval(e.step);
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
    if (e.operator === '+') return this.concat(e);
    const l = this.eval(e.left);
    const r = this.eval(e.right);
    return e.operator === '&&' || e.operator === '||' || e.operator === '*' ? union(l, r) : null;
  }

  /** A whole `+` chain: its non-constant parts evaluated once each, then the chain as a sink. */
  private concat(e: BinaryExpr): Taint {
    const parts = this.engine.chainParts(e);
    const taints: Taint[] = new Array<Taint>(parts.length);
    let t: Taint = null;
    for (let i = 0; i < parts.length; i++) {
      const pt = this.eval(parts[i]!);
      taints[i] = pt;
      t = union(t, pt);
    }
    if (t) this.engine.spec.sinkConcat(e, taints, this.report);
    return t;
  }

  private call(call: CallExpr): Taint {
    const receiver = call.callee.kind === 'MemberExpr' ? this.eval(call.callee.object) : null;
    const args: Taint[] = new Array<Taint>(call.args.length);
    let anyArg = false;
    for (let i = 0; i < call.args.length; i++) {
      const t = this.eval(call.args[i]!);
      args[i] = t;
      if (t) anyArg = true;
    }
    const engine = this.engine;
    const resolved = engine.resolveCall(call);
    let result: Taint;
    const ref = resolved ? undefined : engine.values.refOf(call.callee);
    if (ref?.kind === 'user-function') result = engine.callUser(ref.node, args, this);
    else result = engine.spec.propagate(call, resolved, receiver, args);
    result = union(result, engine.spec.callSource(call, resolved));
    if (anyArg) {
      const taintOf = (x: Expression): Taint => {
        const i = call.args.indexOf(x);
        return i >= 0 ? (args[i] ?? null) : (this.propertyTaints.get(x) ?? null);
      };
      engine.spec.sinkCall(call, resolved, taintOf, this.report);
    }
    return result;
  }
}
