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
import { readsBeforeAssigning } from './flow-exposed.js';
import { hasParams, paramTaint, same, union, unionAll, type Taint } from './flow-taint.js';

export type UnitNode = Program | FunctionDef | ArrowFunction;

const NO_HITS: readonly SinkHit[] = [];
/** Argument taints of calls with no tainted argument, by argument count (shared: never written). */
const CLEAN_ARGS: Taint[][] = [];

/** The sources that arrived through the parameters `t` holds. */
function arrivedThrough(t: Taint, forwarded: readonly Taint[]): Taint {
  if (!hasParams(t)) return null;
  let out: Taint = null;
  for (const a of t!) {
    if (a.kind !== 'param') break;
    out = union(out, forwarded[a.index] ?? null);
  }
  return out;
}

function cleanArgs(n: number): readonly Taint[] {
  return (CLEAN_ARGS[n] ??= new Array<Taint>(n).fill(null));
}
/** Taint by slot (see `slot`); `undefined`: not assigned here, read through the fallback. */
type State = (Taint | undefined)[];

interface LoopFrame {
  exits: State[];
}

export class FlowUnit {
  returns: Taint = null;
  /** Whether the unit was evaluated (it has hits and a trace). */
  evaluated = false;
  /** 0: not queued, 1: queued to pass on newly forwarded sources, 2: queued to be evaluated. */
  pending = 0;
  /** When it was last queued (the order among units of one rank). */
  seq = 0;
  /** Units whose evaluation used this unit's return summary (made on first use). */
  dependents: Set<FlowUnit> | null = null;
  /** For a named function: the units that name it (see FlowEngine.enqueueCallers), made on first use. */
  callers: FlowUnit[] | null = null;
  /** What reached a sink in the latest evaluation (most units are never evaluated: nothing is made for them). */
  hits: readonly SinkHit[] = NO_HITS;
  private currentHits: SinkHit[] | null = null;
  /**
   * By parameter: the sources that arrived through it from call sites. Evaluation does not use them:
   * a unit is evaluated with `p0`, `p1`, ... only, and what depends on a parameter (sinks, arguments
   * of calls of this file's functions, variables seen elsewhere) gets its forwarded sources added
   * afterwards (see passForwarded), so new arrivals need no evaluation.
   */
  paramForward: Taint[] | null = null;
  /** This evaluation's calls of this file's functions with arguments holding parameters: unit, arguments. */
  private paramCalls: (FlowUnit | readonly Taint[])[] | null = null;
  /** This evaluation's writes of taints holding parameters to variables: symbol, taint. */
  private paramWrites: (MlSymbol | Taint)[] | null = null;
  /** The symbol of each parameter (looked up on the first evaluation). */
  private paramSymbols: (MlSymbol | undefined)[] | undefined;
  private state: State = [];
  /** The symbols this unit's states track, by slot (stable across evaluations; made on first use). */
  private slotSymbols: MlSymbol[] | null = null;
  private slots: Map<MlSymbol, number> | null = null;
  /** Taint of object-literal property values (an options object's `url`), for the sinks. */
  private propertyTaints: Map<Expression, Taint> | null = null;
  private readonly loops: LoopFrame[] = [];
  private readonly report: SinkReporter = (at, taint, what) => {
    if (taint) (this.currentHits ??= []).push({ at, taint, what });
  };

  constructor(
    private readonly engine: FlowEngine,
    readonly node: UnitNode,
    readonly scope: Scope,
    /** This unit's mark in the engine's slot cache (unique per unit, never 0). */
    private readonly stamp: number,
    /** When the engine takes it up: callees (lower ranks) first. */
    readonly rank: number,
  ) {}

  forwardParam(index: number, taint: Taint): void {
    if (!taint) return;
    const forwarded = (this.paramForward ??= []);
    const before = forwarded[index] ?? null;
    const after = union(before, taint);
    if (after !== before) {
      forwarded[index] = after;
      if (this.evaluated) this.engine.enqueueForwarded(this);
      else this.engine.enqueue(this);
    }
  }

  evaluate(): void {
    this.currentHits = null;
    this.paramCalls = null;
    this.paramWrites = null;
    this.evaluated = true;
    // As long as the last evaluation's: states rarely need to grow.
    this.state = new Array<Taint | undefined>(this.slotSymbols?.length ?? 0);
    this.propertyTaints = null;
    this.loops.length = 0;
    const node = this.node;
    if (node.kind === 'Program') {
      this.execList(node.body as Statement[]);
    } else {
      const symbols = (this.paramSymbols ??= node.params.map((p) => this.engine.values.symbolOf(p.name)));
      for (let i = 0; i < symbols.length; i++) {
        const symbol = symbols[i];
        if (symbol) this.state[this.slot(symbol)] = paramTaint(i);
      }
      if (node.body.kind === 'Block') this.execList(node.body.body);
      else this.addReturn(this.eval(node.body));
    }
    this.hits = this.currentHits ?? NO_HITS;
  }

  /** Passes the sources forwarded to this unit's parameters on to what the last evaluation gave them. */
  passForwarded(): void {
    const forwarded = this.paramForward;
    if (!forwarded) return;
    const calls = this.paramCalls;
    if (calls) {
      for (let c = 0; c < calls.length; c += 2) {
        const callee = calls[c] as FlowUnit;
        const args = calls[c + 1] as readonly Taint[];
        for (let i = 0; i < args.length; i++) {
          const extra = arrivedThrough(args[i]!, forwarded);
          if (extra) callee.forwardParam(i, extra);
        }
      }
    }
    const writes = this.paramWrites;
    if (writes) {
      for (let w = 0; w < writes.length; w += 2) {
        const extra = arrivedThrough(writes[w + 1] as Taint, forwarded);
        if (extra) this.engine.noteGlobal(writes[w] as MlSymbol, extra, this);
      }
    }
  }

  private addReturn(t: Taint): void {
    const after = union(this.returns, t);
    if (after !== this.returns) {
      this.returns = after;
      this.engine.version++;
      if (this.dependents) for (const d of this.dependents) this.engine.enqueue(d);
      this.engine.enqueueCallers(this);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Symbols

  /** The state slot of `symbol` in this unit: from the engine's cache while this unit is evaluated. */
  private slot(symbol: MlSymbol): number {
    const { slotOwners, slotCache } = this.engine;
    const id = symbol.id;
    if (id < slotOwners.length && slotOwners[id] === this.stamp) return slotCache[id]!;
    const slots = (this.slots ??= new Map());
    let slot = slots.get(symbol);
    if (slot === undefined) {
      const symbols = (this.slotSymbols ??= []);
      slot = symbols.length;
      symbols.push(symbol);
      slots.set(symbol, slot);
    }
    if (id < slotOwners.length) {
      slotOwners[id] = this.stamp;
      slotCache[id] = slot;
    }
    return slot;
  }

  /** What code of this unit sees of a symbol it has not assigned (yet). */
  private fallback(symbol: MlSymbol): Taint {
    return symbol.scope === this.scope ? null : this.engine.readGlobal(symbol);
  }

  private read(symbol: MlSymbol): Taint {
    const t = this.state[this.slot(symbol)];
    return t !== undefined ? t : this.fallback(symbol);
  }

  private bind(id: Identifier, taint: Taint): void {
    const symbol = this.engine.values.symbolOf(id);
    if (!symbol) return;
    this.state[this.slot(symbol)] = taint;
    this.note(symbol, taint);
  }

  private note(symbol: MlSymbol, taint: Taint): void {
    if (!taint) return;
    if (hasParams(taint)) (this.paramWrites ??= []).push(symbol, taint);
    this.engine.noteGlobal(symbol, taint, this);
  }

  /** `o.k = t` / `a[i] = t`: the container now may hold `t` too. */
  private taintContainer(target: Expression, taint: Taint): void {
    let root: Expression = target;
    while (root.kind === 'MemberExpr' || root.kind === 'IndexExpr' || root.kind === 'ParenExpr') {
      root = root.kind === 'ParenExpr' ? root.expression : root.object;
    }
    if (root.kind !== 'Identifier' || !taint) return;
    const symbol = this.engine.values.symbolOf(root);
    if (!symbol) return;
    const t = union(this.read(symbol), taint);
    this.state[this.slot(symbol)] = t;
    this.note(symbol, t);
  }

  private copy(): State {
    return this.state.slice();
  }

  /** Per symbol, the union over `states` in order (a state without the symbol has its fallback). */
  private join(states: readonly State[]): State {
    if (states.length === 1) return states[0]!;
    let n = 0;
    for (const s of states) if (s.length > n) n = s.length;
    const out: State = new Array<Taint | undefined>(n);
    for (let k = 0; k < n; k++) {
      let present = false;
      for (const s of states) {
        if (s[k] !== undefined) {
          present = true;
          break;
        }
      }
      if (!present) continue;
      const symbol = this.slotSymbols![k]!;
      let t: Taint = null;
      for (const s of states) {
        const v = s[k];
        t = union(t, v !== undefined ? v : this.fallback(symbol));
      }
      out[k] = t;
    }
    return out;
  }

  private clean(symbols: Set<MlSymbol>, state: State): void {
    for (const s of symbols) state[this.slot(s)] = null;
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
        this.effects(s.expression);
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
        this.loop(s, null);
        return false;
      case 'ForStmt':
        this.loop(s, this.eval(s.iterable));
        return false;
      case 'ReturnStmt':
        this.addReturn(s.value ? this.eval(s.value) : null);
        return true;
      case 'ThrowStmt':
        this.effects(s.value);
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
    if (target.kind === 'MemberExpr') this.effects(target.object);
    else if (target.kind === 'IndexExpr') {
      this.effects(target.object);
      this.effects(target.index);
    }
  }

  private execIf(s: Extract<Statement, { kind: 'IfStmt' }>): boolean {
    this.effects(s.condition);
    // Expressions never change the state (only statements bind) and every branch but the last starts
    // from a copy, so the state before the if serves as the entry state.
    const entry = this.state;
    const checked = this.engine.checkedBy(s.condition);
    const reaching: State[] = [];
    let anyExit = this.branch(entry, s.then.body, checked, reaching);
    for (const elif of s.elifs) {
      this.state = entry;
      this.effects(elif.condition);
      if (this.branch(entry, elif.body.body, this.engine.checkedBy(elif.condition), reaching)) anyExit = true;
    }
    if (s.else) {
      // The last branch: nothing reads `entry` after it.
      this.state = entry;
      if (this.execList(s.else.body)) anyExit = true;
      else reaching.push(this.state);
    } else reaching.push(entry);
    if (reaching.length === 0) return true;
    this.state = this.join(reaching);
    // `if (!ok(x)) { return; }`: code after the if only runs once x passed the check.
    if (anyExit) this.clean(checked, this.state);
    return false;
  }

  /** One branch of an if from `entry`; returns whether it exits, else adds its end state to `reaching`. */
  private branch(entry: State, body: readonly Statement[], cleaned: Set<MlSymbol>, reaching: State[]): boolean {
    this.state = entry.slice();
    this.clean(cleaned, this.state);
    if (this.execList(body)) return true;
    reaching.push(this.state);
    return false;
  }

  /**
   * Runs a loop body until the state stops growing (at most three rounds). A `for` binds its variable
   * to `iterable` at the start of each round, so that is not mistaken for a loop-carried change.
   * A round after one in which only variables the body never reads before assigning them grew, and
   * nothing outside the unit that it reads changed, would compute what this one computed and end in
   * the state this one ended in (joins are idempotent): it is not run.
   */
  private loop(s: Extract<Statement, { kind: 'WhileStmt' | 'ForStmt' }>, iterable: Taint): void {
    const frame: LoopFrame = { exits: [] };
    this.loops.push(frame);
    for (let round = 0; round < 3; round++) {
      if (s.kind === 'ForStmt') this.bind(s.variable, iterable);
      const before = this.copy();
      const version = this.engine.version;
      if (s.kind === 'WhileStmt') this.effects(s.condition);
      this.execList(s.body.body);
      const states = [before, this.state];
      for (const exit of frame.exits) states.push(exit);
      const after = this.join(states);
      frame.exits = [];
      // The variables that grew this round.
      let grown: MlSymbol[] | null = null;
      for (let k = 0; k < after.length; k++) {
        const v = after[k];
        if (v === undefined) continue;
        const b = before[k];
        const symbol = this.slotSymbols![k]!;
        if (!same(v, b !== undefined ? b : this.fallback(symbol))) (grown ??= []).push(symbol);
      }
      this.state = after;
      if (grown === null) break;
      if (this.engine.version === version && !readsBeforeAssigning(s, grown, this.engine.resolution)) break;
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
        const symbol = this.engine.values.symbolOf(e);
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
          if (v) (this.propertyTaints ??= new Map()).set(p.value, v);
          t = union(t, v);
        }
        return t;
      }
      case 'ParenExpr':
        return this.eval(e.expression);
      case 'UnaryExpr':
        this.effects(e.operand);
        return null;
      case 'BinaryExpr':
        return this.binary(e);
      case 'ConditionalExpr':
        this.effects(e.test);
        return union(this.eval(e.consequent), this.eval(e.alternate));
      case 'MemberExpr':
        return this.eval(e.object);
      case 'IndexExpr': {
        const t = this.eval(e.object);
        this.effects(e.index);
        return t;
      }
      case 'SliceExpr': {
        const t = this.eval(e.object);
        if (e.start) this.effects(e.start);
        if (e.stop) this.effects(e.stop);
        if (e.step) this.effects(e.step);
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
    if (e.operator === '&&' || e.operator === '||' || e.operator === '*') {
      const l = this.eval(e.left);
      return union(l, this.eval(e.right));
    }
    this.effects(e.left);
    this.effects(e.right);
    return null;
  }

  /**
   * Evaluates an expression whose taint is not needed, for what it does (calls, `+` chains and
   * object literals report sinks): names and literals do nothing, so they are not looked up.
   */
  private effects(e: Expression): void {
    switch (e.kind) {
      case 'Identifier':
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
      case 'ArrowFunction':
      case 'ErrorExpr':
        return;
      case 'ParenExpr':
        this.effects(e.expression);
        return;
      case 'MemberExpr':
        this.effects(e.object);
        return;
      case 'UnaryExpr':
        this.effects(e.operand);
        return;
      case 'IndexExpr':
        this.effects(e.object);
        this.effects(e.index);
        return;
      case 'BinaryExpr':
        if (e.operator === '+') this.concat(e);
        else {
          this.effects(e.left);
          this.effects(e.right);
        }
        return;
      default:
        this.eval(e);
    }
  }

  /** A whole `+` chain: its non-constant parts evaluated once each, then the chain as a sink. */
  private concat(e: BinaryExpr): Taint {
    const parts = this.engine.chainParts(e);
    let t: Taint = null;
    for (const part of parts) t = union(t, this.eval(part));
    if (t) this.engine.spec.sinkConcat(e, t, this.report);
    return t;
  }

  private call(call: CallExpr): Taint {
    const receiver = call.callee.kind === 'MemberExpr' ? this.eval(call.callee.object) : null;
    const n = call.args.length;
    // Most calls get no tainted argument: their taints are one shared array of nulls.
    let tainted: Taint[] | null = null;
    for (let i = 0; i < n; i++) {
      const t = this.eval(call.args[i]!);
      if (t) (tainted ??= new Array<Taint>(n).fill(null))[i] = t;
    }
    const anyArg = tainted !== null;
    const args: readonly Taint[] = tainted ?? cleanArgs(n);
    const engine = this.engine;
    const info = engine.callInfo(call);
    const resolved = info.resolved;
    let result: Taint;
    if (info.user) {
      result = engine.callUser(info.unit, args, this);
      if (info.unit && anyArg) {
        for (const t of tainted!) {
          if (hasParams(t)) {
            (this.paramCalls ??= []).push(info.unit, args);
            break;
          }
        }
      }
    } else result = info.clean ? null : union(receiver, tainted ? unionAll(tainted) : null);
    result = union(result, info.source);
    if (anyArg) {
      const taintOf = (x: Expression): Taint => {
        const i = call.args.indexOf(x);
        return i >= 0 ? (args[i] ?? null) : (this.propertyTaints?.get(x) ?? null);
      };
      engine.spec.sinkCall(call, resolved, taintOf, this.report);
    }
    return result;
  }
}
