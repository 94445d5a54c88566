// Event-driven waiting for the editor to reach a state (diagnostics published, an extension active),
// with a deadline and a clear message; no fixed sleeps.
import * as vscode from 'vscode';

/** Resolves with `probe()`'s first non-null value, re-checked whenever `event` fires. */
export function waitFor<T>(
  what: string,
  event: vscode.Event<unknown>,
  probe: () => T | null,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = probe();
    if (first !== null) return resolve(first);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const listener = event(() => {
      const value = probe();
      if (value === null) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

/** Diagnostics of `uri` once one with `code` is published. */
export function diagnosticWithCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  const find = (): vscode.Diagnostic | null =>
    vscode.languages.getDiagnostics(uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === code) ??
    null;
  return waitFor(`${code} on ${uri.fsPath}`, vscode.languages.onDidChangeDiagnostics, find);
}
