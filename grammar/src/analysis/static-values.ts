// What an expression is known to be before running: a constant (folding `+` of literals, through
// variables bound exactly once), a stdlib module, function or class instance, or a user function.
// Answers from the AST and name resolution only; memoised per node; never evaluates user code.
import type { MlSymbol, Resolution } from '../names/types.js';
import { lookupBuiltin, lookupClass, lookupFunction, lookupMethod } from '../stdlib/catalogue.js';
import type { FunctionSpec, MethodSpec } from '../stdlib/types.js';
import type { ArrowFunction, CallExpr, Expression, FunctionDef, Identifier } from '../syntax/ast.js';
import { SymbolIndex } from './symbol-index.js';

export type Constant =
  { kind: 'string'; value: string } | { kind: 'int'; value: bigint } | { kind: 'bool'; value: boolean };

export type StaticRef =
  | { kind: 'stdlib-module'; module: string }
  | { kind: 'stdlib-function'; spec: FunctionSpec }
  /** A value of a stdlib class (`Logger`, `ArgParser`, `HttpResponse`, ...). */
  | { kind: 'instance'; className: string }
  | { kind: 'user-module'; path: readonly string[] }
  /** `m.f` where `m` is an imported user module: resolved by the call graph through the loader. */
  | { kind: 'module-member'; path: readonly string[]; name: string }
  | { kind: 'user-function'; node: FunctionDef | ArrowFunction };

/** The callee of a call: a stdlib function, a method of a stdlib class, or something else. */
export type CalleeSpec = { spec: FunctionSpec | MethodSpec; display: string };

/** A call as the templates see it: the spec invoked and its arguments (shifted for `call(f, ...)`). */
export interface ResolvedCall {
  spec: FunctionSpec | MethodSpec;
  display: string;
  args: readonly Expression[];
}

const MAX_DEPTH = 8;
const VALUE_TYPE_NAMES = new Set(['string', 'array', 'object', 'pair']);

/** A constant as `+` with a string shows it (Python `str`: `True`, `42`). */
export function pythonText(c: Constant): string {
  if (c.kind === 'string') return c.value;
  if (c.kind === 'int') return c.value.toString();
  return c.value ? 'True' : 'False';
}

/**
 * Memo slots of expression nodes (by identity), found through a table by start offset (modulo its
 * size, a power of two about an eighth of the text's length) whose entries chain the nodes that
 * land there (`a.b(c) + d`: the sum, the call, the member and `a` share an offset). Cheaper than
 * hash maps keyed by node for the tens of thousands of memos of one analysis of a large file: no
 * hashing, and the memos are arrays indexed by slot.
 */
class NodeSlots {
  /** By start offset & mask: 1 + the last slot made for a node landing there; 0 when none. */
  private readonly last: Int32Array;
  private readonly mask: number;
  private readonly nodes: Expression[] = [];
  /** By slot: 1 + the slot made before it in the same entry; 0 when none. */
  private readonly previous: number[] = [];

  constructor(textLength: number) {
    let size = 64;
    while (size * 8 < textLength) size *= 2;
    this.last = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The node's slot, or -1 when it has none. */
  find(node: Expression): number {
    for (let k = this.last[node.range.start.offset & this.mask]!; k > 0; k = this.previous[k - 1]!)
      if (this.nodes[k - 1] === node) return k - 1;
    return -1;
  }

  /** A new slot for a node that has none (see find); the caller extends its memo arrays. */
  add(node: Expression): number {
    const slot = this.nodes.length;
    const entry = node.range.start.offset & this.mask;
    this.nodes.push(node);
    this.previous.push(this.last[entry]!);
    this.last[entry] = slot + 1;
    return slot;
  }
}

export class StaticValues {
  private readonly slots: NodeSlots;
  /** Memos by slot: undefined when not computed yet, null when computed and unknown. */
  private readonly constants: (Constant | null | undefined)[] = [];
  private readonly refs: (StaticRef | null | undefined)[] = [];
  private readonly calls: (ResolvedCall | null | undefined)[] = [];
  /** By depth, then symbol id (ids are dense per resolution; symbols made later extend the arrays). */
  private readonly namesAtDepth: (StaticRef | null | undefined)[][] = [];
  /** Set when a query gave up at MAX_DEPTH (see nameRef). */
  private depthLimitHit = false;

  private index: SymbolIndex | null = null;

  constructor(readonly resolution: Resolution) {
    this.slots = new NodeSlots(resolution.program.range.end.offset + 1);
  }

  /** The node's memo slot, made (with every memo empty) when it has none. */
  private slotFor(node: Expression): number {
    const slot = this.slots.find(node);
    if (slot >= 0) return slot;
    this.constants.push(undefined);
    this.refs.push(undefined);
    this.calls.push(undefined);
    return this.slots.add(node);
  }

  private cached<T>(memo: (T | null | undefined)[], node: Expression): T | null | undefined {
    const slot = this.slots.find(node);
    return slot < 0 ? undefined : memo[slot];
  }

  /** The resolution's answer, from a table made on first use (see symbol-index.ts). */
  symbolOf(id: Identifier): MlSymbol | undefined {
    return (this.index ??= new SymbolIndex(this.resolution)).symbolOf(id);
  }

  /**
   * The value of a variable assigned exactly once in the whole program (no other binding, no
   * `nonlocal` write, not a parameter): the only value it can ever hold.
   */
  singleValue(id: Identifier): Expression | undefined {
    const symbol = this.symbolOf(id);
    return symbol ? this.singleValueOf(symbol) : undefined;
  }

  private singleValueOf(symbol: MlSymbol): Expression | undefined {
    if (symbol.scope === null || symbol.declarations.length !== 1) return undefined;
    const decl = symbol.declarations[0]!;
    if (decl.kind !== 'variable' || decl.node.kind !== 'AssignStmt' || decl.node.target !== decl.identifier)
      return undefined;
    return decl.node.value;
  }

  constant(expr: Expression, depth = 0): Constant | undefined {
    const cached = this.cached(this.constants, expr);
    if (cached !== undefined) return cached ?? undefined;
    if (depth > MAX_DEPTH) return undefined;
    const value = this.computeConstant(expr, depth);
    this.constants[this.slotFor(expr)] = value ?? null;
    return value;
  }

  /** The expression's value when it is a constant string. */
  stringOf(expr: Expression): string | undefined {
    const c = this.constant(expr);
    return c?.kind === 'string' ? c.value : undefined;
  }

  private computeConstant(expr: Expression, depth: number): Constant | undefined {
    switch (expr.kind) {
      case 'StringLiteral':
        return { kind: 'string', value: expr.value };
      case 'NumberLiteral':
        if (expr.isFloat) return undefined;
        try {
          return { kind: 'int', value: BigInt(expr.raw) };
        } catch {
          return undefined;
        }
      case 'BooleanLiteral':
        return { kind: 'bool', value: expr.value };
      case 'ParenExpr':
        return this.constant(expr.expression, depth + 1);
      case 'Identifier': {
        const value = this.singleValue(expr);
        return value ? this.constant(value, depth + 1) : undefined;
      }
      case 'BinaryExpr': {
        if (expr.operator !== '+') return undefined;
        const l = this.constant(expr.left, depth + 1);
        const r = l && this.constant(expr.right, depth + 1);
        if (!l || !r) return undefined;
        if (l.kind === 'string' || r.kind === 'string') return { kind: 'string', value: pythonText(l) + pythonText(r) };
        if (l.kind === 'int' && r.kind === 'int') return { kind: 'int', value: l.value + r.value };
        return undefined;
      }
      default:
        return undefined;
    }
  }

  refOf(expr: Expression, depth = 0): StaticRef | undefined {
    if (expr.kind === 'Identifier') return depth > MAX_DEPTH ? this.givenUp() : this.nameRef(expr, depth);
    const cached = this.cached(this.refs, expr);
    if (cached !== undefined) return cached ?? undefined;
    if (depth > MAX_DEPTH) return this.givenUp();
    const ref = this.computeRef(expr, depth);
    this.refs[this.slotFor(expr)] = ref ?? null;
    return ref;
  }

  private computeRef(expr: Expression, depth: number): StaticRef | undefined {
    switch (expr.kind) {
      case 'ParenExpr':
        return this.refOf(expr.expression, depth + 1);
      case 'Identifier':
        return this.nameRef(expr, depth);
      case 'ArrowFunction':
        return { kind: 'user-function', node: expr };
      case 'MemberExpr': {
        const object = this.refOf(expr.object, depth + 1);
        if (object?.kind === 'stdlib-module') {
          const spec = lookupFunction(object.module, expr.property.name);
          return spec ? { kind: 'stdlib-function', spec } : undefined;
        }
        if (object?.kind === 'user-module')
          return { kind: 'module-member', path: object.path, name: expr.property.name };
        return undefined;
      }
      case 'CallExpr': {
        const callee = this.calleeSpec(expr, depth);
        const returns = callee?.spec.returns;
        if (returns === undefined || VALUE_TYPE_NAMES.has(returns) || !lookupClass(returns)) return undefined;
        return { kind: 'instance', className: returns };
      }
      default:
        return undefined;
    }
  }

  private givenUp(): undefined {
    this.depthLimitHit = true;
    return undefined;
  }

  /**
   * Names are memoised per symbol and depth: the answer depends on the symbol and depth only, and the
   * memos it reads never change once written. Below depth 2 (where most queries come in) always, as
   * ever; deeper only when the query did not give up at MAX_DEPTH on the way (such an answer could
   * change once a memo it missed is written).
   */
  private nameRef(id: Identifier, depth: number): StaticRef | undefined {
    const symbol = this.symbolOf(id);
    if (!symbol) return undefined;
    const memo = (this.namesAtDepth[depth] ??= new Array<StaticRef | null | undefined>(this.resolution.symbols.length));
    const cached = memo[symbol.id];
    if (cached !== undefined) return cached ?? undefined;
    const outer = this.depthLimitHit;
    this.depthLimitHit = false;
    const ref = this.identifierRef(id, symbol, depth);
    if (depth <= 1 || !this.depthLimitHit) memo[symbol.id] = ref ?? null;
    this.depthLimitHit ||= outer;
    return ref;
  }

  private identifierRef(id: Identifier, symbol: MlSymbol, depth: number): StaticRef | undefined {
    if (symbol.kind === 'builtin') {
      const spec = lookupBuiltin(id.name);
      return spec ? { kind: 'stdlib-function', spec } : undefined;
    }
    if (symbol.scope === null || symbol.declarations.length !== 1) return undefined;
    const decl = symbol.declarations[0]!;
    if (decl.kind === 'import' && symbol.importInfo) {
      const info = symbol.importInfo;
      return info.source === 'stdlib'
        ? { kind: 'stdlib-module', module: info.path[0]! }
        : { kind: 'user-module', path: info.path };
    }
    if (decl.kind === 'function' && decl.node.kind === 'FunctionDef') return { kind: 'user-function', node: decl.node };
    const value = this.singleValueOf(symbol);
    return value ? this.refOf(value, depth + 1) : undefined;
  }

  /**
   * The stdlib function or method a call invokes, with its arguments; `call(f, a, b)` resolves to
   * `f(a, b)` when `f` is a known stdlib function. Undefined for anything else. Memoised.
   */
  resolvedCall(call: CallExpr): ResolvedCall | undefined {
    const cached = this.cached(this.calls, call);
    if (cached !== undefined) return cached ?? undefined;
    const resolved = this.computeResolvedCall(call);
    this.calls[this.slotFor(call)] = resolved ?? null;
    return resolved;
  }

  private computeResolvedCall(call: CallExpr): ResolvedCall | undefined {
    const callee = this.calleeSpec(call);
    if (!callee) return undefined;
    const spec = callee.spec;
    if ('module' in spec && spec.module === 'builtin' && spec.name === 'call' && call.args.length > 0) {
      const target = this.refOf(call.args[0]!);
      if (target?.kind !== 'stdlib-function') return undefined;
      return { spec: target.spec, display: displayName(target.spec), args: call.args.slice(1) };
    }
    return { spec, display: callee.display, args: call.args };
  }

  /** The stdlib function or stdlib-class method a call invokes, when statically known. */
  calleeSpec(call: CallExpr, depth = 0): CalleeSpec | undefined {
    const callee = call.callee;
    if (callee.kind === 'MemberExpr') {
      const object = this.refOf(callee.object, depth + 1);
      if (object?.kind === 'instance') {
        const method = lookupMethod(object.className, callee.property.name);
        return method ? methodCallee(object.className, method) : undefined;
      }
    }
    const ref = this.refOf(callee, depth + 1);
    if (ref?.kind !== 'stdlib-function') return undefined;
    return functionCallee(ref.spec);
  }
}

// Callee specs are made once per catalogue entry (they are never modified).
const functionCallees = new WeakMap<FunctionSpec, CalleeSpec>();
const methodCallees = new Map<string, WeakMap<MethodSpec, CalleeSpec>>();

function functionCallee(spec: FunctionSpec): CalleeSpec {
  let callee = functionCallees.get(spec);
  if (!callee) functionCallees.set(spec, (callee = { spec, display: displayName(spec) }));
  return callee;
}

function methodCallee(className: string, method: MethodSpec): CalleeSpec {
  let byMethod = methodCallees.get(className);
  if (!byMethod) methodCallees.set(className, (byMethod = new WeakMap()));
  let callee = byMethod.get(method);
  if (!callee) byMethod.set(method, (callee = { spec: method, display: `${className}.${method.name}` }));
  return callee;
}

export function displayName(spec: FunctionSpec): string {
  return functionCallees.get(spec)?.display ?? (spec.module === 'builtin' ? spec.name : `${spec.module}.${spec.name}`);
}
