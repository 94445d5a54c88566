// Intra-procedural data-flow engine shared by SEC014 and SEC015: evaluates each function of one file
// over its statements (branches joined, loops iterated, `if` conditions count as checks of the
// names they mention) and links functions of the same file through parameters and return values.
import type { Resolution, Scope } from '../names/types.js';
import type { ArrowFunction, BinaryExpr, CallExpr, Expression, FunctionDef, Node, Program, StringLiteral } from '../syntax/ast.js';
import { forEachChild } from '../syntax/visit.js';
import { resolveCall, type ResolvedCall } from './call-capabilities.js';
import { forward, size, substitute, union, unionAll, type Taint } from './flow-taint.js';
import { FlowUnit, type UnitNode } from './flow-unit.js';
import type { StaticValues } from './static-values.js';

/** What a rule considers a source, how calls propagate, and where the sinks are. */
export interface FlowSpec {
  literal(lit: StringLiteral): Taint;
  callSource(call: CallExpr, resolved: ResolvedCall | undefined): Taint;
  /** Result of a call that is not to a function of this file. */
  propagate(call: CallExpr, resolved: ResolvedCall | undefined, receiver: Taint, args: readonly Taint[]): Taint;
  /** Inspect a call once its arguments are evaluated; `taintOf` answers for any evaluated expression. */
  sinkCall(call: CallExpr, resolved: ResolvedCall | undefined, taintOf: (e: Expression) => Taint, sink: SinkReporter): void;
  /** Inspect the outermost node of a `+` chain. */
  sinkConcat(chain: BinaryExpr, taintOf: (e: Expression) => Taint, sink: SinkReporter): void;
}

export type SinkReporter = (at: Expression, taint: Taint, what: string) => void;

/** Passes before the final reporting pass; summaries of real programs settle in two or three. */
const MAX_PASSES = 6;

export class FlowEngine {
  readonly units: FlowUnit[] = [];
  private readonly unitByNode = new Map<UnitNode, FlowUnit>();
  /** Flow-insensitive taint of every symbol (what code in other functions sees). */
  readonly globalTaint = new Map<unknown, Taint>();
  changed = false;

  constructor(
    readonly program: Program,
    readonly resolution: Resolution,
    readonly values: StaticValues,
    readonly spec: FlowSpec,
  ) {
    const scopeOf = new Map<Node, Scope>();
    for (const s of resolution.scopes) scopeOf.set(s.node, s);
    const add = (node: UnitNode): void => {
      const scope = scopeOf.get(node);
      if (!scope) return;
      const unit = new FlowUnit(this, node, scope);
      this.units.push(unit);
      this.unitByNode.set(node, unit);
    };
    add(program);
    const stack: Node[] = [program];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.kind === 'FunctionDef' || n.kind === 'ArrowFunction') add(n);
      forEachChild(n, (c) => stack.push(c));
    }
  }

  run(report: SinkReporter): void {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      this.changed = false;
      for (const unit of this.units) unit.evaluate(null);
      if (!this.changed) break;
    }
    for (const unit of this.units) unit.evaluate(report);
  }

  unitOf(node: FunctionDef | ArrowFunction): FlowUnit | undefined {
    return this.unitByNode.get(node);
  }

  /** Records what a symbol may hold anywhere (monotone). */
  noteGlobal(symbol: unknown, taint: Taint): void {
    if (!taint) return;
    const before = this.globalTaint.get(symbol) ?? null;
    const after = union(before, taint);
    if (size(after) !== size(before)) {
      this.globalTaint.set(symbol, after);
      this.changed = true;
    }
  }

  /** A call of a function of this file: forward argument taint, return its substituted result. */
  callUser(node: FunctionDef | ArrowFunction, args: readonly Taint[]): Taint {
    const unit = this.unitByNode.get(node);
    if (!unit) return unionAll(args);
    args.forEach((t, i) => unit.forwardParam(i, forward(t)));
    return substitute(unit.returns, args);
  }

  resolveCall(call: CallExpr): ResolvedCall | undefined {
    return resolveCall(call, this.values);
  }
}
