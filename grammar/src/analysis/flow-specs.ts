// The two data-flow rules as FlowSpecs: SEC015 (untrusted data → file path, URL, SQL or command
// string) and SEC014 (a string holding code → a call that is not a known function). Decide sources,
// propagation and sinks; the engine decides how values move.
import { BUILTIN_VALUE_TYPES, STDLIB_MODULES } from '../stdlib/catalogue.js';
import type { BinaryExpr, CallExpr, StringLiteral } from '../syntax/ast.js';
import type { ResolvedCall } from './call-capabilities.js';
import type { ChainShapes } from './concat.js';
import type { FlowSpec } from './flow-engine.js';
import { sourceAtom, type Taint } from './flow-taint.js';
import type { StaticValues } from './static-values.js';

const NON_TEXT = new Set(['int', 'float', 'number', 'boolean', 'null']);
/** Stdlib functions whose result cannot carry a path or URL through from their input. */
const SANITIZERS = new Set(['path.basename', 'path.extname', 'http.encodeURI', 'http.encodeQuery', 'regex.escape']);

function methodTables(): { nonText: Set<string>; valueMethods: Set<string> } {
  const returns = new Map<string, Set<string>>();
  const valueMethods = new Set<string>();
  const classes = [...BUILTIN_VALUE_TYPES, ...STDLIB_MODULES.flatMap((m) => m.classes)];
  for (const c of classes) {
    for (const m of c.methods) {
      const set = returns.get(m.name) ?? new Set<string>();
      set.add(m.returns);
      returns.set(m.name, set);
      if (c.module === 'builtin') valueMethods.add(m.name);
    }
  }
  const nonText = new Set<string>();
  for (const [name, set] of returns) if ([...set].every((r) => NON_TEXT.has(r))) nonText.add(name);
  return { nonText, valueMethods };
}

const TABLES = methodTables();

/**
 * Whether the result of a call to something that is not a function of this file is clean whatever
 * flows in (otherwise it carries the taint of its receiver and arguments).
 */
function cleanResult(call: CallExpr, resolved: ResolvedCall | undefined): boolean {
  if (resolved) {
    const spec = resolved.spec;
    return (
      NON_TEXT.has(spec.returns) || SANITIZERS.has(resolved.display) || ('module' in spec && spec.module === 'crypto')
    );
  }
  return call.callee.kind === 'MemberExpr' && TABLES.nonText.has(call.callee.property.name);
}

// ---------------------------------------------------------------------------------------------
// SEC015

/** Calls whose results come from outside the program (SECURITY-RULES.md SEC015). */
export const UNTRUSTED_SOURCES: ReadonlySet<string> = new Set([
  'http.get',
  'http.post',
  'http.put',
  'http.delete',
  'http.patch',
  'http.head',
  'http.request',
  'file.read',
  'file.readBytes',
  'file.readLines',
  'csv.read',
  'env.get',
  'env.require',
  'env.all',
  'args.all',
  'args.script',
  'args.rest',
  'ArgParser.parse',
  'input',
]);

const TARGET_WORDS: Readonly<Record<string, string>> = { path: 'path', dir: 'directory', url: 'URL' };

/** Where a call's taint-sensitive targets are: an argument, or a property of an object-literal argument. */
interface SinkTarget {
  index: number;
  key: string | undefined;
  /** `the path of file.read`. */
  what: string;
}

function sinkTargets(resolved: ResolvedCall): SinkTarget[] {
  const out: SinkTarget[] = [];
  for (const t of resolved.spec.capabilities) {
    const word = TARGET_WORDS[t.targetKind];
    if (t.targetArg === undefined || word === undefined) continue;
    out.push({ index: t.targetArg, key: t.targetKey, what: `the ${word} of ${resolved.display}` });
  }
  return out;
}

export function taintSpec(shapes: ChainShapes): FlowSpec {
  const shapeOf = (chain: BinaryExpr): string | null => {
    const shape = shapes.of(chain);
    return shape.sql ? 'an SQL statement' : shape.command ? 'a shell command' : null;
  };
  // A source call's taint is the same value every time the call is evaluated.
  const sources = new Map<CallExpr, Taint>();
  // So are a call's sinks (resolved calls are memoised per call).
  const targets = new Map<ResolvedCall, SinkTarget[]>();
  return {
    literal: () => null,
    callSource: (call, resolved) => {
      if (!resolved || !UNTRUSTED_SOURCES.has(resolved.display)) return null;
      let t = sources.get(call);
      if (t === undefined) sources.set(call, (t = [sourceAtom(resolved.display, call.range)]));
      return t;
    },
    cleanResult,
    sinkCall: (_call, resolved, taintOf, sink) => {
      if (!resolved || resolved.spec.capabilities.length === 0) return;
      let list = targets.get(resolved);
      if (!list) targets.set(resolved, (list = sinkTargets(resolved)));
      for (const t of list) {
        const arg = resolved.args[t.index];
        if (!arg) continue;
        if (t.key !== undefined && arg.kind === 'ObjectLiteral') {
          const prop = arg.properties.find((p) => p.keyName === t.key);
          if (prop) sink(prop.value, taintOf(prop.value), t.what);
          continue;
        }
        sink(arg, taintOf(arg), t.what);
      }
    },
    sinkConcat: (chain, taint, sink) => {
      const what = shapeOf(chain);
      if (what) sink(chain, taint, what);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// SEC014

const CODE_TEXT = /\beval\s*\(|\bexec\s*\(|__import__\s*\(|\bos\.system\s*\(|\bsubprocess\./;

/** Method names that write messages: a code-looking string given to them is just text. */
const OUTPUT_METHODS = new Set(['print', 'log', 'info', 'debug', 'warn', 'warning', 'error', 'critical', 'write']);

export function codeLookingText(lit: StringLiteral): string | undefined {
  return CODE_TEXT.exec(lit.value)?.[0];
}

export function suspiciousSpec(values: StaticValues): FlowSpec {
  const literals = new Map<StringLiteral, Taint>();
  return {
    literal: (lit) => {
      let t = literals.get(lit);
      if (t === undefined) {
        const match = codeLookingText(lit);
        literals.set(lit, (t = match === undefined ? null : [sourceAtom(`'${match}'`, lit.range)]));
      }
      return t;
    },
    callSource: () => null,
    cleanResult,
    sinkCall: (call, resolved, taintOf, sink) => {
      // Stdlib functions treat strings as data, and calls of this file's functions are followed.
      if (resolved || values.refOf(call.callee)?.kind === 'user-function') return;
      const callee = call.callee;
      if (callee.kind === 'MemberExpr') {
        const name = callee.property.name;
        if (OUTPUT_METHODS.has(name) || TABLES.valueMethods.has(name)) return;
      }
      const name = callee.kind === 'Identifier' ? callee.name : callee.property.name;
      for (const arg of call.args) sink(arg, taintOf(arg), `a call of '${name}'`);
    },
    sinkConcat: () => undefined,
  };
}
