// The top-level names a user module offers to its importers (`import lib.util;` → `util.f`): used by
// member completion, cross-module definition, references and rename. Pure over a parsed module.
import type { Declaration, MlSymbol } from '@mlsec/grammar';
import type { ParsedModule } from './modules.js';

export interface ModuleName {
  name: string;
  kind: 'function' | 'variable' | 'import';
  detail: string;
  symbol: MlSymbol;
  declaration: Declaration;
}

function detailOf(symbol: MlSymbol, decl: Declaration): string {
  if (decl.node.kind === 'FunctionDef')
    return `function ${symbol.name}(${decl.node.params.map((p) => p.name.name).join(', ')})`;
  if (symbol.kind === 'import') return `module ${symbol.importInfo?.path.join('.') ?? symbol.name}`;
  return `variable ${symbol.name}`;
}

/** The module's top-level bindings in source order. */
export function topLevelNames(mod: ParsedModule): ModuleName[] {
  const out: ModuleName[] = [];
  for (const symbol of mod.resolution.root.symbols.values()) {
    const decl = symbol.declarations[0];
    if (!decl) continue;
    const kind = symbol.kind === 'function' ? 'function' : symbol.kind === 'import' ? 'import' : 'variable';
    out.push({ name: symbol.name, kind, detail: detailOf(symbol, decl), symbol, declaration: decl });
  }
  return out.sort((a, b) => a.declaration.identifier.range.start.offset - b.declaration.identifier.range.start.offset);
}

export function topLevelName(mod: ParsedModule, name: string): ModuleName | undefined {
  return topLevelNames(mod).find((n) => n.name === name);
}
