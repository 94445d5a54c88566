// Scope analysis for code generation (ML-LANGUAGE.md §5): which names each function (or the
// program) binds as its own locals, honouring `nonlocal`. Pure; reads the AST, never changes it.
import type { ArrowFunction, Block, FunctionDef, Program, Statement, TopLevelStatement } from '../syntax/ast.js';

export type FunctionNode = FunctionDef | ArrowFunction;

export interface FnScope {
  readonly node: Program | FunctionNode;
  readonly parent: FnScope | null;
  /** Names assigned in this function (not nonlocal), excluding parameters; declared with `let`. */
  readonly locals: Set<string>;
  readonly params: string[];
  readonly nonlocals: Set<string>;
  /**
   * Functions whose name this scope binds exactly once, by that `function` statement (no other
   * assignment, parameter, loop variable, import or `nonlocal` write): while the name holds a
   * function it is that statement's function, so calls may enter it directly.
   */
  readonly fixedFunctions: Map<string, FunctionDef>;
  /** Parameters nothing assigns (here or through `nonlocal`): they keep their argument's value. */
  readonly constantParams: Set<string>;
  /** Parameters plus locals. */
  has(name: string): boolean;
}

export interface ScopeInfo {
  readonly program: FnScope;
  /** Scope created by each function node. */
  readonly byNode: Map<FunctionNode, FnScope>;
}

function makeScope(node: Program | FunctionNode, parent: FnScope | null, params: string[]): FnScope {
  const locals = new Set<string>();
  const nonlocals = new Set<string>();
  const paramSet = new Set(params);
  return {
    node,
    parent,
    locals,
    params,
    nonlocals,
    fixedFunctions: new Map(),
    constantParams: new Set(),
    has: (n) => locals.has(n) || paramSet.has(n),
  };
}

/** Name an import statement binds: the alias, else the last path component. */
export function importBinding(path: readonly { name: string }[], alias: { name: string } | null): string {
  return alias?.name ?? path[path.length - 1]?.name ?? '';
}

export function analyzeScopes(program: Program): ScopeInfo {
  const byNode = new Map<FunctionNode, FnScope>();
  const root = makeScope(program, null, []);
  const pendingNonlocals: { scope: FnScope; name: string }[] = [];
  /** How many statements bind each name of each scope, and the `function` statements among them. */
  const bindCounts = new Map<FnScope, Map<string, number>>();
  const defs = new Map<FnScope, Map<string, FunctionDef>>();
  const countBinding = (scope: FnScope, name: string): void => {
    let counts = bindCounts.get(scope);
    if (!counts) bindCounts.set(scope, (counts = new Map()));
    counts.set(name, (counts.get(name) ?? 0) + 1);
  };

  const visitFunction = (node: FunctionNode, parent: FnScope): void => {
    const scope = makeScope(
      node,
      parent,
      node.params.map((p) => p.name.name),
    );
    byNode.set(node, scope);
    if (node.body.kind === 'Block') {
      // Nonlocal declarations apply to the whole function, so collect them first.
      collectNonlocals(node.body.body, scope);
      visitStatements(node.body.body, scope);
    } else {
      visitExpression(node.body, scope);
    }
    for (const n of scope.nonlocals) pendingNonlocals.push({ scope, name: n });
  };

  const bind = (scope: FnScope, name: string): void => {
    countBinding(scope, name);
    if (!scope.nonlocals.has(name) && !scope.params.includes(name)) scope.locals.add(name);
  };

  const visitExpression = (e: unknown, scope: FnScope): void => {
    // Only arrow functions inside expressions create scopes; walk generically to find them.
    const stack: unknown[] = [e];
    while (stack.length > 0) {
      const n = stack.pop();
      if (n === null || typeof n !== 'object') continue;
      if (Array.isArray(n)) {
        stack.push(...n);
        continue;
      }
      const node = n as { kind?: string };
      if (node.kind === 'ArrowFunction') {
        visitFunction(n as ArrowFunction, scope);
        continue;
      }
      for (const [k, v] of Object.entries(n)) if (k !== 'range' && typeof v === 'object') stack.push(v);
    }
  };

  const visitBlock = (b: Block | null, scope: FnScope): void => {
    if (b) visitStatements(b.body, scope);
  };

  const visitStatements = (stmts: readonly TopLevelStatement[], scope: FnScope): void => {
    for (const s of stmts) visitStatement(s, scope);
  };

  const visitStatement = (s: TopLevelStatement, scope: FnScope): void => {
    switch (s.kind) {
      case 'ImportStmt':
        bind(scope, importBinding(s.path, s.alias));
        return;
      case 'CapabilityDecl':
      case 'BreakStmt':
      case 'ContinueStmt':
      case 'NonlocalStmt':
        return;
      case 'AssignStmt':
        if (s.target.kind === 'Identifier') bind(scope, s.target.name);
        else visitExpression(s.target, scope);
        visitExpression(s.value, scope);
        return;
      case 'ArrayDestructureStmt':
      case 'ObjectDestructureStmt':
        for (const n of s.names) bind(scope, n.name);
        visitExpression(s.value, scope);
        return;
      case 'FunctionDef': {
        bind(scope, s.name.name);
        let own = defs.get(scope);
        if (!own) defs.set(scope, (own = new Map()));
        own.set(s.name.name, s);
        visitFunction(s, scope);
        return;
      }
      case 'ExpressionStmt':
        visitExpression(s.expression, scope);
        return;
      case 'IfStmt':
        visitExpression(s.condition, scope);
        visitBlock(s.then, scope);
        for (const e of s.elifs) {
          visitExpression(e.condition, scope);
          visitBlock(e.body, scope);
        }
        visitBlock(s.else, scope);
        return;
      case 'WhileStmt':
        visitExpression(s.condition, scope);
        visitBlock(s.body, scope);
        return;
      case 'ForStmt':
        bind(scope, s.variable.name);
        visitExpression(s.iterable, scope);
        visitBlock(s.body, scope);
        return;
      case 'ReturnStmt':
        if (s.value) visitExpression(s.value, scope);
        return;
      case 'ThrowStmt':
        visitExpression(s.value, scope);
        return;
      case 'TryStmt':
        visitBlock(s.body, scope);
        for (const h of s.handlers) {
          if (h.variable) bind(scope, h.variable.name);
          visitBlock(h.body, scope);
        }
        visitBlock(s.finally, scope);
        return;
    }
  };

  visitStatements(program.body, root);
  // A nonlocal name that no enclosing function binds refers to the program's top level; make
  // sure a top-level variable exists so the generated code never names an undeclared variable.
  for (const { scope, name } of pendingNonlocals) {
    let s = scope.parent;
    while (s && !s.has(name)) s = s.parent;
    if (!s) root.locals.add(name);
    // A nested function may assign it: not a fixed function of that scope.
    countBinding(s ?? root, name);
  }
  for (const scope of byNode.values()) {
    const counts = bindCounts.get(scope);
    for (const p of scope.params) if (!counts?.has(p)) scope.constantParams.add(p);
  }
  for (const [scope, own] of defs) {
    const counts = bindCounts.get(scope);
    for (const [name, def] of own) {
      const fixed = counts?.get(name) === 1 && !scope.nonlocals.has(name) && !scope.params.includes(name);
      if (fixed) scope.fixedFunctions.set(name, def);
    }
  }
  return { program: root, byNode };
}

function collectNonlocals(stmts: readonly Statement[], scope: FnScope): void {
  for (const s of stmts) {
    if (s.kind === 'NonlocalStmt') for (const n of s.names) scope.nonlocals.add(n.name);
    const blocks: (Block | null)[] = [];
    if (s.kind === 'IfStmt') blocks.push(s.then, ...s.elifs.map((e) => e.body), s.else);
    else if (s.kind === 'WhileStmt' || s.kind === 'ForStmt') blocks.push(s.body);
    else if (s.kind === 'TryStmt') blocks.push(s.body, ...s.handlers.map((h) => h.body), s.finally);
    for (const b of blocks) if (b) collectNonlocals(b.body, scope);
  }
}
