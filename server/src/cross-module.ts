// Names shared between files: a top-level binding of a module file and its uses as `alias.name` in
// every workspace file that imports that module (ML-LANGUAGE.md §5). Finds the binding under the
// cursor and all its occurrences across files, scope-correct within each file.
import path from 'node:path';
import { importBindingIdentifier, walk, type Identifier, type MemberExpr, type Program } from '@mlsec/grammar';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { DocumentAnalysis } from './document-analysis.js';
import { modulePath, userImports, type ModuleCache } from './modules.js';
import { forEachWithProgress } from './progress.js';
import type { Target } from './target.js';
import type { Workspace } from './workspace.js';
import type { WorkspaceIndex } from './workspace-index.js';

/** A top-level binding `name` of the module in `file`. */
export interface ModuleEntity {
  file: string;
  name: string;
}

export interface EntityOccurrence {
  file: string;
  identifier: Identifier;
  /** The binding itself (a declaration in the module file). */
  declaration: boolean;
}

const MEMBER_OF_MODULE_KINDS = new Set(['function', 'variable', 'destructured', 'for-variable']);

/** The module-level entity the target names, if any. */
export function entityOf(a: DocumentAnalysis, t: Target): ModuleEntity | undefined {
  if (t.kind === 'symbol' && t.symbol.scope?.kind === 'program' && MEMBER_OF_MODULE_KINDS.has(t.symbol.kind)) {
    return { file: a.context.file, name: t.symbol.name };
  }
  if (t.kind === 'member' && t.objectType?.kind === 'user-module') {
    return { file: modulePath(a.context.file, t.objectType.path), name: t.identifier.name };
  }
  return undefined;
}

/** `alias.member` expressions keyed by the alias identifier. */
function membersByObject(program: Program): Map<Identifier, MemberExpr> {
  const out = new Map<Identifier, MemberExpr>();
  walk(program, (n) => {
    if (n.kind === 'MemberExpr' && n.object.kind === 'Identifier') out.set(n.object, n);
  });
  return out;
}

export interface CrossModuleDeps {
  workspace: Workspace;
  modules: ModuleCache;
  index: WorkspaceIndex;
}

/** Every occurrence of the entity in the workspace, file by file (the entity's own file first). */
export async function entityOccurrences(
  entity: ModuleEntity,
  deps: CrossModuleDeps,
  reporter: WorkDoneProgressReporter | undefined,
  token: CancellationToken | undefined,
): Promise<EntityOccurrence[]> {
  const out: EntityOccurrence[] = [];
  const moduleName = path.basename(entity.file, '.ml');
  const files = (await deps.index.mlFiles()).filter((f) => f !== entity.file);
  const own = await deps.modules.get(entity.file);
  const symbol = own?.resolution.root.symbols.get(entity.name);
  for (const occ of symbol?.occurrences ?? [])
    out.push({ file: entity.file, identifier: occ.identifier, declaration: occ.role === 'declaration' });
  await forEachWithProgress(files, reporter, 'Searching ML files', token, async (file) => {
    const text = await deps.workspace.readText(file);
    if (text === undefined || !text.includes(moduleName) || !text.includes(entity.name)) return;
    const mod = await deps.modules.get(file);
    if (!mod) return;
    let members: Map<Identifier, MemberExpr> | undefined;
    for (const stmt of userImports(mod.program)) {
      if (
        modulePath(
          file,
          stmt.path.map((p) => p.name),
        ) !== entity.file
      )
        continue;
      const binding = importBindingIdentifier(stmt);
      const alias = binding ? mod.resolution.symbolOf(binding) : undefined;
      if (!alias) continue;
      members ??= membersByObject(mod.program);
      for (const occ of alias.occurrences) {
        const member = members.get(occ.identifier);
        if (member && member.property.name === entity.name)
          out.push({ file, identifier: member.property, declaration: false });
      }
    }
  });
  return out;
}
