// textDocument/completion for ML files: keywords valid at the cursor, names in scope, module members
// after `module.`, methods after a value of known type, and capability targets inside `capability`
// blocks; stdlib items carry their signature and required capabilities. Never edits anything.
import {
  lookupConstant,
  lookupModule,
  classMethods,
  lookupClass,
  STDLIB_MODULE_NAMES,
  type FunctionSpec,
  type MethodSpec,
  type MlSymbol,
  type Resolution,
  type SyntaxToken,
} from '@mlsec/grammar';
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { chainStart, commentAt, expressionOf, stringAt, tokenIndexAt, wordBefore } from './cursor.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { wordContextAt } from './keyword-context.js';
import { topLevelNames } from './module-symbols.js';
import { callableMarkdown, completionDetail, constantMarkdown, moduleMarkdown } from './stdlib-text.js';
import { expressionType, symbolType, type ValueType } from './value-types.js';
import type { ModuleCache } from './modules.js';
import { modulePath } from './modules.js';
import { capabilityTargets } from './capability-block.js';
import { resolutionAt } from './repair.js';

function callableItem(spec: FunctionSpec | MethodSpec, kind: CompletionItemKind): CompletionItem {
  return {
    label: spec.name,
    kind,
    detail: completionDetail(spec),
    documentation: { kind: MarkupKind.Markdown, value: callableMarkdown(spec) },
  };
}

async function memberItems(
  object: ValueType | undefined,
  a: DocumentAnalysis,
  modules: ModuleCache,
): Promise<CompletionItem[]> {
  if (!object) return [];
  if (object.kind === 'stdlib-module') {
    const mod = lookupModule(object.module);
    if (!mod) return [];
    const fns = mod.functions.map((f) => callableItem(f, CompletionItemKind.Function));
    const consts = mod.constants.map((c): CompletionItem => {
      const spec = lookupConstant(object.module, c.name)!;
      return {
        label: c.name,
        kind: CompletionItemKind.Constant,
        detail: `${c.type} = ${c.value}`,
        documentation: { kind: MarkupKind.Markdown, value: constantMarkdown(spec) },
      };
    });
    return [...fns, ...consts];
  }
  if (object.kind === 'instance') {
    const cls = lookupClass(object.className);
    const methods = (classMethods(object.className) ?? []).map((m) => callableItem(m, CompletionItemKind.Method));
    const props = (cls?.properties ?? []).map((p): CompletionItem => ({
      label: p.name,
      kind: CompletionItemKind.Property,
      detail: p.type,
      documentation: p.description,
    }));
    return [...methods, ...props];
  }
  if (object.kind === 'user-module') {
    const mod = await modules.get(modulePath(a.context.file, object.path));
    if (!mod) return [];
    return topLevelNames(mod).map((n): CompletionItem => ({
      label: n.name,
      kind: n.kind === 'function' ? CompletionItemKind.Function : CompletionItemKind.Variable,
      detail: n.detail,
    }));
  }
  return [];
}

const SYMBOL_KINDS: Partial<Record<MlSymbol['kind'], CompletionItemKind>> = {
  function: CompletionItemKind.Function,
  parameter: CompletionItemKind.Variable,
  import: CompletionItemKind.Module,
  builtin: CompletionItemKind.Function,
  implicit: CompletionItemKind.Constant,
};

function scopeItems(resolution: Resolution, offset: number): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const symbol of resolution.visibleNames(offset)) {
    if (symbol.kind === 'unresolved') continue;
    const item: CompletionItem = { label: symbol.name, kind: SYMBOL_KINDS[symbol.kind] ?? CompletionItemKind.Variable };
    const type = symbolType(symbol, (id) => resolution.symbolOf(id));
    if (type?.kind === 'stdlib-function') {
      item.detail = completionDetail(type.spec);
      item.documentation = { kind: MarkupKind.Markdown, value: callableMarkdown(type.spec) };
    } else if (type?.kind === 'stdlib-module') {
      const mod = lookupModule(type.module);
      if (mod) item.documentation = { kind: MarkupKind.Markdown, value: moduleMarkdown(mod) };
      item.detail = `module ${type.module}`;
    } else if (symbol.kind !== 'builtin') {
      item.detail =
        symbol.kind === 'import' ? `module ${symbol.importInfo?.path.join('.') ?? symbol.name}` : symbol.kind;
    }
    // Builtins after the program's own names.
    item.sortText = `${symbol.kind === 'builtin' || symbol.kind === 'implicit' ? '2' : '1'}${symbol.name}`;
    items.push(item);
  }
  return items;
}

function importItems(tokens: readonly SyntaxToken[], index: number): CompletionItem[] | undefined {
  const prev = tokens[index - 1];
  if (prev?.kind !== 'keyword' || prev.text !== 'import') return undefined;
  return [...STDLIB_MODULE_NAMES].map((name) => {
    const mod = lookupModule(name)!;
    return {
      label: name,
      kind: CompletionItemKind.Module,
      detail: 'standard module',
      documentation: { kind: MarkupKind.Markdown, value: moduleMarkdown(mod) },
    };
  });
}

export async function completion(
  a: DocumentAnalysis,
  position: Position,
  modules: ModuleCache,
): Promise<CompletionItem[]> {
  const offset = a.offsetAt(position);
  const text = a.text;
  if (commentAt(a.program.comments, offset)) return [];
  const tokens = a.tokens;
  const inString = stringAt(tokens, offset);
  if (inString) return capabilityTargets(a, inString, offset);
  const { start } = wordBefore(text, offset);
  const resolution = resolutionAt(a, start);
  const index = tokenIndexAt(tokens, start);
  const prev = tokens[index - 1];
  if (prev?.text === '.' && prev.kind === 'punctuation') {
    const first = chainStart(tokens, index - 2);
    if (first < 0) return [];
    const expr = expressionOf(text, tokens, first, index - 2);
    if (!expr) return [];
    const visible = new Map(resolution.visibleNames(start).map((s) => [s.name, s]));
    return memberItems(
      expressionType(expr, (id) => visible.get(id.name)),
      a,
      modules,
    );
  }
  const imports = importItems(tokens, index);
  if (imports) return imports;
  const context = wordContextAt(tokens, index);
  const keywords = context.keywords.map((k): CompletionItem => ({
    label: k,
    kind: CompletionItemKind.Keyword,
    sortText: `3${k}`,
  }));
  return context.names ? [...keywords, ...scopeItems(resolution, start)] : keywords;
}
