// One walk over a program that finds every capability use (stdlib calls, and capability-needing
// stdlib functions passed as values) and every reference to a user function, grouped by the
// enclosing named function ("unit"; arrow functions count for the function around them).
import type { CallExpr, Expression, FunctionDef, Node, Program } from '../syntax/ast.js';
import { forEachChild } from '../syntax/visit.js';
import { capabilityUses, resolveCall } from './call-capabilities.js';
import { displayName, type StaticRef, type StaticValues } from './static-values.js';
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
  /** The uses of each call, for the rules that look at calls (SEC010). */
  usesByCall: Map<CallExpr, CapabilityUse[]>;
}

function edgeOf(ref: StaticRef | undefined): UnitEdge | undefined {
  if (ref?.kind === 'user-function' && ref.node.kind === 'FunctionDef') return { kind: 'local', node: ref.node };
  if (ref?.kind === 'module-member') return { kind: 'module', path: ref.path, name: ref.name };
  return undefined;
}

export function scanCapabilities(program: Program, values: StaticValues, root: string | undefined, file?: string): ScanResult {
  const top: ScanUnit = { node: null, uses: [], edges: [] };
  const units: ScanUnit[] = [top];
  const all: CapabilityUse[] = [];
  const usesByCall = new Map<CallExpr, CapabilityUse[]>();

  const add = (unit: ScanUnit, uses: CapabilityUse[]): void => {
    for (const u of uses) {
      if (file !== undefined) u.file = file;
      unit.uses.push(u);
      all.push(u);
    }
  };

  /** A name or member used as a value: a stdlib function passed on, or a user function reference. */
  const valueReference = (expr: Expression, unit: ScanUnit): void => {
    const ref = values.refOf(expr);
    const edge = edgeOf(ref);
    if (edge) unit.edges.push(edge);
    if (ref?.kind === 'stdlib-function' && ref.spec.capabilities.length > 0) {
      const name = unit.node?.name.name ?? null;
      add(unit, capabilityUses(ref.spec, displayName(ref.spec), null, expr.range, values, root, name));
    }
  };

  const visitCall = (call: CallExpr, unit: ScanUnit): void => {
    const resolved = resolveCall(call, values);
    const name = unit.node?.name.name ?? null;
    let skipFirstArg = false;
    if (resolved) {
      const uses = capabilityUses(resolved.spec, resolved.display, resolved.args, call.range, values, root, name);
      if (uses.length > 0) usesByCall.set(call, uses);
      add(unit, uses);
      skipFirstArg = resolved.args !== call.args;
    } else {
      const edge = edgeOf(values.refOf(call.callee));
      if (edge) unit.edges.push(edge);
    }
    // The callee itself is not a value use; its object part (`a.b().c()`) may hold calls.
    if (call.callee.kind === 'MemberExpr') visit(call.callee.object, unit);
    call.args.forEach((arg, i) => {
      if (!(skipFirstArg && i === 0)) visit(arg, unit);
    });
  };

  const visit = (node: Node, unit: ScanUnit): void => {
    switch (node.kind) {
      case 'FunctionDef': {
        const inner: ScanUnit = { node, uses: [], edges: [] };
        units.push(inner);
        node.body.body.forEach((s) => visit(s, inner));
        return;
      }
      case 'CallExpr':
        visitCall(node, unit);
        return;
      case 'Identifier':
        valueReference(node, unit);
        return;
      case 'MemberExpr':
        valueReference(node, unit);
        visit(node.object, unit);
        return;
      case 'AssignStmt':
        // The target identifier is a binding, not a value use.
        if (node.target.kind !== 'Identifier') visit(node.target, unit);
        visit(node.value, unit);
        return;
      case 'ObjectProperty':
        visit(node.value, unit);
        return;
      case 'ImportStmt':
      case 'CapabilityDecl':
      case 'Parameter':
      case 'NonlocalStmt':
        return;
      default:
        forEachChild(node, (child) => visit(child, unit));
    }
  };

  program.body.forEach((s) => visit(s, top));
  return { units, uses: all, usesByCall };
}
