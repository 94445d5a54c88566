// textDocument/hover: stdlib signature, doc line and the capabilities the call needs (concrete for
// literal targets, with ✓/✗ under the active grant); user functions with what they need
// transitively; capability declarations with their mapping and verdict; where variables are bound.
import { lookupClass, lookupConstant, lookupModule, type FunctionDef, type MlSymbol } from '@mlsec/grammar';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { grantLabel, usesMarkdown, usesOfCall, verdict } from './capability-view.js';
import { toRange } from './convert.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { moduleFunction } from './module-analysis.js';
import { topLevelName } from './module-symbols.js';
import { modulePath, type ModuleCache } from './modules.js';
import { callableMarkdown, constantMarkdown, moduleMarkdown } from './stdlib-text.js';
import { targetAt, type Target } from './target.js';
import { memberType, symbolType } from './value-types.js';

function code(text: string): string {
  return `\`\`\`ml\n${text}\n\`\`\``;
}

function functionSignature(node: FunctionDef): string {
  return `function ${node.name.name}(${node.params.map((p) => p.name.name).join(', ')})`;
}

function needsMarkdown(capabilities: readonly string[] | undefined): string {
  if (!capabilities || capabilities.length === 0) return 'Needs no capability.';
  return `Needs (with everything it calls):\n${capabilities.map((c) => `- \`${c}\``).join('\n')}`;
}

function callSection(a: DocumentAnalysis, t: Extract<Target, { call: unknown }>): string {
  if (!t.call) return '';
  const uses = usesOfCall(a, t.call);
  return uses.length === 0 ? '' : `\n\n**This call needs:**\n${usesMarkdown(a, uses)}`;
}

function lines(symbol: MlSymbol): string {
  const ls = [...new Set(symbol.declarations.map((d) => d.identifier.range.start.line + 1))];
  const shown = ls.slice(0, 6).join(', ') + (ls.length > 6 ? ', …' : '');
  return ls.length === 1 ? `line ${shown}` : `lines ${shown}`;
}

function userFunction(a: DocumentAnalysis, node: FunctionDef): string {
  const entry = a.security.capabilities.functions.find((f) => f.range.start.offset === node.name.range.start.offset);
  return `${code(functionSignature(node))}\n${needsMarkdown(entry?.transitive)}`;
}

function symbolHover(a: DocumentAnalysis, t: Extract<Target, { kind: 'symbol' }>): string | undefined {
  const s = t.symbol;
  const type = symbolType(s, (id) => a.resolution.symbolOf(id));
  if (type?.kind === 'stdlib-function') return callableMarkdown(type.spec) + callSection(a, t);
  if (s.kind === 'import') {
    const info = s.importInfo;
    if (info?.source === 'stdlib') {
      const mod = lookupModule(info.path[0]!);
      return mod ? moduleMarkdown(mod) : undefined;
    }
    return `${code(`import ${info?.path.join('.') ?? s.name};`)}\nUser module \`${info?.path.join('/') ?? s.name}.ml\`, bound as \`${s.name}\`.`;
  }
  if (type?.kind === 'user-function' && type.node.kind === 'FunctionDef') return userFunction(a, type.node);
  if (s.kind === 'implicit') return `${code(s.name)}\nThe null value (the program does not bind \`${s.name}\` itself).`;
  if (s.kind === 'unresolved') return undefined;
  const known = type?.kind === 'instance' ? `: ${type.className}` : '';
  const head = code(`(${s.kind}) ${s.name}${known}`);
  if (s.kind === 'parameter') {
    const owner = s.scope?.node;
    const where = owner?.kind === 'FunctionDef' ? `function \`${owner.name.name}\`` : 'an arrow function';
    return `${head}\nParameter of ${where} (line ${s.declarations[0]!.identifier.range.start.line + 1}).`;
  }
  const scope =
    s.scope?.kind === 'program'
      ? 'at the top level'
      : s.scope?.node.kind === 'FunctionDef'
        ? `in function \`${s.scope.node.name.name}\``
        : 'in an arrow function';
  return `${head}\nBound ${scope} at ${lines(s)}.`;
}

async function memberHover(
  a: DocumentAnalysis,
  t: Extract<Target, { kind: 'member' }>,
  modules: ModuleCache,
): Promise<string | undefined> {
  const object = t.objectType;
  const name = t.identifier.name;
  if (object?.kind === 'stdlib-module') {
    const constant = lookupConstant(object.module, name);
    if (constant) return constantMarkdown(constant);
  }
  if (object?.kind === 'stdlib-module' || object?.kind === 'instance') {
    const member = memberType(object, name);
    if (member?.kind === 'stdlib-function' || member?.kind === 'method')
      return callableMarkdown(member.spec) + callSection(a, t);
    if (object.kind === 'instance') {
      const prop = lookupClass(object.className)?.properties.find((p) => p.name === name);
      if (prop) return `${code(`${object.className}.${prop.name}: ${prop.type}`)}\n${prop.description}`;
    }
    return undefined;
  }
  if (object?.kind === 'user-module') {
    const mod = await modules.get(modulePath(a.context.file, object.path));
    const entry = mod && topLevelName(mod, name);
    if (!mod || !entry) return undefined;
    const def = entry.declaration.node;
    if (def.kind === 'FunctionDef') {
      const caps = moduleFunction(a, mod, name);
      return `${code(functionSignature(def))}\nFrom \`${object.path.join('/')}.ml\`.\n\n${needsMarkdown(caps?.transitive)}`;
    }
    return `${code(`(${entry.kind}) ${object.path[object.path.length - 1]}.${name}`)}\nFrom \`${object.path.join('/')}.ml\`, line ${entry.declaration.identifier.range.start.line + 1}.`;
  }
  return undefined;
}

function capabilityHover(a: DocumentAnalysis, t: Extract<Target, { kind: 'capability' }>): string {
  const name = t.decl.name.name;
  const declared = a.security.capabilities.declarations.filter((d) => d.declaration === name);
  const item = t.item;
  const shown = item
    ? declared.filter(
        (d) => d.range.start.offset >= item.range.start.offset && d.range.end.offset <= item.range.end.offset,
      )
    : [];
  const list = (shown.length > 0 ? shown : declared).map(
    (d) => `- \`${d.capability}\` (allow ${d.permission}) ${verdict(d.granted, grantLabel(a))}`,
  );
  const body = list.length > 0 ? list.join('\n') : 'Asks for nothing yet: add `resource "..."` and `allow ...` items.';
  return `${code(`capability ${name}`)}\nA request: the run gets the intersection of these with the grant.\n\n${body}`;
}

export async function hover(a: DocumentAnalysis, position: Position, modules: ModuleCache): Promise<Hover | null> {
  const t = targetAt(a, a.offsetAt(position));
  if (!t) return null;
  let value: string | undefined;
  switch (t.kind) {
    case 'symbol':
      value = symbolHover(a, t);
      break;
    case 'member':
      value = await memberHover(a, t, modules);
      break;
    case 'import': {
      const parts = t.stmt.path.slice(0, t.index + 1).map((p) => p.name);
      const mod = parts.length === 1 ? lookupModule(parts[0]!) : undefined;
      value =
        mod && t.stmt.path.length === 1
          ? moduleMarkdown(mod)
          : `${code(`import ${t.stmt.path.map((p) => p.name).join('.')};`)}\nUser module \`${t.stmt.path.map((p) => p.name).join('/')}.ml\`.`;
      break;
    }
    case 'capability':
      value = capabilityHover(a, t);
      break;
  }
  if (value === undefined) return null;
  const range = t.kind === 'capability' ? (t.identifier ?? t.item ?? t.decl.name).range : t.identifier.range;
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(range) };
}
