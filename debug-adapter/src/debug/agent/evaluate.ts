// Interprets debugger expressions (compiled on the host by compileDebugExpression) INSIDE the
// isolate, with the run's own runtime helpers, so they behave exactly like ML code and reach only
// what ML can reach. The isolate generates no code: this is a tree walk over plain data.
import type { DebugExpr, DebugStatement, Runtime, Value } from '@mlsec/grammar';
import { valuesOf, type Frame } from './frames.js';

/** Names visible from a frame: its own variables, enclosing functions', its unit's globals. */
export interface NameScope {
  lookup(name: string): Value | undefined;
  /** Assigns an existing variable; false when the name is no variable of this scope. */
  assign(name: string, value: Value): boolean;
  /** Every name that currently holds a value. */
  names(): string[];
}

export function frameScope(frame: Frame | undefined): NameScope {
  if (frame === undefined) return { lookup: () => undefined, assign: () => false, names: () => [] };
  const meta = frame.unit.meta[frame.fi]!;
  const globalsMeta = frame.unit.meta[0]!;
  const globals = frame.fi === 0 ? null : frame.unit.globals;
  const find = (name: string): { set: (v: Value) => void; get: () => Value | undefined } | null => {
    const i = meta.names.indexOf(name);
    if (i >= 0 && valuesOf(frame.acc)[i] !== undefined)
      return { get: () => valuesOf(frame.acc)[i], set: (v) => void frame.acc(i, v) };
    const g = globalsMeta.names.indexOf(name);
    if (globals && g >= 0 && valuesOf(globals)[g] !== undefined)
      return { get: () => valuesOf(globals)[g], set: (v) => void globals(g, v) };
    // An unassigned local still takes an assignment (as the program's own `x = ...` would).
    if (i >= 0) return { get: () => undefined, set: (v) => void frame.acc(i, v) };
    return null;
  };
  return {
    lookup: (name) => find(name)?.get(),
    assign: (name, value) => {
      const f = find(name);
      if (!f) return false;
      f.set(value);
      return true;
    },
    names: () => {
      const out: string[] = [];
      const values = valuesOf(frame.acc);
      meta.names.forEach((n, i) => values[i] !== undefined && out.push(n));
      if (globals) {
        const gv = valuesOf(globals);
        globalsMeta.names.forEach((n, i) => gv[i] !== undefined && !out.includes(n) && out.push(n));
      }
      return out;
    },
  };
}

/** Raises an ML error the way runtime code does (through a runtime helper), never a JS error. */
function fail(rt: Runtime, kind: 'NameError' | 'TypeError', name: string): never {
  if (kind === 'NameError') return rt.nameError(name);
  return rt.callee(null, name);
}

function builtin(rt: Runtime, name: string): Value | undefined {
  return Object.prototype.hasOwnProperty.call(rt.builtins, name) ? rt.builtins[name] : undefined;
}

export function evaluate(rt: Runtime, scope: NameScope, e: DebugExpr): Value {
  const ev = (x: DebugExpr): Value => evaluate(rt, scope, x);
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'int':
      // Only ints outside the safe range travel as text, so the bigint is already normalised.
      return BigInt(e.v);
    case 'float':
      return rt.float(e.v);
    case 'name': {
      const v = scope.lookup(e.n);
      if (v !== undefined) return v;
      const b = builtin(rt, e.n);
      if (b !== undefined) return b;
      if (e.n === 'null' || e.n === 'undefined') return null;
      return fail(rt, 'NameError', e.n);
    }
    case 'array':
      return e.items.map(ev);
    case 'object': {
      const kv: Value[] = [];
      e.keys.forEach((k, i) => kv.push(k, ev(e.values[i]!)));
      return rt.obj(kv);
    }
    case 'not':
      return !rt.truthy(ev(e.e));
    case 'neg':
      return rt.neg(ev(e.e));
    case 'op': {
      const f = (rt as unknown as Record<string, (a: Value, b: Value) => Value>)[e.op];
      if (typeof f !== 'function') return fail(rt, 'TypeError', e.op);
      return f(ev(e.l), ev(e.r));
    }
    case 'and': {
      const l = ev(e.l);
      return rt.truthy(l) ? ev(e.r) : l;
    }
    case 'or': {
      const l = ev(e.l);
      return rt.truthy(l) ? l : ev(e.r);
    }
    case 'cond':
      return rt.truthy(ev(e.t)) ? ev(e.c) : ev(e.a);
    case 'member':
      return rt.getMember(ev(e.o), e.n);
    case 'index':
      return rt.getIndex(ev(e.o), ev(e.i));
    case 'slice': {
      const part = (x: DebugExpr | null): Value => (x === null ? null : ev(x));
      return rt.getSlice(ev(e.o), part(e.a), part(e.b), part(e.c));
    }
    case 'call': {
      // At a call site a builtin wins over a user binding of the same name (ML-LANGUAGE.md §5).
      const b = builtin(rt, e.n);
      const f = b !== undefined ? b : scope.lookup(e.n);
      if (typeof f !== 'function') return rt.callee(f, e.n);
      const r = f(...e.args.map(ev));
      return r === undefined ? null : r;
    }
    case 'method':
      return rt.callMethod(ev(e.o), e.n, e.args.map(ev));
  }
}

/** Runs a REPL input: an expression's value, or the assigned value. */
export function execute(rt: Runtime, scope: NameScope, s: DebugStatement): Value {
  if (s.k === 'expr') return evaluate(rt, scope, s.e);
  const value = evaluate(rt, scope, s.value);
  const t = s.target;
  if (t.k === 'name') {
    if (!scope.assign(t.n, value)) return fail(rt, 'NameError', t.n);
  } else if (t.k === 'member') {
    rt.setMember(evaluate(rt, scope, t.o), t.n, value);
  } else {
    rt.setIndex(evaluate(rt, scope, t.o), evaluate(rt, scope, t.i), value);
  }
  return value;
}

/** Names to complete: in-scope names and builtins, or the members of `object`'s value. */
export function completionNames(rt: Runtime, scope: NameScope, object: DebugExpr | null): string[] {
  if (object === null) return [...new Set([...scope.names(), ...Object.keys(rt.builtins), 'null', 'true', 'false'])];
  const v = evaluate(rt, scope, object);
  const kind = rt.builtins['typeof']!(v);
  if (kind === 'object') return [...(v as unknown as { map: Map<string, Value> }).map.keys()];
  if (kind === 'module') return [...(v as unknown as { members: Map<string, Value> }).members.keys()];
  return [];
}
