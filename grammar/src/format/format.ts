// Public formatter API: whole-document formatting and range formatting. Refuses (returns null) when
// the source has syntax errors or when the result would not re-parse to the same program with the
// same comments, so formatting can never lose text or change meaning.
import type { TextEdit } from '../diagnostics.js';
import { parse } from '../syntax/api.js';
import { LineMap } from '../syntax/line-map.js';
import { sameAst } from './ast-equal.js';
import { layout, tokenIndexAt, type FormatInput, type FormatOptions, type Layout } from './layout.js';

function parsed(input: string | FormatInput): FormatInput | null {
  if (typeof input !== 'string') return input;
  const result = parse(input);
  if (result.diagnostics.some((d) => d.severity === 'error')) return null;
  return { source: input, program: result.program, tokens: result.tokens };
}

/** Lays out and verifies; null when the input has errors or the printer could not reproduce it. */
function verifiedLayout(
  input: string | FormatInput,
  options: FormatOptions,
): { input: FormatInput; out: Layout } | null {
  const source = parsed(input);
  if (!source) return null;
  const out = layout(source, options);
  if (!out.ok) return null;
  const again = parse(out.text);
  if (again.diagnostics.some((d) => d.severity === 'error')) return null;
  if (!sameAst(source.program, again.program)) return null;
  const before = source.program.comments.map((c) => c.text.trimEnd());
  const after = again.program.comments.map((c) => c.text.trimEnd());
  if (before.length !== after.length || before.some((t, i) => t !== after[i])) return null;
  return { input: source, out };
}

/**
 * Formats a whole document: 2-space indentation, one statement per line, every comment kept, at most
 * one blank line where the source had blank lines. Idempotent. Null when the source has syntax errors.
 */
export function format(input: string | FormatInput, options: FormatOptions = {}): string | null {
  return verifiedLayout(input, options)?.out.text ?? null;
}

/**
 * Formats the top-level statements overlapping [start, end) (offsets), extended to whole lines.
 * Returns the edits to apply ([] when already formatted), or null when the source has syntax errors.
 */
export function formatRange(
  source: string,
  start: number,
  end: number,
  options: FormatOptions = {},
): TextEdit[] | null {
  const result = verifiedLayout(source, options);
  if (!result) return null;
  const { input, out } = result;
  const spans = input.program.body.map((s) => {
    const first = tokenIndexAt(input.tokens, s.range.start.offset);
    const last = tokenIndexAt(input.tokens, s.range.end.offset) - 1;
    return { first, last, startLine: out.sourceTokens[first]!.startLine, endLine: out.sourceTokens[last]!.endLine };
  });
  const body = input.program.body;
  let from = body.findIndex((s) => s.range.end.offset > start);
  let to = body.findLastIndex((s) => s.range.start.offset < Math.max(end, start + 1));
  if (from < 0 || to < from) return [];
  // Whole lines: take in every statement sharing a line with the selected ones.
  while (from > 0 && spans[from - 1]!.endLine >= spans[from]!.startLine) from--;
  while (to < spans.length - 1 && spans[to + 1]!.startLine <= spans[to]!.endLine) to++;

  const lines = new LineMap(source);
  const startOffset = lineStartOffset(source, spans[from]!.startLine);
  let endOffset = lineStartOffset(source, spans[to]!.endLine);
  while (endOffset < source.length && source[endOffset] !== '\n' && source[endOffset] !== '\r') endOffset++;
  // Keep the document's line breaks: the edit must not mix LF into a CRLF file.
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const newText = out.lines.slice(out.tokenLines[spans[from]!.first]!, out.tokenLines[spans[to]!.last]! + 1).join(eol);
  if (newText === source.slice(startOffset, endOffset)) return [];
  return [{ range: lines.range(startOffset, endOffset), newText }];
}

/** Offset where 0-based `line` starts (line breaks `\n`, `\r\n`, `\r`, as in LineMap). */
function lineStartOffset(source: string, line: number): number {
  let offset = 0;
  for (let l = 0; l < line && offset < source.length;) {
    const c = source[offset++];
    if (c === '\n') l++;
    else if (c === '\r') {
      if (source[offset] === '\n') offset++;
      l++;
    }
  }
  return offset;
}
