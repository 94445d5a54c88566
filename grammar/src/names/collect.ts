// First half of name resolution: one traversal that builds the scope tree and records every binding,
// use and `nonlocal` as raw facts, plus the purely structural errors (loop control, parameters).
// It decides nothing about which symbol a use names; that is bind.ts and lookup.ts.
import type { Diagnostic } from '../diagnostics.js';
import type { ArrowFunction, FunctionDef, Identifier, ImportStmt, Node, Parameter, Program } from '../syntax/ast.js';
import { forEachChild } from '../syntax/visit.js';
import { NAME_CODES, nameDiagnostic } from './messages.js';
import type { DeclarationKind, ImportInfo, MlSymbol, Scope, ScopeKind } from './types.js';

/** A binding occurrence before symbols exist. */
export interface RawBinding {
  identifier: Identifier;
  kind: DeclarationKind;
  node: Node;
  scope: Scope;
  effectiveOffset: number;
  /** Outermost loop of the binding's own function (or top level) that contains it. */
  outerLoop: Node | null;
  importInfo?: ImportInfo;
}

/** A name used as a value (`read`) or as a callee (`call`). */
export interface RawUse {
  identifier: Identifier;
  role: 'read' | 'call';
  scope: Scope;
  outerLoop: Node | null;
}

export interface RawNonlocal {
  identifier: Identifier;
  scope: Scope;
}

export interface Collected {
  scopes: Scope[];
  bindings: RawBinding[];
  uses: RawUse[];
  nonlocals: RawNonlocal[];
  /** Names of a (reported) top-level `nonlocal`: they name the top-level binding, if any. */
  strayNonlocals: Identifier[];
  /** Per scope, its outermost loops (those not nested in another loop of the same scope). */
  outerLoops: Map<Scope, Node[]>;
  diagnostics: Diagnostic[];
}

interface Context {
  scope: Scope;
  /** Outermost enclosing loop inside the current function, for the source-order rule. */
  outerLoop: Node | null;
  /** Whether `break` / `continue` are allowed here. */
  inLoop: boolean;
}

/**
 * The identifier an import binds: the alias, else the LAST path component (`import lib.stats;`
 * binds `stats`). The transpiler and editor features must use this rule too.
 */
export function importBindingIdentifier(stmt: ImportStmt): Identifier | null {
  return stmt.alias ?? stmt.path[stmt.path.length - 1] ?? null;
}

export function collect(program: Program, stdlibModules: ReadonlySet<string>): Collected {
  const out: Collected = { scopes: [], bindings: [], uses: [], nonlocals: [], strayNonlocals: [], outerLoops: new Map(), diagnostics: [] };

  const newScope = (kind: ScopeKind, node: Scope['node'], parent: Scope | null, start: number, end: number): Scope => {
    const scope: Scope = {
      id: out.scopes.length,
      kind,
      node,
      parent,
      children: [],
      start,
      end,
      symbols: new Map<string, MlSymbol>(),
      nonlocals: new Map<string, MlSymbol | null>(),
    };
    parent?.children.push(scope);
    out.scopes.push(scope);
    return scope;
  };

  const bind = (
    identifier: Identifier,
    kind: DeclarationKind,
    node: Node,
    effectiveOffset: number,
    ctx: Context,
    importInfo?: ImportInfo,
  ): void => {
    if (identifier.name === '') return;
    const raw: RawBinding = { identifier, kind, node, scope: ctx.scope, effectiveOffset, outerLoop: ctx.outerLoop };
    if (importInfo) raw.importInfo = importInfo;
    out.bindings.push(raw);
  };

  const use = (identifier: Identifier, role: RawUse['role'], ctx: Context): void => {
    if (identifier.name === '') return;
    out.uses.push({ identifier, role, scope: ctx.scope, outerLoop: ctx.outerLoop });
  };

  const bindParameters = (params: Parameter[], ctx: Context): void => {
    const seen = new Set<string>();
    for (const p of params) {
      if (seen.has(p.name.name)) {
        out.diagnostics.push(
          nameDiagnostic(NAME_CODES.duplicateParameter, 'error', `Duplicate parameter '${p.name.name}'`, p.name.range),
        );
        continue;
      }
      seen.add(p.name.name);
      bind(p.name, 'parameter', p, ctx.scope.start, ctx);
    }
  };

  const enterFunction = (node: FunctionDef | ArrowFunction, outer: Context): void => {
    const kind: ScopeKind = node.kind === 'FunctionDef' ? 'function' : 'arrow';
    const start = node.kind === 'FunctionDef' ? node.name.range.end.offset : node.range.start.offset;
    const ctx: Context = { scope: newScope(kind, node, outer.scope, start, node.range.end.offset), outerLoop: null, inLoop: false };
    bindParameters(node.params, ctx);
    visit(node.body, ctx);
  };

  const loopContext = (loop: Node, ctx: Context): Context => {
    if (ctx.outerLoop === null) {
      const loops = out.outerLoops.get(ctx.scope);
      if (loops) loops.push(loop);
      else out.outerLoops.set(ctx.scope, [loop]);
    }
    return { scope: ctx.scope, outerLoop: ctx.outerLoop ?? loop, inLoop: true };
  };

  const visit = (node: Node, ctx: Context): void => {
    switch (node.kind) {
      case 'Identifier':
        use(node, 'read', ctx);
        return;
      case 'CallExpr':
        if (node.callee.kind === 'Identifier') use(node.callee, 'call', ctx);
        else visit(node.callee, ctx);
        for (const a of node.args) visit(a, ctx);
        return;
      case 'MemberExpr':
        // `o.k`: the property is a key, not a name.
        visit(node.object, ctx);
        return;
      case 'ObjectProperty':
        visit(node.value, ctx);
        return;
      case 'AssignStmt':
        if (node.target.kind === 'Identifier') bind(node.target, 'variable', node, node.range.end.offset, ctx);
        else visit(node.target, ctx);
        visit(node.value, ctx);
        return;
      case 'ArrayDestructureStmt':
      case 'ObjectDestructureStmt':
        for (const n of node.names) bind(n, 'destructured', node, node.range.end.offset, ctx);
        visit(node.value, ctx);
        return;
      case 'FunctionDef':
        bind(node.name, 'function', node, node.range.end.offset, ctx);
        enterFunction(node, ctx);
        return;
      case 'ArrowFunction':
        enterFunction(node, ctx);
        return;
      case 'ForStmt': {
        // The iterable is evaluated once, before the loop: it is not inside the loop.
        visit(node.iterable, ctx);
        const inner = loopContext(node, ctx);
        bind(node.variable, 'for-variable', node, node.body.range.start.offset, inner);
        visit(node.body, inner);
        return;
      }
      case 'WhileStmt': {
        const inner = loopContext(node, ctx);
        visit(node.condition, inner);
        visit(node.body, inner);
        return;
      }
      case 'ExceptClause':
        if (node.variable) bind(node.variable, 'except-variable', node, node.body.range.start.offset, ctx);
        visit(node.body, ctx);
        return;
      case 'ImportStmt': {
        const id = importBindingIdentifier(node);
        if (!id) return;
        const path = node.path.map((p) => p.name);
        const source = path.length === 1 && stdlibModules.has(path[0]!) ? 'stdlib' : 'user';
        bind(id, 'import', node, node.range.end.offset, ctx, { path, source });
        return;
      }
      case 'NonlocalStmt':
        if (ctx.scope.kind === 'program') {
          out.diagnostics.push(
            nameDiagnostic(
              NAME_CODES.nonlocalAtTopLevel,
              'error',
              "'nonlocal' is only allowed inside a function",
              node.range,
            ),
          );
          for (const n of node.names) if (n.name !== '') out.strayNonlocals.push(n);
          return;
        }
        for (const n of node.names) if (n.name !== '') out.nonlocals.push({ identifier: n, scope: ctx.scope });
        return;
      case 'BreakStmt':
      case 'ContinueStmt':
        if (!ctx.inLoop) {
          const word = node.kind === 'BreakStmt' ? 'break' : 'continue';
          out.diagnostics.push(
            nameDiagnostic(
              NAME_CODES.loopControlOutsideLoop,
              'error',
              `'${word}' is only allowed inside a loop ('while' or 'for') of the same function`,
              node.range,
            ),
          );
        }
        return;
      case 'CapabilityDecl':
      case 'Parameter':
        // Capability names live in their own namespace; parameters are bound by enterFunction.
        return;
      default:
        forEachChild(node, (child) => visit(child, ctx));
    }
  };

  // The program scope covers the whole text, including leading and trailing comments.
  const root = newScope('program', program, null, 0, Number.MAX_SAFE_INTEGER);
  const top: Context = { scope: root, outerLoop: null, inLoop: false };
  for (const stmt of program.body) visit(stmt, top);
  return out;
}
