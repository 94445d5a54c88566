// Registers the per-document request handlers (hover, completion, navigation, symbols, tokens,
// folding, selection, formatting, code actions, lenses, custom requests) on the connection, each
// through the guard and on the analysis of the document's current version.
import { REQUIRED_CAPABILITIES_METHOD, SECURITY_REPORT_METHOD, type DocumentRequestParams } from '@mlsec/grammar';
import type { CancellationToken, Connection, Position, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { AnalysisService } from './analysis-service.js';
import { codeActions, type CodeActionEnv } from './code-actions.js';
import { codeLenses } from './code-lens.js';
import { completion } from './completion.js';
import { configCompletion } from './completion-config.js';
import { pathToUri } from './convert.js';
import type { CrossModuleDeps } from './cross-module.js';
import { requiredCapabilities, securityReport } from './custom-requests.js';
import { definition } from './definition.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { documentKind } from './document-store.js';
import { foldingRanges } from './folding.js';
import { formatDocument, formatDocumentRange } from './formatting.js';
import { guard } from './guard.js';
import { hover } from './hover.js';
import { throwIfCancelled } from './progress.js';
import { documentHighlights, references } from './references.js';
import { prepareRename, rename } from './rename.js';
import { selectionRanges } from './selection-range.js';
import type { SemanticTokenProvider } from './semantic-tokens.js';
import { signatureHelp } from './signature-help.js';
import { documentSymbols, workspaceSymbols } from './symbols.js';
import { relativeToRoot } from '@mlsec/grammar';

export interface FeatureEnv {
  service: AnalysisService;
  deps: CrossModuleDeps;
  tokens: SemanticTokenProvider;
  docsBase: () => string;
  canCreateFiles: () => boolean;
}

type DocParams = { textDocument: { uri: string } };

export function registerFeatures(connection: Connection, env: FeatureEnv): void {
  const { service, deps } = env;
  /** A handler over the analysis of `params.textDocument`; `empty` when it is not an open ML document. */
  const onDoc = <P extends DocParams, R>(
    feature: string,
    empty: R,
    fn: (
      a: DocumentAnalysis,
      params: P,
      token: CancellationToken,
      workDone: WorkDoneProgressReporter | undefined,
    ) => R | Promise<R>,
  ) =>
    guard(connection, feature, async (params: P, token: CancellationToken, workDone): Promise<R> => {
      const pending = service.get(params.textDocument.uri);
      if (!pending) return empty;
      const a = await pending;
      throwIfCancelled(token);
      return fn(a, params, token, workDone);
    });
  const at = (p: { position: Position }): Position => p.position;

  connection.onHover(onDoc('hover', null, (a, p) => hover(a, at(p), deps.modules)));
  connection.onCompletion(
    guard(connection, 'completion', async (p, token) => {
      const uri = p.textDocument.uri;
      if (documentKind(uri) === 'config') {
        const doc = service.documents.get(uri);
        return doc ? configCompletion(doc, p.position, await neededCapabilities(service, token)) : [];
      }
      const pending = service.get(uri);
      return pending ? completion(await pending, p.position, deps.modules) : [];
    }),
  );
  connection.onSignatureHelp(onDoc('signature help', null, (a, p) => signatureHelp(a, at(p), deps.modules)));
  connection.onDefinition(onDoc('definition', null, (a, p) => definition(a, at(p), deps.modules)));
  connection.onReferences(
    onDoc('references', [], (a, p, token, progress) =>
      references(a, p.position, p.context?.includeDeclaration !== false, deps, progress, token),
    ),
  );
  connection.onDocumentHighlight(onDoc('document highlight', [], (a, p) => documentHighlights(a, p.position)));
  connection.onPrepareRename(onDoc('prepare rename', null, (a, p) => prepareRename(a, p.position)));
  connection.onRenameRequest(
    onDoc('rename', null, (a, p, token, progress) => rename(a, p.position, p.newName, deps, progress, token)),
  );
  connection.onDocumentSymbol(onDoc('document symbols', [], (a) => documentSymbols(a.program, a.resolution)));
  connection.onWorkspaceSymbol(
    guard(connection, 'workspace symbols', (p, token, progress) =>
      workspaceSymbols(typeof p.query === 'string' ? p.query : '', deps, progress, token),
    ),
  );
  connection.languages.semanticTokens.on(onDoc('semantic tokens', { data: [] }, (a) => env.tokens.full(a)));
  connection.languages.semanticTokens.onDelta(
    onDoc('semantic tokens delta', { data: [] }, (a, p) => env.tokens.delta(a, p.previousResultId)),
  );
  connection.languages.semanticTokens.onRange(
    onDoc('semantic tokens range', { data: [] }, (a, p) => env.tokens.range(a, p.range)),
  );
  connection.onFoldingRanges(onDoc('folding ranges', [], (a) => foldingRanges(a.program)));
  connection.onSelectionRanges(
    onDoc('selection ranges', [], (a, p) =>
      selectionRanges(
        a.program,
        p.positions.map((pos) => a.offsetAt(pos)),
      ),
    ),
  );
  connection.onDocumentFormatting(onDoc('formatting', [], (a) => formatDocument(a)));
  connection.onDocumentRangeFormatting(onDoc('range formatting', [], (a, p) => formatDocumentRange(a, p.range)));
  const actionEnv = (): CodeActionEnv => ({
    docsBase: env.docsBase(),
    canCreateFiles: env.canCreateFiles(),
    uriOfFile: (file) => service.documents.getByPath(file)?.uri ?? pathToUri(file),
  });
  connection.onCodeAction(onDoc('code actions', [], (a, p) => codeActions(a, p, actionEnv())));
  connection.onCodeLens(onDoc('code lens', [], (a) => codeLenses(a)));
  connection.onRequest(
    REQUIRED_CAPABILITIES_METHOD,
    onDoc('ml/requiredCapabilities', null, (a: DocumentAnalysis, _p: DocumentRequestParams) => requiredCapabilities(a)),
  );
  connection.onRequest(
    SECURITY_REPORT_METHOD,
    onDoc('ml/securityReport', null, (a: DocumentAnalysis, _p: DocumentRequestParams) =>
      securityReport(a, env.docsBase()),
    ),
  );
}

/** Capabilities the open ML documents need, relative to their roots (for mlpy.yaml completion). */
async function neededCapabilities(service: AnalysisService, token: CancellationToken): Promise<string[]> {
  const out = new Set<string>();
  for (const doc of service.documents.all()) {
    throwIfCancelled(token);
    const pending = service.get(doc.uri);
    if (!pending) continue;
    const a = await pending;
    for (const use of a.security.capabilities.uses)
      if (use.concrete) out.add(relativeToRoot(use.capability, a.context.root));
  }
  return [...out];
}
