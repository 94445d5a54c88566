// Converts protocol locations (LSP positions) into editor commands that open and select them.
// Shared by the capabilities view and the security report; no state.
import * as vscode from 'vscode';
import type { ProtocolLocation, ProtocolRange } from '@mlsec/grammar/protocol';

export function toRange(range: ProtocolRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function revealCommand(location: ProtocolLocation): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection: toRange(location.range), preserveFocus: false };
  return { title: 'Go to location', command: 'vscode.open', arguments: [vscode.Uri.parse(location.uri), options] };
}
