// textDocument/codeAction: the core's quick fixes (syntax errors, unknown names, imports), "grant
// this capability in mlpy.yaml" for SEC010, and "suppress this rule here" (`// mlsec-ignore SECxxx`
// on the line above) for security findings. Builds edits; applies nothing itself.
import path from 'node:path';
import { isRuleId, relativeToRoot, type Diagnostic as MlDiagnostic, type Finding } from '@mlsec/grammar';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { addCapabilityEdit, newConfigText } from './config-edit.js';
import { pathToUri, toRange } from './convert.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { documentDiagnostics, toLspDiagnostic } from './diagnostics.js';

export interface CodeActionEnv {
  docsBase: string;
  /** Whether the client applies `create` resource operations in workspace edits. */
  canCreateFiles: boolean;
  /** URI of an open document for a file path, if open (so edits target the editor's buffer). */
  uriOfFile(file: string): string;
}

function overlaps(d: MlDiagnostic, from: number, to: number): boolean {
  return d.range.start.offset <= to && from <= d.range.end.offset;
}

function quickFixes(a: DocumentAnalysis, d: MlDiagnostic, lsp: Diagnostic): CodeAction[] {
  return (d.fixes ?? []).map((fix, i) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    isPreferred: i === 0,
    edit: { changes: { [a.uri]: fix.edits.map((e): TextEdit => ({ range: toRange(e.range), newText: e.newText })) } },
  }));
}

function suppressAction(a: DocumentAnalysis, d: MlDiagnostic, lsp: Diagnostic): CodeAction {
  const line = d.range.start.line;
  const text = a.text;
  const lineStart = a.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const above =
    line > 0 ? text.slice(a.offsetAt({ line: line - 1, character: 0 }), lineStart).replace(/\r?\n$|\r$/, '') : '';
  const existing = /^\s*\/\/\s*mlsec-ignore\b.*$/.exec(above);
  const edit: TextEdit = existing
    ? {
        range: { start: { line: line - 1, character: above.length }, end: { line: line - 1, character: above.length } },
        newText: ` ${d.code}`,
      }
    : {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        newText: `${indent}// mlsec-ignore ${d.code}${text.includes('\r\n') ? '\r\n' : '\n'}`,
      };
  return {
    title: `Suppress ${d.code} on this line (// mlsec-ignore)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    edit: { changes: { [a.uri]: [edit] } },
  };
}

function grantAction(a: DocumentAnalysis, d: Finding, lsp: Diagnostic, env: CodeActionEnv): CodeAction | undefined {
  if (d.capability === undefined || d.capability.includes('<dynamic>')) return undefined;
  const capability = relativeToRoot(d.capability, a.context.root);
  const config = a.context.config;
  const profile = a.context.settings.profile;
  let edit: WorkspaceEdit;
  let where: string;
  if (config) {
    const found = addCapabilityEdit(config.text, config.config, profile, capability);
    if (!found) return undefined;
    edit = { changes: { [env.uriOfFile(config.file)]: [found.edit] } };
    where = found.where;
  } else {
    if (profile !== null || !env.canCreateFiles) return undefined;
    const uri = pathToUri(path.join(a.context.root, 'mlpy.yaml'));
    edit = {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri, version: null },
          edits: [
            {
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              newText: newConfigText(capability),
            },
          ],
        },
      ],
    };
    where = 'default_capabilities of a new mlpy.yaml';
  }
  return {
    title: `Grant '${capability}' in mlpy.yaml (${where})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    edit,
  };
}

export function codeActions(a: DocumentAnalysis, params: CodeActionParams, env: CodeActionEnv): CodeAction[] {
  const only = params.context.only;
  if (
    only &&
    !only.some(
      (k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty,
    )
  )
    return [];
  const from = a.offsetAt(params.range.start);
  const to = a.offsetAt(params.range.end);
  const out: CodeAction[] = [];
  for (const d of documentDiagnostics(a)) {
    if (!overlaps(d, from, to)) continue;
    const lsp = toLspDiagnostic(d, env.docsBase);
    out.push(...quickFixes(a, d, lsp));
    if (!isRuleId(d.code)) continue;
    if (d.code === 'SEC010') {
      const grant = grantAction(a, d as Finding, lsp, env);
      if (grant) out.push(grant);
    }
    out.push(suppressAction(a, d, lsp));
  }
  return out;
}
