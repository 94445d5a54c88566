// The server capabilities the protocol tests exercise, each with the test file that does. The
// initialize test requires the server to announce exactly these keys, so nothing is advertised
// that no test covers (TOOLING.md: "advertise only what is implemented and tested").
export const TESTED_CAPABILITIES: Readonly<Record<string, string>> = {
  positionEncoding: 'initialize.test.ts',
  textDocumentSync: 'robustness.test.ts',
  hoverProvider: 'hover.test.ts',
  completionProvider: 'completion.test.ts',
  signatureHelpProvider: 'signature-help.test.ts',
  definitionProvider: 'navigation.test.ts',
  referencesProvider: 'navigation.test.ts',
  documentHighlightProvider: 'navigation.test.ts',
  renameProvider: 'rename.test.ts',
  documentSymbolProvider: 'symbols.test.ts',
  workspaceSymbolProvider: 'symbols.test.ts',
  semanticTokensProvider: 'semantic-tokens.test.ts',
  foldingRangeProvider: 'structure.test.ts',
  selectionRangeProvider: 'structure.test.ts',
  documentFormattingProvider: 'formatting.test.ts',
  documentRangeFormattingProvider: 'formatting.test.ts',
  codeActionProvider: 'code-actions.test.ts',
  codeLensProvider: 'capabilities-view.test.ts',
  diagnosticProvider: 'diagnostics.test.ts',
  workspace: 'workspace.test.ts',
};
