// Finds every capability use (stdlib calls, and capability-needing stdlib functions passed as
// values) and every reference to a user function, grouped by the enclosing named function ("unit";
// arrow functions count for the function around them). Driven by traverse.ts, one node at a time.
import type { CallExpr, Expression, FunctionDef, Identifier, MemberExpr, Program } from '../syntax/ast.js';
import { capabilityUses } from './call-capabilities.js';
import { displayName, type StaticRef, type StaticValues } from './static-values.js';
import { traverse } from './traverse.js';
import type { CapabilityUse } from './types.js';

/** A user function a unit calls or passes on: in this file, or a member of an imported user module. */
export type UnitEdge = { kind: 'local'; node: FunctionDef } | { kind: 'module'; path: readonly string[]; name: string };

export interface ScanUnit {
  /** The function, or null for the top level. */
  node: FunctionDef | null;
  uses: CapabilityUse[];
  edges: UnitEdge[];
}

export interface ScanResult {
  /** Top level first, then each function in source order. */
  units: ScanUnit[];
  /** Every use in source order. */
  uses: CapabilityUse[];
  /** The calls with uses, for the rules that look at calls (SEC010, SEC015 seeds). */
  usesByCall: Map<CallExpr, CapabilityUse[]>;
}

function edgeOf(ref: StaticRef | undefined): UnitEdge | undefined {
  if (ref?.kind === 'user-function' && ref.node.kind === 'FunctionDef') return { kind: 'local', node: ref.node };
  if (ref?.kind === 'module-member') return { kind: 'module', path: ref.path, name: ref.name };
  return undefined;
}

const byStart = (a: { range: { start: { offset: number } } }, b: { range: { start: { offset: number } } }): number =>
  a.range.start.offset - b.range.start.offset;

export class CapabilityScanner {
  readonly top: ScanUnit = { node: null, uses: [], edges: [] };
  private readonly units: ScanUnit[] = [this.top];
  private readonly uses: CapabilityUse[] = [];
  private readonly usesByCall = new Map<CallExpr, CapabilityUse[]>();

  constructor(
    private readonly values: StaticValues,
    private readonly root: string | undefined,
    private readonly file: string | undefined,
  ) {}

  enterFunction(node: FunctionDef): ScanUnit {
    const unit: ScanUnit = { node, uses: [], edges: [] };
    this.units.push(unit);
    return unit;
  }

  private add(unit: ScanUnit, uses: CapabilityUse[]): void {
    for (const u of uses) {
      if (this.file !== undefined) u.file = this.file;
      unit.uses.push(u);
      this.uses.push(u);
    }
  }

  call(call: CallExpr, unit: ScanUnit): void {
    const resolved = this.values.resolvedCall(call);
    if (resolved) {
      if (resolved.spec.capabilities.length === 0) return;
      const uses = capabilityUses(
        resolved.spec,
        resolved.display,
        resolved.args,
        call.range,
        this.values,
        this.root,
        unit.node?.name.name ?? null,
      );
      if (uses.length > 0) this.usesByCall.set(call, uses);
      this.add(unit, uses);
      return;
    }
    const edge = edgeOf(this.values.refOf(call.callee));
    if (edge) unit.edges.push(edge);
  }

  /** A name or member used as a value: a stdlib function passed on, or a user function reference. */
  reference(expr: Identifier | MemberExpr, unit: ScanUnit): void {
    const ref = this.values.refOf(expr);
    if (!ref) return;
    const edge = edgeOf(ref);
    if (edge) unit.edges.push(edge);
    if (ref.kind === 'stdlib-function' && ref.spec.capabilities.length > 0) {
      this.add(
        unit,
        capabilityUses(
          ref.spec,
          displayName(ref.spec),
          null,
          expr.range,
          this.values,
          this.root,
          unit.node?.name.name ?? null,
        ),
      );
    }
  }

  /** Whether `expr` is the function argument `call(f, ...)` was resolved through (not a value use). */
  isShiftedArgument(expr: Expression, call: CallExpr): boolean {
    if (call.args[0] !== expr) return false;
    const resolved = this.values.resolvedCall(call);
    return resolved !== undefined && resolved.args !== call.args;
  }

  result(): ScanResult {
    const units = [this.top, ...this.units.slice(1).sort((a, b) => byStart(a.node!, b.node!))];
    return { units, uses: this.uses.sort(byStart), usesByCall: this.usesByCall };
  }
}

/** Scans a program on its own (imported user modules; the analysed file is scanned by the rule walk). */
export function scanCapabilities(
  program: Program,
  values: StaticValues,
  root: string | undefined,
  file?: string,
): ScanResult {
  const scanner = new CapabilityScanner(values, root, file);
  traverse(program, scanner);
  return scanner.result();
}
