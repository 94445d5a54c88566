// Data-flow engine shared by SEC014 and SEC015: evaluates each function of one file over its
// statements (branches joined, loops iterated, `if` conditions count as checks of the names they
// mention) and links the file's functions through parameters, return values and outer variables.
import type { MlSymbol, Occurrence, Resolution, Scope } from '../names/types.js';
import type {
  ArrowFunction,
  BinaryExpr,
  CallExpr,
  Expression,
  FunctionDef,
  Node,
  StringLiteral,
} from '../syntax/ast.js';
import { resolveCall, type ResolvedCall } from './call-capabilities.js';
import { forward, substitute, union, unionAll, withForwarded, type Taint } from './flow-taint.js';
import { FlowUnit, type UnitNode } from './flow-unit.js';
import type { StaticValues } from './static-values.js';

/** What a rule considers a source, how calls propagate, and where the sinks are. */
export interface FlowSpec {
  literal(lit: StringLiteral): Taint;
  callSource(call: CallExpr, resolved: ResolvedCall | undefined): Taint;
  /**
   * Whether a call that is not to a function of this file gives a clean result whatever flows in;
   * otherwise its result carries the taint of its receiver and arguments.
   */
  cleanResult(call: CallExpr, resolved: ResolvedCall | undefined): boolean;
  /** Inspect a call once its arguments are evaluated; `taintOf` answers for its arguments and for the property values of object literals. */
  sinkCall(
    call: CallExpr,
    resolved: ResolvedCall | undefined,
    taintOf: (e: Expression) => Taint,
    sink: SinkReporter,
  ): void;
  /** Inspect a whole `+` chain, given the union of its leaves' taints in chainParts order (never clean). */
  sinkConcat(chain: BinaryExpr, taint: Taint, sink: SinkReporter): void;
}

export type SinkReporter = (at: Expression, taint: Taint, what: string) => void;

/** Names mentioned in an expression (the symbols an `if` condition checks). */
function mentionedSymbols(expr: Expression, resolution: Resolution): Set<MlSymbol> {
  const out = new Set<MlSymbol>();
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

/** Evaluations allowed per unit on average before the engine stops refining (pathological inputs). */
const EVALUATIONS_PER_UNIT = 8;

/** What the engine knows about a call, worked out on its first evaluation. */
export interface CallInfo {
  resolved: ResolvedCall | undefined;
  /** A call of a function of this file ... */
  user: boolean;
  /** ... and its unit (undefined when it has none). */
  unit: FlowUnit | undefined;
  /** The call's own taint as a source. */
  source: Taint;
  /** For other calls: the result is clean whatever flows in. */
  clean: boolean;
}

export interface SinkHit {
  at: Expression;
  taint: Taint;
  what: string;
}

/**
 * Worklist solver: every unit is evaluated once, then again whenever one of its inputs grows (the
 * return summary of a function it calls, or the taint of an outer variable it reads). Units are
 * evaluated with their parameters as `p0`, `p1`, ...; sources forwarded to a parameter later are
 * passed on without evaluating again (FlowUnit.passForwarded) and added to the sinks' taints at the
 * end. Sinks are taken from each unit's last evaluation, made with final inputs. Taint values do not
 * depend on the order of work (see flow-taint.ts), so neither does the result.
 */
export class FlowEngine {
  /**
   * The unit of each scope, by scope id (scope ids are the indices of `resolution.scopes`), made when
   * it is first needed: most units are never reached by tainted data.
   */
  private readonly units: (FlowUnit | undefined)[];
  /** Units of functions whose scope is not found by position (never for parsed programs). */
  private unitByNode: Map<UnitNode, FlowUnit> | null = null;
  /** Flow-insensitive taint of every symbol (what code in other functions sees), by symbol id. */
  private readonly globalTaint: Taint[] = [];
  /**
   * By symbol id: the units other than its own scope's that mention it, made when its taint first
   * grows (symbols made after the engine are not cached).
   */
  private readonly readers: (FlowUnit[] | undefined)[];
  /** Queued units: a binary heap by rank, then by time of queueing. */
  private readonly queue: FlowUnit[] = [];
  private queued = 0;
  private readonly checks = new Map<Expression, Set<MlSymbol>>();
  private readonly calls = new Map<CallExpr, CallInfo>();
  private readonly chains = new Map<BinaryExpr, Expression[]>();
  /**
   * By symbol id: which unit (its stamp) last looked the symbol's state slot up, and that slot. Units
   * keep their own slot tables; this saves the Map lookup on the reads and writes of a unit's code.
   */
  readonly slotOwners: Int32Array;
  readonly slotCache: Int32Array;
  /**
   * Counts changes a unit can see during its own evaluation (return summaries, variables of other
   * scopes): a loop round that saw none needs no repeating for them.
   */
  version = 0;

  constructor(
    readonly resolution: Resolution,
    readonly values: StaticValues,
    readonly spec: FlowSpec,
    /** By named function (null: the top level): the order to take units up in (see flow-rank.ts). */
    private readonly ranks: ReadonlyMap<FunctionDef | null, number> | undefined = undefined,
  ) {
    this.slotOwners = new Int32Array(resolution.symbols.length);
    this.slotCache = new Int32Array(resolution.symbols.length);
    this.units = new Array<FlowUnit | undefined>(resolution.scopes.length);
    this.readers = new Array<FlowUnit[] | undefined>(resolution.symbols.length);
  }

  /** The unit of a scope of this resolution. */
  private unitOfScope(scope: Scope): FlowUnit {
    let unit = this.units[scope.id];
    if (!unit) this.units[scope.id] = unit = new FlowUnit(this, scope.node, scope, scope.id + 1, this.rankOf(scope));
    return unit;
  }

  /** The rank of the named function around a scope (arrow functions go with it). */
  private rankOf(scope: Scope): number {
    if (!this.ranks) return 0;
    let s: Scope | null = scope;
    while (s && s.node.kind === 'ArrowFunction') s = s.parent;
    const node = s?.node;
    const rank = this.ranks.get(node?.kind === 'FunctionDef' ? node : null);
    return rank ?? this.ranks.size;
  }

  /** The unit of a function of this file (its scope is the innermost one at its body). */
  unitOf(node: FunctionDef | ArrowFunction): FlowUnit | undefined {
    const scope = this.resolution.scopeAt(node.body.range.start.offset);
    if (scope.node === node) return this.unitOfScope(scope);
    if (!this.unitByNode) {
      this.unitByNode = new Map();
      for (const s of this.resolution.scopes) this.unitByNode.set(s.node, this.unitOfScope(s));
    }
    return this.unitByNode.get(node);
  }

  /**
   * Evaluates the units holding `seeds` (source calls or literals) and everything their data
   * reaches; units no tainted value can reach are never evaluated.
   */
  run(seeds: Iterable<Node>, report: SinkReporter): void {
    for (const seed of seeds) this.enqueue(this.unitOfScope(this.resolution.scopeAt(seed.range.start.offset)));
    let budget = this.units.length * EVALUATIONS_PER_UNIT;
    while (this.queue.length > 0 && budget-- > 0) {
      const unit = this.pop();
      const pending = unit.pending;
      unit.pending = 0;
      if (pending === 2) unit.evaluate();
      unit.passForwarded();
    }
    for (const unit of this.units) {
      if (!unit) continue;
      const forwarded = unit.paramForward;
      for (const hit of unit.hits) report(hit.at, withForwarded(hit.taint, forwarded), hit.what);
    }
  }

  /** Queues a unit to be evaluated. */
  enqueue(unit: FlowUnit): void {
    if (unit.pending === 2) return;
    if (unit.pending === 0) this.push(unit);
    unit.pending = 2;
  }

  /** Queues an evaluated unit to pass on sources newly forwarded to its parameters. */
  enqueueForwarded(unit: FlowUnit): void {
    if (unit.pending !== 0) return;
    unit.pending = 1;
    this.push(unit);
  }

  private static before(a: FlowUnit, b: FlowUnit): boolean {
    return a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq);
  }

  private push(unit: FlowUnit): void {
    unit.seq = this.queued++;
    const heap = this.queue;
    let i = heap.length;
    heap.push(unit);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!FlowEngine.before(unit, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = unit;
  }

  private pop(): FlowUnit {
    const heap = this.queue;
    const top = heap[0]!;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && FlowEngine.before(heap[r]!, heap[l]!) ? r : l;
        if (!FlowEngine.before(heap[c]!, last)) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }

  /** Every unit that names a function (its callers, and code passing it on), evaluated or not. */
  enqueueCallers(unit: FlowUnit): void {
    if (unit.node.kind !== 'FunctionDef') return;
    let callers = unit.callers;
    if (!callers) {
      const symbol = this.values.symbolOf(unit.node.name);
      callers = unit.callers = this.unitsMentioning(symbol?.occurrences ?? [], null);
    }
    for (const caller of callers) this.enqueue(caller);
  }

  /** The units of the occurrences (declarations and those in `except` left out), in order of first occurrence. */
  private unitsMentioning(occurrences: readonly Occurrence[], except: Scope | null): FlowUnit[] {
    const out = new Set<FlowUnit>();
    for (const o of occurrences) {
      if (o.scope !== except && o.role !== 'declaration') out.add(this.unitOfScope(o.scope));
    }
    return [...out];
  }

  /** What code outside a symbol's own function sees of it. */
  readGlobal(symbol: MlSymbol): Taint {
    return this.globalTaint[symbol.id] ?? null;
  }

  /** Records what a symbol may hold anywhere (monotone); code elsewhere that uses it is re-evaluated. */
  noteGlobal(symbol: MlSymbol, taint: Taint, writer: FlowUnit): void {
    if (!taint) return;
    const before = this.globalTaint[symbol.id] ?? null;
    const after = union(before, taint);
    if (after === before) return;
    this.globalTaint[symbol.id] = after;
    if (symbol.scope !== writer.scope) this.version++;
    // Only code of scopes nested in the symbol's own can mention it outside that scope.
    const scope = symbol.scope;
    if (scope !== null && scope.children.length === 0) return;
    let readers = this.readers[symbol.id];
    if (!readers) {
      readers = this.unitsMentioning(symbol.occurrences, scope);
      if (symbol.id < this.readers.length) this.readers[symbol.id] = readers;
    }
    for (const reader of readers) if (reader !== writer) this.enqueue(reader);
  }

  /** A call of a function of this file: forward argument taint, return its substituted result. */
  callUser(unit: FlowUnit | undefined, args: readonly Taint[], caller: FlowUnit): Taint {
    if (!unit) return unionAll(args);
    (unit.dependents ??= new Set()).add(caller);
    for (let i = 0; i < args.length; i++) unit.forwardParam(i, forward(args[i]!));
    return substitute(unit.returns, args);
  }

  /** The leaves of a `+` chain (through parentheses), left to right. Memoised. */
  chainParts(chain: BinaryExpr): Expression[] {
    let parts = this.chains.get(chain);
    if (!parts) {
      parts = [];
      const stack: Expression[] = [chain];
      while (stack.length > 0) {
        const e = stack.pop()!;
        if (e.kind === 'ParenExpr') stack.push(e.expression);
        else if (e.kind === 'BinaryExpr' && e.operator === '+') stack.push(e.right, e.left);
        else parts.push(e);
      }
      this.chains.set(chain, parts);
    }
    return parts;
  }

  /** The symbols an `if` condition mentions: inside the branch they count as checked. Memoised. */
  checkedBy(condition: Expression): Set<MlSymbol> {
    let set = this.checks.get(condition);
    if (!set) this.checks.set(condition, (set = mentionedSymbols(condition, this.resolution)));
    return set;
  }

  /** The call's facts, worked out once: one lookup per evaluation instead of one per fact. */
  callInfo(call: CallExpr): CallInfo {
    let info = this.calls.get(call);
    if (!info) {
      const resolved = resolveCall(call, this.values);
      const ref = resolved ? undefined : this.values.refOf(call.callee);
      const user = ref?.kind === 'user-function';
      info = {
        resolved,
        user,
        unit: user ? this.unitOf(ref.node) : undefined,
        source: this.spec.callSource(call, resolved),
        clean: !user && this.spec.cleanResult(call, resolved),
      };
      this.calls.set(call, info);
    }
    return info;
  }
}
