// First half of name resolution: one traversal that builds the scope tree and records every binding,
// use and `nonlocal` as raw facts (plus the order they appear in), and the purely structural errors
// (loop control, parameters). It decides nothing about which symbol a use names; that is bind.ts and
// lookup.ts.
import type { Diagnostic } from '../diagnostics.js';
import type { ArrowFunction, FunctionDef, Identifier, ImportStmt, Node, Parameter, Program } from '../syntax/ast.js';
import { forEachChild } from '../syntax/visit.js';
import { IntColumn } from './columns.js';
import { NAME_CODES, nameDiagnostic } from './messages.js';
import type { Declaration, DeclarationKind, ImportInfo, MlSymbol, Scope, ScopeKind } from './types.js';

/** A binding occurrence before symbols exist; bind.ts adopts it as the symbol's Declaration. */
export type RawBinding = Declaration;

export interface RawNonlocal {
  identifier: Identifier;
  scope: Scope;
}

/** Kinds of identifier occurrences, in `Collected.order`. */
export const BINDING = 0;
export const READ = 1;
export const CALL = 2;
export const NONLOCAL = 3;
export const STRAY_NONLOCAL = 4;
/** `order` entries are `index * KINDS + kind` (read back as `entry >>> 3` and `entry & 7`). */
export const KINDS = 8;

/**
 * Uses (names read as values or called), as parallel columns. Names and offsets are read once here:
 * the identifier nodes are scattered in memory and every later read of them is a cache miss.
 */
export interface RawUses {
  identifiers: Identifier[];
  names: string[];
  offsets: IntColumn;
  /** 1 for a callee, 0 for a read. */
  calls: IntColumn;
  /** Id of the use's scope. */
  scopes: IntColumn;
  /** Outermost loop of the use's own function (or top level) that contains it: index in `loops`, or -1. */
  loops: IntColumn;
}

export interface Collected {
  scopes: Scope[];
  /** Every binding, in traversal order. */
  bindings: RawBinding[];
  /** Start offset of each binding's identifier. */
  bindingOffsets: IntColumn;
  /** What each import binding brings in. */
  importInfo: Map<RawBinding, ImportInfo>;
  uses: RawUses;
  nonlocals: RawNonlocal[];
  /** Names of a (reported) top-level `nonlocal`: they name the top-level binding, if any. */
  strayNonlocals: Identifier[];
  /**
   * Every occurrence as `index * KINDS + kind` (BINDING, READ, CALL, NONLOCAL, STRAY_NONLOCAL), in
   * traversal order, which is source order except inside the copies error recovery makes (`x += 1`).
   */
  order: IntColumn;
  /** Per scope, its outermost loops (those not nested in another loop of the same scope). */
  outerLoops: Map<Scope, Node[]>;
  /** Every outermost loop, in the order met (what `uses.loops` indexes). */
  loops: Node[];
  diagnostics: Diagnostic[];
}

/**
 * The identifier an import binds: the alias, else the LAST path component (`import lib.stats;`
 * binds `stats`). The transpiler and editor features must use this rule too.
 */
export function importBindingIdentifier(stmt: ImportStmt): Identifier | null {
  return stmt.alias ?? stmt.path[stmt.path.length - 1] ?? null;
}

export function collect(program: Program, stdlibModules: ReadonlySet<string>): Collected {
  return new Collector(program, stdlibModules).out;
}

class Collector {
  readonly out: Collected = {
    scopes: [],
    bindings: [],
    bindingOffsets: new IntColumn(),
    importInfo: new Map(),
    uses: {
      identifiers: [],
      names: [],
      offsets: new IntColumn(),
      calls: new IntColumn(),
      scopes: new IntColumn(),
      loops: new IntColumn(),
    },
    nonlocals: [],
    strayNonlocals: [],
    order: new IntColumn(),
    outerLoops: new Map(),
    loops: [],
    diagnostics: [],
  };
  /** The scope of the code being visited. */
  private scope: Scope;
  /** Outermost enclosing loop inside the current function, for the source-order rule: its index in `out.loops` (-1: none). */
  private outerLoop = -1;
  /** Whether `break` / `continue` are allowed here. */
  private inLoop = false;
  private readonly visitChild = (child: Node): void => this.visit(child);

  constructor(
    program: Program,
    private readonly stdlibModules: ReadonlySet<string>,
  ) {
    // The program scope covers the whole text, including leading and trailing comments.
    this.scope = this.newScope('program', program, 0, Number.MAX_SAFE_INTEGER);
    const body = program.body;
    for (let i = 0; i < body.length; i++) this.visit(body[i]!);
  }

  private newScope(kind: ScopeKind, node: Scope['node'], start: number, end: number): Scope {
    const out = this.out;
    const parent = out.scopes.length === 0 ? null : this.scope;
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
  }

  private bind(identifier: Identifier, kind: DeclarationKind, node: Node, effectiveOffset: number): RawBinding | null {
    if (identifier.name === '') return null;
    const out = this.out;
    const raw: RawBinding = {
      identifier,
      kind,
      node,
      scope: this.scope,
      effectiveOffset,
      outerLoop: this.outerLoop < 0 ? null : this.out.loops[this.outerLoop]!,
    };
    out.order.push(out.bindings.length * KINDS + BINDING);
    out.bindings.push(raw);
    out.bindingOffsets.push(identifier.range.start.offset);
    return raw;
  }

  private use(identifier: Identifier, call: boolean): void {
    const name = identifier.name;
    if (name === '') return;
    const uses = this.out.uses;
    this.out.order.push(uses.identifiers.length * KINDS + (call ? CALL : READ));
    uses.identifiers.push(identifier);
    uses.names.push(name);
    uses.offsets.push(identifier.range.start.offset);
    uses.calls.push(call ? 1 : 0);
    uses.scopes.push(this.scope.id);
    uses.loops.push(this.outerLoop);
  }

  private bindParameters(params: Parameter[]): void {
    // Most lists are short: a scan beats a Set; long ones (generated code) get the Set.
    const seen = params.length > 16 ? new Set<string>() : null;
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      const name = p.name.name;
      if (seen ? seen.has(name) : isEarlierParameter(params, i, name)) {
        this.out.diagnostics.push(
          nameDiagnostic(NAME_CODES.duplicateParameter, 'error', `Duplicate parameter '${name}'`, p.name.range),
        );
        continue;
      }
      seen?.add(name);
      this.bind(p.name, 'parameter', p, this.scope.start);
    }
  }

  private enterFunction(node: FunctionDef | ArrowFunction): void {
    const kind: ScopeKind = node.kind === 'FunctionDef' ? 'function' : 'arrow';
    const start = node.kind === 'FunctionDef' ? node.name.range.end.offset : node.range.start.offset;
    const scope = this.scope;
    const outerLoop = this.outerLoop;
    const inLoop = this.inLoop;
    this.scope = this.newScope(kind, node, start, node.range.end.offset);
    this.outerLoop = -1;
    this.inLoop = false;
    this.bindParameters(node.params);
    this.visit(node.body);
    this.scope = scope;
    this.outerLoop = outerLoop;
    this.inLoop = inLoop;
  }

  /** Makes `loop` the context: the outermost loop of its scope unless already inside one. */
  private enterLoop(loop: Node): void {
    if (this.outerLoop < 0) {
      const loops = this.out.outerLoops.get(this.scope);
      if (loops) loops.push(loop);
      else this.out.outerLoops.set(this.scope, [loop]);
      this.outerLoop = this.out.loops.length;
      this.out.loops.push(loop);
    }
    this.inLoop = true;
  }

  private visit(node: Node): void {
    switch (node.kind) {
      case 'Identifier':
        this.use(node, false);
        return;
      case 'NumberLiteral':
      case 'StringLiteral':
      case 'BooleanLiteral':
      case 'ErrorExpr':
        return;
      case 'CallExpr':
        if (node.callee.kind === 'Identifier') this.use(node.callee, true);
        else this.visit(node.callee);
        for (let i = 0, args = node.args; i < args.length; i++) this.visit(args[i]!);
        return;
      case 'MemberExpr':
        // `o.k`: the property is a key, not a name.
        this.visit(node.object);
        return;
      case 'BinaryExpr':
        this.visit(node.left);
        this.visit(node.right);
        return;
      case 'ExpressionStmt':
        this.visit(node.expression);
        return;
      case 'Block':
        for (let i = 0, body = node.body; i < body.length; i++) this.visit(body[i]!);
        return;
      case 'ObjectProperty':
        this.visit(node.value);
        return;
      case 'AssignStmt':
        if (node.target.kind === 'Identifier') this.bind(node.target, 'variable', node, node.range.end.offset);
        else this.visit(node.target);
        this.visit(node.value);
        return;
      case 'ArrayDestructureStmt':
      case 'ObjectDestructureStmt':
        for (const n of node.names) this.bind(n, 'destructured', node, node.range.end.offset);
        this.visit(node.value);
        return;
      case 'FunctionDef':
        this.bind(node.name, 'function', node, node.range.end.offset);
        this.enterFunction(node);
        return;
      case 'ArrowFunction':
        this.enterFunction(node);
        return;
      case 'ForStmt': {
        // The iterable is evaluated once, before the loop: it is not inside the loop. The variable
        // comes first in the source, so it is recorded first (an iterable holds no loop of this scope).
        const outerLoop = this.outerLoop;
        const inLoop = this.inLoop;
        this.enterLoop(node);
        this.bind(node.variable, 'for-variable', node, node.body.range.start.offset);
        const loopContext = this.outerLoop;
        this.outerLoop = outerLoop;
        this.inLoop = inLoop;
        this.visit(node.iterable);
        this.outerLoop = loopContext;
        this.inLoop = true;
        this.visit(node.body);
        this.outerLoop = outerLoop;
        this.inLoop = inLoop;
        return;
      }
      case 'WhileStmt': {
        const outerLoop = this.outerLoop;
        const inLoop = this.inLoop;
        this.enterLoop(node);
        this.visit(node.condition);
        this.visit(node.body);
        this.outerLoop = outerLoop;
        this.inLoop = inLoop;
        return;
      }
      case 'ExceptClause':
        if (node.variable) this.bind(node.variable, 'except-variable', node, node.body.range.start.offset);
        this.visit(node.body);
        return;
      case 'ImportStmt': {
        const id = importBindingIdentifier(node);
        if (!id) return;
        const path = node.path.map((p) => p.name);
        const source = path.length === 1 && this.stdlibModules.has(path[0]!) ? 'stdlib' : 'user';
        const raw = this.bind(id, 'import', node, node.range.end.offset);
        if (raw) this.out.importInfo.set(raw, { path, source });
        return;
      }
      case 'NonlocalStmt':
        this.nonlocal(node.names, node.range);
        return;
      case 'BreakStmt':
      case 'ContinueStmt':
        if (!this.inLoop) {
          const word = node.kind === 'BreakStmt' ? 'break' : 'continue';
          this.out.diagnostics.push(
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
      // The other kinds: their children in forEachChild's order, without its callbacks.
      case 'ArrayLiteral':
        this.visitAll(node.elements);
        return;
      case 'ObjectLiteral':
        this.visitAll(node.properties);
        return;
      case 'IndexExpr':
        this.visit(node.object);
        this.visit(node.index);
        return;
      case 'ReturnStmt':
        if (node.value) this.visit(node.value);
        return;
      case 'IfStmt':
        this.visit(node.condition);
        this.visit(node.then);
        this.visitAll(node.elifs);
        if (node.else) this.visit(node.else);
        return;
      case 'ElifClause':
        this.visit(node.condition);
        this.visit(node.body);
        return;
      case 'UnaryExpr':
        this.visit(node.operand);
        return;
      case 'ParenExpr':
        this.visit(node.expression);
        return;
      case 'ConditionalExpr':
        this.visit(node.test);
        this.visit(node.consequent);
        this.visit(node.alternate);
        return;
      default:
        forEachChild(node, this.visitChild);
    }
  }

  private visitAll(nodes: readonly Node[]): void {
    for (let i = 0; i < nodes.length; i++) this.visit(nodes[i]!);
  }

  private nonlocal(names: Identifier[], range: Node['range']): void {
    const out = this.out;
    if (this.scope.kind === 'program') {
      out.diagnostics.push(
        nameDiagnostic(NAME_CODES.nonlocalAtTopLevel, 'error', "'nonlocal' is only allowed inside a function", range),
      );
      for (const n of names) {
        if (n.name === '') continue;
        out.order.push(out.strayNonlocals.length * KINDS + STRAY_NONLOCAL);
        out.strayNonlocals.push(n);
      }
      return;
    }
    for (const n of names) {
      if (n.name === '') continue;
      out.order.push(out.nonlocals.length * KINDS + NONLOCAL);
      out.nonlocals.push({ identifier: n, scope: this.scope });
    }
  }
}

/** Whether a parameter before `index` has the same name (`function f(a, a)`). */
function isEarlierParameter(params: Parameter[], index: number, name: string): boolean {
  for (let j = 0; j < index; j++) if (params[j]!.name.name === name) return true;
  return false;
}
