// textDocument/definition: the first binding of a name (scope-correct), the top-level binding of
// `module.name` in a user module file, and the module file of an `import a.b;` path.
import { STDLIB_MODULE_NAMES } from '@mlsec/grammar';
import type { Location, Position } from 'vscode-languageserver';
import { pathToUri, toRange } from './convert.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { topLevelName } from './module-symbols.js';
import { modulePath, type ModuleCache } from './modules.js';
import { targetAt } from './target.js';

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

async function moduleLocation(modules: ModuleCache, file: string): Promise<Location | null> {
  return (await modules.get(file)) ? { uri: pathToUri(file), range: FILE_START } : null;
}

export async function definition(
  a: DocumentAnalysis,
  position: Position,
  modules: ModuleCache,
): Promise<Location | null> {
  const t = targetAt(a, a.offsetAt(position));
  if (!t) return null;
  switch (t.kind) {
    case 'symbol': {
      const info = t.symbol.importInfo;
      if (
        t.symbol.kind === 'import' &&
        info?.source === 'user' &&
        t.symbol.declarations[0]?.identifier !== t.identifier
      ) {
        return moduleLocation(modules, modulePath(a.context.file, info.path));
      }
      const decl = a.resolution.definitionOf(t.identifier);
      return decl ? { uri: a.uri, range: toRange(decl.identifier.range) } : null;
    }
    case 'member': {
      if (t.objectType?.kind !== 'user-module') return null;
      const file = modulePath(a.context.file, t.objectType.path);
      const mod = await modules.get(file);
      const entry = mod && topLevelName(mod, t.identifier.name);
      return entry ? { uri: pathToUri(file), range: toRange(entry.declaration.identifier.range) } : null;
    }
    case 'import': {
      const parts = t.stmt.path.map((p) => p.name);
      if (parts.length === 1 && STDLIB_MODULE_NAMES.has(parts[0]!)) return null;
      return moduleLocation(modules, modulePath(a.context.file, parts));
    }
    case 'capability':
      return { uri: a.uri, range: toRange(t.decl.name.range) };
  }
}
