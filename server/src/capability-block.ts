// Completion inside the strings of a `capability` declaration: resource patterns and hosts the
// active grant (mlpy.yaml default/profile, ml.capabilities.allow) already names, and the targets
// the program's own calls use, relative to the workspace root. Pure over an analysis.
import { relativeToRoot, walk, type CapabilityDecl, type SyntaxToken } from '@mlsec/grammar';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { DocumentAnalysis } from './document-analysis.js';

function grantStrings(a: DocumentAnalysis): string[] {
  const security = a.context.config?.config.security;
  const profile = a.context.settings.profile ? security?.profiles.get(a.context.settings.profile) : undefined;
  return [
    ...(security?.defaultCapabilities ?? []).map((c) => c.value),
    ...(profile?.capabilities ?? []).map((c) => c.value),
    ...a.context.settings.capabilities.allow,
  ];
}

function parts(capability: string): { resource: string; target: string } | undefined {
  const m = /^!?([a-z*]+):([^:]+):(.+)$/.exec(capability.trim());
  return m ? { resource: m[1]!, target: m[3]! } : undefined;
}

function hostOf(url: string): string | undefined {
  return /^[a-z]+:\/\/([^/]+)/i.exec(url)?.[1];
}

/** The declaration holding the string token, and whether the token is a network target. */
function owner(a: DocumentAnalysis, token: SyntaxToken): { decl: CapabilityDecl; network: boolean } | undefined {
  const offset = token.range.start.offset;
  for (const stmt of a.program.body) {
    if (stmt.kind !== 'CapabilityDecl' || offset < stmt.range.start.offset || offset >= stmt.range.end.offset) continue;
    let network = false;
    walk(stmt, (n) => {
      if (n.kind === 'CapabilityAllow' && n.target?.range.start.offset === offset) network = n.permission === 'network';
    });
    return { decl: stmt, network };
  }
  return undefined;
}

export function capabilityTargets(a: DocumentAnalysis, token: SyntaxToken, offset: number): CompletionItem[] {
  const place = owner(a, token);
  if (!place) return [];
  const root = a.context.root;
  const labels = new Map<string, string>();
  for (const g of grantStrings(a)) {
    const p = parts(g);
    if (!p) continue;
    if (place.network && p.resource === 'http') {
      const host = hostOf(p.target);
      if (host) labels.set(host, `granted by ${g}`);
    } else if (!place.network && p.resource === 'file') labels.set(relativeToRoot(p.target, root), `granted by ${g}`);
  }
  for (const use of a.security.capabilities.uses) {
    if (!use.concrete || typeof use.target !== 'string') continue;
    if (place.network && use.resource === 'http') {
      const host = hostOf(use.target);
      if (host && !labels.has(host)) labels.set(host, `used by ${use.callee}`);
    } else if (!place.network && use.resource === 'file') {
      const rel = relativeToRoot(use.target, root);
      if (!labels.has(rel)) labels.set(rel, `used by ${use.callee}`);
    }
  }
  const start = a.positionAt(token.range.start.offset + 1);
  const end = a.positionAt(offset);
  return [...labels].map(([label, detail]) => ({
    label,
    kind: CompletionItemKind.Value,
    detail,
    textEdit: { range: { start, end }, newText: label },
  }));
}
