// textDocument/formatting and textDocument/rangeFormatting through the core formatter (canonical
// layout, the same as `mlsec fmt`; every comment kept; idempotent). A document with syntax errors is
// left as it is. Whole-document results are sent as one minimal edit.
import { format, formatRange } from '@mlsec/grammar';
import type { Range, TextEdit } from 'vscode-languageserver';
import { toRange } from './convert.js';
import type { DocumentAnalysis } from './document-analysis.js';

/** One edit turning `before` into `after`: the differing middle between their common prefix and suffix. */
export function minimalEdit(a: DocumentAnalysis, before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair or a CRLF.
  if (start > 0 && (before.charCodeAt(start - 1) & 0xfc00) === 0xd800) start--;
  if (start > 0 && before[start - 1] === '\r') start--;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end))
    end++;
  if (end > 0 && (before.charCodeAt(before.length - end) & 0xfc00) === 0xdc00) end--;
  if (end > 0 && before[before.length - end] === '\n') end--;
  return [
    {
      range: { start: a.positionAt(start), end: a.positionAt(before.length - end) },
      newText: after.slice(start, after.length - end),
    },
  ];
}

export function formatDocument(a: DocumentAnalysis): TextEdit[] {
  const text = a.text;
  const formatted = format({ source: text, program: a.program, tokens: a.tokens });
  if (formatted === null || a.parsed.diagnostics.some((d) => d.severity === 'error')) return [];
  return minimalEdit(a, text, formatted);
}

export function formatDocumentRange(a: DocumentAnalysis, range: Range): TextEdit[] {
  if (a.parsed.diagnostics.some((d) => d.severity === 'error')) return [];
  const edits = formatRange(a.text, a.offsetAt(range.start), a.offsetAt(range.end));
  return (edits ?? []).map((e) => ({ range: toRange(e.range), newText: e.newText }));
}
