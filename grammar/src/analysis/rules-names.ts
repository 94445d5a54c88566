// SEC001–SEC007: names the program must not reach — host builtins it does not bind itself, dunder
// identifiers and keys, reflection attributes, JavaScript internals, computed internal keys and
// host-module imports. Works on AST nodes and the name resolution; never on raw text.
import type { Resolution } from '../names/types.js';
import type { Identifier, ImportStmt, IndexExpr, MemberExpr, Node, ObjectProperty } from '../syntax/ast.js';
import type { RuleId } from './rules.js';
import { identifierRole } from './traverse.js';
import type { StaticValues } from './static-values.js';
import { JS_INTERNAL_MEMBERS } from '../reserved-names.js';

export const CODE_EVAL_NAMES: ReadonlySet<string> = new Set([
  'eval',
  'exec',
  'compile',
  'execfile',
  '__import__',
  'globals',
  'locals',
  'vars',
]);
export const HOST_BUILTIN_NAMES: ReadonlySet<string> = new Set([
  'open',
  'exit',
  'quit',
  'file',
  'raw_input',
  'copyright',
  'credits',
  'license',
]);
export const REFLECTION_NAMES: ReadonlySet<string> = new Set([
  '__class__',
  '__bases__',
  '__subclasses__',
  '__mro__',
  '__globals__',
  '__dict__',
  '__code__',
  '__closure__',
  '__defaults__',
  '__kwdefaults__',
]);
export const JS_MEMBER_NAMES: ReadonlySet<string> = JS_INTERNAL_MEMBERS;
export const JS_GLOBAL_NAMES: ReadonlySet<string> = new Set([
  'globalThis',
  'this',
  'process',
  'require',
  'module',
  'Function',
  'Reflect',
  'Proxy',
  'WebAssembly',
]);
export const UNSAFE_MODULES: ReadonlySet<string> = new Set([
  'os',
  'sys',
  'subprocess',
  'shutil',
  'pickle',
  'marshal',
  'imp',
  'importlib',
  'types',
  'inspect',
  'gc',
  'ctypes',
  'builtins',
  '__builtin__',
]);

export type Report = (rule: RuleId, node: { range: Identifier['range'] }, message: string) => void;

/** The rule a use of an unbound name breaks, for every name in the three lists (first list wins). */
const NAME_RULES = new Map<string, RuleId>();
for (const [names, rule] of [
  [JS_GLOBAL_NAMES, 'SEC005'],
  [HOST_BUILTIN_NAMES, 'SEC002'],
  [CODE_EVAL_NAMES, 'SEC001'],
] as const) {
  for (const name of names) NAME_RULES.set(name, rule);
}

const isDunder = (name: string): boolean => name.startsWith('__');

/** A key reachable as a member: a dunder name, a reflection attribute or a JavaScript internal member. */
export function isInternalKey(key: string): boolean {
  return isDunder(key) || REFLECTION_NAMES.has(key) || JS_MEMBER_NAMES.has(key);
}

export class NameRules {
  constructor(
    private readonly resolution: Resolution,
    private readonly values: StaticValues,
    private readonly report: Report,
  ) {}

  /** Whether a name use refers to something the program (or the host, for REPL names) binds. */
  private bound(id: Identifier): boolean {
    const symbol = this.resolution.occurrenceOf(id)?.symbol;
    if (!symbol) return false;
    return symbol.scope !== null || symbol.kind === 'predefined' || symbol.kind === 'builtin';
  }

  identifier(id: Identifier, parent: Node | null): void {
    const name = id.name;
    if (isDunder(name))
      this.report('SEC003', id, `'${name}' starts with '__': double-underscore names are host internals`);
    // One lookup decides whether the name is in any of the three lists (this runs for every name).
    const rule = NAME_RULES.get(name);
    if (rule === undefined || identifierRole(id, parent) !== 'use' || this.bound(id)) return;
    if (rule === 'SEC001') {
      this.report('SEC001', id, `'${name}' evaluates code or exposes the interpreter; ML has no such builtin`);
    } else if (rule === 'SEC002') {
      this.report('SEC002', id, `'${name}' is a host builtin outside the capability model`);
    } else {
      this.report('SEC005', id, `'${name}' is a JavaScript internal; ML programs cannot reach it`);
    }
  }

  member(node: MemberExpr): void {
    const name = node.property.name;
    if (REFLECTION_NAMES.has(name)) this.report('SEC004', node.property, `'.${name}' is a reflection attribute`);
    if (JS_MEMBER_NAMES.has(name)) this.report('SEC005', node.property, `'.${name}' is a JavaScript internal member`);
  }

  index(node: IndexExpr): void {
    const key = this.values.stringOf(node.index);
    if (key === undefined || !isInternalKey(key)) return;
    if (REFLECTION_NAMES.has(key)) this.report('SEC004', node.index, `Key '${key}' is a reflection attribute`);
    const how = node.index.kind === 'StringLiteral' ? 'string key' : 'computed key';
    this.report('SEC006', node.index, `The ${how} '${key}' names an internal; [] does not make it safer than '.'`);
  }

  /** Object literal keys; identifier keys get SEC003 from identifier(). */
  property(node: ObjectProperty): void {
    const key = node.keyName;
    if (node.key.kind === 'StringLiteral' && isDunder(key)) {
      this.report('SEC003', node.key, `Key '${key}' starts with '__': double-underscore names are host internals`);
    }
    if (REFLECTION_NAMES.has(key)) this.report('SEC004', node.key, `Key '${key}' is a reflection attribute`);
  }

  importStmt(node: ImportStmt): void {
    const first = node.path[0];
    const last = node.path[node.path.length - 1];
    if (!first || !last || !UNSAFE_MODULES.has(first.name)) return;
    const dotted = node.path.map((p) => p.name).join('.');
    this.report(
      'SEC007',
      { range: { start: first.range.start, end: last.range.end } },
      `'import ${dotted}' reaches the host module '${first.name}'`,
    );
  }
}
