// textDocument/codeLens: "needs: file:read, http:get" over each function that needs capabilities
// (through everything it calls) and over the file as a whole; the lens runs the client's command
// that lists every capability with its locations (ml.showRequiredCapabilities).
import { SHOW_REQUIRED_CAPABILITIES_COMMAND } from '@mlsec/grammar';
import type { CodeLens } from 'vscode-languageserver';
import { summary } from './capability-view.js';
import { toRange } from './convert.js';
import type { DocumentAnalysis } from './document-analysis.js';

function title(capabilities: readonly string[]): string {
  const list = summary(capabilities);
  return list.length === 0 ? 'needs no capabilities' : `needs: ${list.join(', ')}`;
}

export function codeLenses(a: DocumentAnalysis): CodeLens[] {
  if (!a.context.settings.codeLens.enabled) return [];
  const caps = a.security.capabilities;
  const fileCaps = caps.capabilities.map((g) => g.capability);
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const lenses: CodeLens[] = [
    {
      range: top,
      command: {
        title: `file ${title(fileCaps)}`,
        command: SHOW_REQUIRED_CAPABILITIES_COMMAND,
        arguments: [a.uri, null],
      },
    },
  ];
  for (const f of caps.functions) {
    if (f.transitive.length === 0) continue;
    lenses.push({
      range: toRange(f.range),
      command: { title: title(f.transitive), command: SHOW_REQUIRED_CAPABILITIES_COMMAND, arguments: [a.uri, f.name] },
    });
  }
  return lenses;
}
