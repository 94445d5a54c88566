// Shows ML values to the debugger (INSIDE the isolate): text in ML syntax (`true`, `null`,
// `[1, 2]`, `{a: 1}`), the ML type, and handles for expanding arrays, objects, tuples, modules and
// stdlib objects. Handles live only while the program is stopped. Never runs user code.
import type { Runtime, Value } from '@mlsec/grammar';
import type { AgentScope, AgentValue, AgentVariable } from '../protocol.js';
import { valuesOf, type Frame } from './frames.js';

type Entry =
  { kind: 'value'; v: Value; path: string | null } | { kind: 'scope'; frame: Frame; which: AgentScope['name'] };

/** Zero-argument methods of stdlib objects that only read (shown as the object's children). */
const NATIVE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  DateTimeObject: ['year', 'month', 'day', 'hour', 'minute', 'second', 'weekday', 'timestamp'],
  Date: ['year', 'month', 'day', 'weekday'],
  Time: ['hour', 'minute', 'second'],
  TimeDelta: ['days', 'seconds', 'totalSeconds'],
  Match: ['value', 'groups', 'span'],
  Pattern: ['getPattern', 'getFlags'],
  HttpResponse: ['status', 'statusText', 'headers', 'body'],
  ParsedArgs: ['flags', 'options', 'positionals'],
};

/** Arrays longer than this are paged by the client (DAP indexedVariables). */
const PAGE = 100;
const PREVIEW = 100;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type Shape = 'array' | 'object' | 'tuple' | 'module' | 'native' | 'scalar';

export class Inspector {
  private entries: Entry[] = [];

  constructor(private readonly rt: Runtime) {}

  /** Forgets every handle (the program resumed). */
  clear(): void {
    this.entries = [];
  }

  typeOf(v: Value): string {
    if (v === null) return 'null';
    const t = this.rt.builtins['typeof']!(v) as string;
    // `typeof` says "unknown" only for tuples (zip, enumerate): the debugger names them.
    if (t === 'unknown') return 'tuple';
    return t;
  }

  shape(v: Value): Shape {
    if (v === null || typeof v !== 'object') return 'scalar';
    if (Array.isArray(v)) return 'array';
    const t = this.typeOf(v);
    if (t === 'object') return 'object';
    if (t === 'module') return 'module';
    if (t === 'tuple') return 'tuple';
    if (t === 'number') return 'scalar';
    return 'native';
  }

  /** ML-syntax text of a value, shortened to about `budget` characters (cycles shown as `[...]`). */
  text(v: Value, budget = PREVIEW, open: Set<unknown> = new Set()): string {
    switch (typeof v) {
      case 'boolean':
        return v ? 'true' : 'false';
      case 'string':
        return JSON.stringify(v);
      case 'bigint':
        return v.toString();
      case 'function':
        return this.rt.builtins['repr']!(v) as string;
    }
    if (v === null) return 'null';
    const shape = this.shape(v);
    if (shape === 'scalar') return this.rt.builtins['repr']!(v) as string;
    if (shape === 'native') return this.rt.builtins['str']!(v) as string;
    if (shape === 'module') return `<module ${(v as unknown as { name: string }).name}>`;
    const [lead, close] = shape === 'array' ? ['[', ']'] : shape === 'tuple' ? ['(', ')'] : ['{', '}'];
    if (open.has(v) || budget <= 2) return `${lead}...${close}`;
    open.add(v);
    const parts: string[] = [];
    let used = 2;
    for (const [key, item] of this.lazyChildren(v, shape)) {
      if (used > budget) {
        parts.push('…');
        break;
      }
      const t = this.text(item, budget - used - 2, open);
      const part = shape === 'object' ? `${IDENT.test(key) ? key : JSON.stringify(key)}: ${t}` : t;
      parts.push(part);
      used += part.length + 2;
    }
    open.delete(v);
    // A one-item tuple keeps its comma, as Python writes it: `(1,)`.
    if (shape === 'tuple' && parts.length === 1) return `(${parts[0]},)`;
    return `${lead}${parts.join(', ')}${close}`;
  }

  /** Children of a container, produced lazily (a preview of a huge array reads only its start). */
  private *lazyChildren(v: Value, shape: Shape): Generator<[string, Value]> {
    if (shape === 'array') {
      const a = v as Value[];
      for (let i = 0; i < a.length; i++) yield [String(i), a[i]!];
    } else if (shape === 'object') {
      yield* (v as unknown as { map: Map<string, Value> }).map;
    } else {
      yield* this.children(v);
    }
  }

  /** Named children of a container (index → item for arrays and tuples). */
  children(v: Value): [string, Value][] {
    const shape = this.shape(v);
    if (shape === 'array') return (v as Value[]).map((x, i) => [String(i), x]);
    if (shape === 'tuple') return (v as unknown as { items: readonly Value[] }).items.map((x, i) => [String(i), x]);
    if (shape === 'object') return [...(v as unknown as { map: Map<string, Value> }).map];
    if (shape === 'module') return [...(v as unknown as { members: Map<string, Value> }).members];
    if (shape === 'native') return this.nativeChildren(v);
    return [];
  }

  private nativeChildren(v: Value): [string, Value][] {
    const type = this.typeOf(v);
    const out: [string, Value][] = [];
    if (type === 'error') {
      for (const key of ['message', 'type']) out.push([key, this.rt.getMember(v, key)]);
      return out;
    }
    for (const name of NATIVE_FIELDS[type] ?? []) {
      try {
        out.push([name, this.rt.callMethod(v, name, [])]);
      } catch {
        // A reader that does not apply to this object is simply left out.
      }
    }
    return out;
  }

  /** A value for the client, registering a handle when it can be expanded. */
  show(v: Value, path: string | null): AgentValue {
    const shape = this.shape(v);
    const out: AgentValue = { value: this.text(v), type: this.typeOf(v), ref: 0 };
    if (shape === 'scalar') return out;
    const count = shape === 'array' ? (v as Value[]).length : this.children(v).length;
    if (count === 0) return out;
    out.ref = this.add({ kind: 'value', v, path });
    if (shape === 'array' && count > PAGE) out.indexed = count;
    return out;
  }

  scope(frame: Frame, which: AgentScope['name'], count: number): AgentScope {
    return { name: which, ref: this.add({ kind: 'scope', frame, which }), count };
  }

  entry(ref: number): Entry | undefined {
    return this.entries[ref - 1];
  }

  /** The children of handle `ref` (a scope or a container), optionally a page of them. */
  variables(ref: number, start = 0, count = 0): AgentVariable[] {
    const e = this.entry(ref);
    if (!e) throw new Error('this value is no longer available (the program has resumed)');
    if (e.kind === 'scope') return this.scopeVariables(e.frame, e.which);
    let items = this.children(e.v);
    if (start > 0 || count > 0) items = items.slice(start, count > 0 ? start + count : undefined);
    const shape = this.shape(e.v);
    return items.map(([name, item]) => {
      const path = e.path === null ? null : childPath(e.path, name, shape);
      const shown = this.show(item, path);
      return {
        name: shape === 'array' || shape === 'tuple' ? `[${name}]` : name,
        ...shown,
        ...(path ? { evaluateName: path } : {}),
      };
    });
  }

  /** The names and values of a frame scope (unassigned variables left out). */
  scopeEntries(frame: Frame, which: AgentScope['name']): [string, Value][] {
    const meta = frame.unit.meta[frame.fi]!;
    let names: string[];
    let values: (Value | undefined)[];
    if (which === 'Globals') {
      const g = frame.unit.globals;
      names = frame.unit.meta[0]!.names;
      values = g ? valuesOf(g) : [];
    } else {
      const all = valuesOf(frame.acc);
      const [from, to] = which === 'Locals' ? [0, meta.own] : [meta.own, meta.names.length];
      names = meta.names.slice(from, to);
      values = all.slice(from, to);
    }
    const out: [string, Value][] = [];
    names.forEach((n, i) => {
      const v = values[i];
      if (v !== undefined) out.push([n, v]);
    });
    return out;
  }

  private scopeVariables(frame: Frame, which: AgentScope['name']): AgentVariable[] {
    return this.scopeEntries(frame, which).map(([name, v]) => ({ name, ...this.show(v, name), evaluateName: name }));
  }

  private add(e: Entry): number {
    this.entries.push(e);
    return this.entries.length;
  }
}

function childPath(parent: string, name: string, shape: Shape): string {
  if (shape === 'array' || shape === 'tuple') return `${parent}[${name}]`;
  if (shape === 'native') return `${parent}.${name}()`;
  return IDENT.test(name) ? `${parent}.${name}` : `${parent}[${JSON.stringify(name)}]`;
}
