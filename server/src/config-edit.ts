// Text edits that add a capability to mlpy.yaml: appended to the active profile's list, or to
// `default_capabilities` (created with the built-in default grant when absent, since its presence
// replaces that grant), keeping the list's flow (`[a, b]`) or block (`- a`) style. Pure text work.
import { DEFAULT_GRANT, type Located, type MlpyConfig, type Range as MlRange } from '@mlsec/grammar';
import type { TextEdit } from 'vscode-languageserver';
import { toRange } from './convert.js';

/** A YAML scalar for a capability: plain when safe in flow and block lists, else double-quoted. */
export function yamlScalar(capability: string): string {
  return /^[A-Za-z][A-Za-z0-9_:/.\-*?!]*$/.test(capability) ? capability : JSON.stringify(capability);
}

function lineStart(text: string, offset: number): number {
  const i = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1));
  return i + 1;
}

function point(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

function insertAt(text: string, offset: number, newText: string): TextEdit {
  const p = point(text, offset);
  return { range: { start: p, end: p }, newText };
}

/** Appends after the last item of a non-empty list, in the list's own style. */
function appendToList(text: string, items: readonly Located<string>[], value: string): TextEdit {
  const last = items[items.length - 1]!.range;
  const first = items[0]!.range;
  let i = first.start.offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  const flow = text[i] === '[' || text[i] === ',';
  if (flow) return insertAt(text, last.end.offset, `, ${value}`);
  const start = lineStart(text, last.start.offset);
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return insertAt(text, last.end.offset, `${eol}${indent}- ${value}`);
}

function replaceEmptyFlow(range: MlRange, value: string): TextEdit {
  return { range: toRange(range), newText: `[${value}]` };
}

export interface ConfigEdit {
  edit: TextEdit;
  /** Where it goes, for the action's title: `profile 'web'`, `default_capabilities`. */
  where: string;
}

/** The edit adding `capability` for a run with `profile` (null: the default grant); undefined when no safe edit exists. */
export function addCapabilityEdit(
  text: string,
  config: MlpyConfig,
  profile: string | null,
  capability: string,
): ConfigEdit | undefined {
  const value = yamlScalar(capability);
  const security = config.security;
  if (profile !== null) {
    const p = security.profiles.get(profile);
    if (!p) return undefined;
    if (p.capabilities.length > 0)
      return { edit: appendToList(text, p.capabilities, value), where: `profile '${profile}'` };
    if (/^\[\s*\]$/.test(text.slice(p.valueRange.start.offset, p.valueRange.end.offset))) {
      return { edit: replaceEmptyFlow(p.valueRange, value), where: `profile '${profile}'` };
    }
    return undefined;
  }
  const defaults = security.defaultCapabilities;
  if (defaults !== null) {
    return defaults.length > 0
      ? { edit: appendToList(text, defaults, value), where: 'default_capabilities' }
      : undefined;
  }
  const list = `[${[...DEFAULT_GRANT, capability].map(yamlScalar).join(', ')}]`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const header = /^security:[ \t]*(#.*)?$/m.exec(text);
  if (!header) {
    if (/^security\s*:/m.test(text)) return undefined;
    const sep = text.length === 0 || text.endsWith('\n') ? '' : eol;
    return {
      edit: insertAt(text, text.length, `${sep}security:${eol}  default_capabilities: ${list}${eol}`),
      where: 'default_capabilities',
    };
  }
  const after = header.index + header[0].length;
  const next = /^([ \t]+)\S/m.exec(text.slice(after));
  const indent = next?.[1] ?? '  ';
  return { edit: insertAt(text, after, `${eol}${indent}default_capabilities: ${list}`), where: 'default_capabilities' };
}

/** The contents of a new mlpy.yaml granting the default grant plus `capability`. */
export function newConfigText(capability: string): string {
  return `security:\n  default_capabilities: [${[...DEFAULT_GRANT, capability].map(yamlScalar).join(', ')}]\n`;
}
