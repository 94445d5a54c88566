// textDocument/completion inside mlpy.yaml: capability strings in `default_capabilities`,
// `denied_capabilities` and profile lists (what open programs need first), the known keys of each
// section, and `analysis_level` values. Line-based, so it works while the YAML is half written.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { capabilitySuggestions } from './capability-suggestions.js';

const KEYS: Readonly<Record<string, readonly string[]>> = {
  '': ['security', 'sandbox'],
  security: ['default_capabilities', 'capability_profiles', 'denied_capabilities', 'analysis_level', 'suppress'],
  sandbox: ['max_memory_mb', 'max_execution_time', 'max_wall_time', 'max_output_kb'],
};
const LIST_KEYS = new Set(['default_capabilities', 'denied_capabilities']);

interface Line {
  indent: number;
  key: string | undefined;
}

function lineInfo(text: string): Line {
  const indent = /^[ \t]*/.exec(text)![0].length;
  const key = /^[ \t]*(?:-[ \t]+)?([A-Za-z0-9_.-]+)[ \t]*:(?:[ \t]|$)/.exec(text)?.[1];
  return { indent, key };
}

/** The keys enclosing line `index` (outermost first), from indentation. */
function parents(lines: readonly string[], index: number, indent: number): string[] {
  const out: string[] = [];
  let limit = indent;
  for (let i = index - 1; i >= 0 && limit > 0; i--) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const info = lineInfo(raw);
    if (info.indent < limit && info.key !== undefined) {
      out.unshift(info.key);
      limit = info.indent;
    }
  }
  return out;
}

function isCapabilityList(path: readonly string[]): boolean {
  const last = path[path.length - 1];
  if (last === undefined) return false;
  if (LIST_KEYS.has(last)) return true;
  return path[path.length - 2] === 'capability_profiles';
}

export function configCompletion(doc: TextDocument, position: Position, needed: Iterable<string>): CompletionItem[] {
  const lines = doc.getText().split(/\r\n|\r|\n/);
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const indent = /^[ \t]*/.exec(line)![0].length;
  const keyHere = lineInfo(before).key;
  const flow = /^([ \t]*)([A-Za-z0-9_.-]+)[ \t]*:[ \t]*\[(?:[^\]]*,)?[ \t]*(["']?)([^,\]"']*)$/.exec(before);
  const block = /^([ \t]*)-[ \t]*(["']?)([^"'#]*)$/.exec(before);
  if (flow || block) {
    const path = flow
      ? [...parents(lines, position.line, indent), flow[2]!]
      : parents(lines, position.line, indent + 1);
    if (!isCapabilityList(path)) return [];
    const typed = flow ? flow[4]! : block![3]!;
    const start = { line: position.line, character: position.character - typed.length };
    return capabilitySuggestions(needed).map((s) => ({
      label: s.label,
      kind: CompletionItemKind.Value,
      detail: s.detail,
      sortText: `${s.group}${s.label}`,
      textEdit: { range: { start, end: position }, newText: s.label },
    }));
  }
  if (keyHere === 'analysis_level' || /analysis_level:[ \t]*\w*$/.test(before)) {
    return ['strict', 'moderate', 'permissive'].map((l) => ({ label: l, kind: CompletionItemKind.EnumMember }));
  }
  if (/^[ \t]*[A-Za-z_]*$/.test(before)) {
    const path = parents(lines, position.line, indent);
    const keys = KEYS[path.join('.')] ?? [];
    return keys.map((k) => ({ label: k, kind: CompletionItemKind.Property, insertText: `${k}: ` }));
  }
  return [];
}
