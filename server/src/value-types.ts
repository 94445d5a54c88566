// What an expression is known to be in the editor: a stdlib module, function, class instance or
// built-in value type, a user module or function. Drives member completion, hover and signature help.
// Follows names bound once (or always to the same kind); never evaluates code; bounded depth.
import {
  lookupBuiltin,
  lookupClass,
  lookupFunction,
  lookupMethod,
  type Expression,
  type FunctionDef,
  type ArrowFunction,
  type FunctionSpec,
  type Identifier,
  type MethodSpec,
  type MlSymbol,
} from '@mlsec/grammar';

export type ValueType =
  | { kind: 'stdlib-module'; module: string }
  | { kind: 'user-module'; path: readonly string[] }
  | { kind: 'stdlib-function'; spec: FunctionSpec }
  | { kind: 'method'; spec: MethodSpec; className: string }
  /** An instance of a stdlib class or a built-in value type (`string`, `array`, `object`, `pair`). */
  | { kind: 'instance'; className: string }
  | { kind: 'user-function'; node: FunctionDef | ArrowFunction }
  | { kind: 'module-member'; path: readonly string[]; name: string };

/** How identifiers are looked up: the document's resolution, or names visible at a cursor. */
export type SymbolLookup = (id: Identifier) => MlSymbol | undefined;

const MAX_DEPTH = 6;

function instance(name: string | undefined): ValueType | undefined {
  if (name === undefined || lookupClass(name) === undefined) return undefined;
  return { kind: 'instance', className: name };
}

function same(a: ValueType, b: ValueType): boolean {
  switch (a.kind) {
    case 'stdlib-module':
      return b.kind === a.kind && b.module === a.module;
    case 'user-module':
      return b.kind === a.kind && b.path.join('.') === a.path.join('.');
    case 'stdlib-function':
    case 'method':
      return b.kind === a.kind && b.spec === a.spec;
    case 'instance':
      return b.kind === a.kind && b.className === a.className;
    case 'user-function':
      return b.kind === a.kind && b.node === a.node;
    case 'module-member':
      return b.kind === a.kind && b.name === a.name && b.path.join('.') === a.path.join('.');
  }
}

export function symbolType(symbol: MlSymbol, lookup: SymbolLookup, depth = 0): ValueType | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (symbol.kind === 'builtin') {
    const spec = lookupBuiltin(symbol.name);
    return spec ? { kind: 'stdlib-function', spec } : undefined;
  }
  if (symbol.kind === 'import' && symbol.importInfo) {
    const info = symbol.importInfo;
    return info.source === 'stdlib'
      ? { kind: 'stdlib-module', module: info.path[0]! }
      : { kind: 'user-module', path: info.path };
  }
  if (symbol.declarations.length === 0) return undefined;
  let found: ValueType | undefined;
  for (const decl of symbol.declarations) {
    let t: ValueType | undefined;
    if (decl.kind === 'function' && decl.node.kind === 'FunctionDef') t = { kind: 'user-function', node: decl.node };
    else if (decl.kind === 'variable' && decl.node.kind === 'AssignStmt' && decl.node.target === decl.identifier) {
      t = expressionType(decl.node.value, lookup, depth + 1);
    }
    if (!t || (found && !same(found, t))) return undefined;
    found = t;
  }
  return found;
}

export function expressionType(expr: Expression, lookup: SymbolLookup, depth = 0): ValueType | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (expr.kind) {
    case 'StringLiteral':
      return instance('string');
    case 'ArrayLiteral':
      return instance('array');
    case 'ObjectLiteral':
      return instance('object');
    case 'ArrowFunction':
      return { kind: 'user-function', node: expr };
    case 'ParenExpr':
      return expressionType(expr.expression, lookup, depth + 1);
    case 'BinaryExpr': {
      if (expr.operator !== '+') return undefined;
      const l = expressionType(expr.left, lookup, depth + 1);
      const r = expressionType(expr.right, lookup, depth + 1);
      const isString = (t: ValueType | undefined): boolean => t?.kind === 'instance' && t.className === 'string';
      if (isString(l) || isString(r)) return instance('string');
      if (l?.kind === 'instance' && l.className === 'array' && r?.kind === 'instance' && r.className === 'array')
        return l;
      return undefined;
    }
    case 'Identifier': {
      const symbol = lookup(expr);
      return symbol ? symbolType(symbol, lookup, depth + 1) : undefined;
    }
    case 'MemberExpr':
      return memberType(expressionType(expr.object, lookup, depth + 1), expr.property.name);
    case 'CallExpr': {
      const callee = expressionType(expr.callee, lookup, depth + 1);
      if (callee?.kind === 'stdlib-function' || callee?.kind === 'method') return instance(callee.spec.returns);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The type of `object.name` given the object's type. */
export function memberType(object: ValueType | undefined, name: string): ValueType | undefined {
  if (!object) return undefined;
  if (object.kind === 'stdlib-module') {
    const spec = lookupFunction(object.module, name);
    return spec ? { kind: 'stdlib-function', spec } : undefined;
  }
  if (object.kind === 'user-module') return { kind: 'module-member', path: object.path, name };
  if (object.kind === 'instance') {
    const spec = lookupMethod(object.className, name);
    return spec ? { kind: 'method', spec, className: object.className } : undefined;
  }
  return undefined;
}
