// The capabilities the server announces in `initialize`: exactly the features it implements (the
// protocol tests compare this list with the ones they exercise). Pull diagnostics only for clients
// that support them and did not opt out.
import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import { SEMANTIC_LEGEND } from './semantic-tokens.js';

export function serverCapabilities(pullDiagnostics: boolean): ServerCapabilities {
  const caps: ServerCapabilities = {
    positionEncoding: 'utf-16',
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['.', '"', "'"], resolveProvider: false },
    signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
    definitionProvider: true,
    referencesProvider: { workDoneProgress: true },
    documentHighlightProvider: true,
    documentSymbolProvider: { label: 'ML' },
    workspaceSymbolProvider: { workDoneProgress: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    codeLensProvider: { resolveProvider: false },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    renameProvider: { prepareProvider: true, workDoneProgress: true },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: { delta: true }, range: true },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  if (pullDiagnostics)
    caps.diagnosticProvider = { identifier: 'mlsec', interFileDependencies: true, workspaceDiagnostics: false };
  return caps;
}
