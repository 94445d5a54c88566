// textDocument/semanticTokens (full, range, delta): keywords as the parser used them (contextual
// ones included), functions, methods, parameters, variables, modules, stdlib members
// (defaultLibrary), strings, numbers, comments, operators, capability names, and the custom
// `securitySensitive` modifier on calls that need capabilities. Encoding only; no analysis of its own.
import {
  forEachChild,
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  SYNTAX_TOKEN_KINDS,
  type CallExpr,
  type Expression,
  type Identifier,
  type MlSymbol,
  type Node,
  type Range as MlRange,
  type SemanticTokenModifier,
  type SemanticTokenType,
} from '@mlsec/grammar';
import {
  type Range,
  type SemanticTokens,
  type SemanticTokensDelta,
  type SemanticTokensEdit,
  type SemanticTokensLegend,
} from 'vscode-languageserver';
import type { DocumentAnalysis } from './document-analysis.js';
import { expressionType, memberType } from './value-types.js';

export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

const TYPE_INDEX = new Map<string, number>(SEMANTIC_TOKEN_TYPES.map((t, i) => [t, i]));
const MODIFIER_BIT = new Map<string, number>(SEMANTIC_TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));
const type = (t: SemanticTokenType): number => TYPE_INDEX.get(t)!;
const bit = (m: SemanticTokenModifier): number => MODIFIER_BIT.get(m)!;

const COMMENT = type('comment');
const KEYWORD = type('keyword');
const NUMBER = type('number');
const STRING = type('string');
const OPERATOR = type('operator');
const VARIABLE = type('variable');
const FUNCTION = type('function');
const METHOD = type('method');
const PROPERTY = type('property');
const NAMESPACE = type('namespace');
const CAPABILITY = type('capability');
const DECLARATION = bit('declaration');
const DEFAULT_LIBRARY = bit('defaultLibrary');
const SECURITY_SENSITIVE = bit('securitySensitive');

/**
 * A classification packed in one number: the type index in the low 8 bits, the modifier bits above,
 * plus one so that 0 means "not classified".
 */
const pack = (typeIndex: number, modifiers: number): number => (typeIndex | (modifiers << 8)) + 1;

const SYMBOL_TYPES: Partial<Record<string, number>> = {
  function: FUNCTION,
  parameter: type('parameter'),
  import: NAMESPACE,
  builtin: FUNCTION,
};

/** Classification of every identifier node, indexed by its start offset (0: none). */
function classifyIdentifiers(a: DocumentAnalysis): Int32Array {
  const out = new Int32Array(a.text.length + 1);
  const sensitive: CallExpr[] = [];
  /** The callee of the call being entered (visited next, before the arguments). */
  let callee: Node | undefined;
  const usesByRange = new Set(
    a.security.capabilities.uses
      .filter((u) => u.file === undefined)
      .map((u) => `${u.range.start.offset}:${u.range.end.offset}`),
  );
  const needy = new Set(
    a.security.capabilities.functions.filter((f) => f.transitive.length > 0).map((f) => f.range.start.offset),
  );
  const resolution = a.resolution;
  const lookup = (id: Identifier) => resolution.symbolOf(id);
  const objectTypes = new Map<MlSymbol, ReturnType<typeof expressionType>>();
  /** What a member's object is; names are looked up once per symbol (`x.a`, `x.b`, ... share it). */
  const typeOfObject = (object: Expression): ReturnType<typeof expressionType> => {
    if (object.kind !== 'Identifier') return expressionType(object, lookup);
    const symbol = lookup(object);
    if (!symbol) return undefined;
    if (!objectTypes.has(symbol)) objectTypes.set(symbol, expressionType(object, lookup));
    return objectTypes.get(symbol);
  };
  const visit = (node: Node): void => {
    switch (node.kind) {
      case 'CallExpr': {
        callee = node.callee;
        if (usesByRange.size > 0 && usesByRange.has(`${node.range.start.offset}:${node.range.end.offset}`))
          sensitive.push(node);
        else if (node.callee.kind === 'Identifier' && needy.size > 0) {
          const symbol = resolution.symbolOf(node.callee);
          const def = symbol?.declarations[0];
          if (symbol?.kind === 'function' && def && needy.has(def.identifier.range.start.offset)) sensitive.push(node);
        }
        break;
      }
      case 'MemberExpr': {
        const object = typeOfObject(node.object);
        const member = memberType(object, node.property.name);
        let c = pack(PROPERTY, 0);
        if (member?.kind === 'stdlib-function') c = pack(FUNCTION, DEFAULT_LIBRARY);
        else if (member?.kind === 'method') c = pack(METHOD, DEFAULT_LIBRARY);
        else if (object?.kind === 'stdlib-module' || (object?.kind === 'instance' && object.className !== 'object'))
          c = pack(PROPERTY, DEFAULT_LIBRARY);
        else if (member?.kind === 'module-member' && callee === node) c = pack(FUNCTION, 0);
        out[node.property.range.start.offset] = c;
        break;
      }
      case 'ObjectProperty':
        if (node.key.kind === 'Identifier') out[node.key.range.start.offset] = pack(PROPERTY, 0);
        break;
      case 'CapabilityDecl':
        out[node.name.range.start.offset] = pack(CAPABILITY, DECLARATION);
        break;
      case 'ImportStmt':
        for (const p of node.path) out[p.range.start.offset] = pack(NAMESPACE, 0);
        break;
      case 'Identifier': {
        const at = node.range.start.offset;
        if (out[at] !== 0) return;
        const occ = resolution.occurrenceOf(node);
        if (!occ) return;
        const kind = occ.symbol.kind;
        let modifiers = occ.role === 'declaration' ? DECLARATION : 0;
        if (kind === 'builtin' || kind === 'implicit') modifiers |= DEFAULT_LIBRARY;
        out[at] = pack(SYMBOL_TYPES[kind] ?? VARIABLE, modifiers);
        return;
      }
      default:
        break;
    }
    forEachChild(node, visit);
  };
  visit(a.program);
  for (const call of sensitive) {
    const at = (call.callee.kind === 'Identifier' ? call.callee : call.callee.property).range.start.offset;
    const c = out[at]! || pack(FUNCTION, 0);
    out[at] = c + (((c - 1) >> 8) & SECURITY_SENSITIVE ? 0 : SECURITY_SENSITIVE << 8);
  }
  return out;
}

/** Semantic token type per syntax token kind (SYNTAX_TOKEN_KINDS order); -1: not a token for editors. */
const KIND_TYPE = Int8Array.from(SYNTAX_TOKEN_KINDS, (kind) => {
  switch (kind) {
    case 'identifier':
      return VARIABLE;
    case 'keyword':
    case 'boolean':
      return KEYWORD;
    case 'number':
      return NUMBER;
    case 'string':
      return STRING;
    case 'operator':
      return OPERATOR;
    default:
      return -1;
  }
});

/** Whether source text `start..end` contains a line break (only strings can). */
function spansLines(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** The range of a multi-line token, as positions. */
function lineMapRange(a: DocumentAnalysis, start: number, end: number): MlRange {
  const s = a.positionAt(start);
  const e = a.positionAt(end);
  return {
    start: { line: s.line, column: s.character, offset: start },
    end: { line: e.line, column: e.character, offset: end },
  };
}

/**
 * The encoded tokens of one analysis (the whole document, as LSP sends them: five relative numbers
 * per token) and, per encoded token, the source token it came from (start and end offsets) and its
 * absolute line and character, for range requests.
 */
interface Encoded {
  /** Off the JS heap: a 2,000-line file has ~85,000 numbers, re-encoded after every edit. */
  data: Int32Array;
  /** Per encoded token: start offset, end offset, line, character of the source token. */
  where: Int32Array;
}

/** Appends encoded tokens: five relative numbers each in `data`, four absolute ones in `where`. */
class TokenWriter {
  data: Int32Array;
  where: Int32Array;
  n = 0;
  w = 0;
  private prevLine = 0;
  private prevChar = 0;

  constructor(
    private readonly text: string,
    capacity: number,
  ) {
    this.data = new Int32Array(capacity * 5);
    this.where = new Int32Array(capacity * 4);
  }

  /** One token on one line; `start`/`end` are the offsets of the source token it belongs to. */
  emit(start: number, end: number, line: number, char: number, length: number, t: number, m: number): void {
    let n = this.n;
    if (n + 5 > this.data.length) this.grow();
    const data = this.data;
    const dl = line - this.prevLine;
    data[n++] = dl;
    data[n++] = dl === 0 ? char - this.prevChar : char;
    data[n++] = length;
    data[n++] = t;
    data[n++] = m;
    this.n = n;
    this.prevLine = line;
    this.prevChar = char;
    const where = this.where;
    let w = this.w;
    where[w++] = start;
    where[w++] = end;
    where[w++] = line;
    where[w++] = char;
    this.w = w;
  }

  /** A token that may span lines (comments, strings): one token per line, as clients need not support more. */
  range(r: MlRange, t: number, m: number): void {
    const start = r.start.offset;
    const end = r.end.offset;
    if (r.end.line === r.start.line) {
      this.emit(start, end, r.start.line, r.start.column, end - start, t, m);
      return;
    }
    const text = this.text;
    let at = start;
    let line = r.start.line;
    let char = r.start.column;
    while (at < end) {
      let lineEnd = at;
      let c = text.charCodeAt(lineEnd);
      while (lineEnd < end && c !== 10 && c !== 13) c = text.charCodeAt(++lineEnd);
      if (lineEnd > at) this.emit(start, end, line, char, lineEnd - at, t, m);
      at = lineEnd;
      while (at < end) {
        c = text.charCodeAt(at);
        if (c === 13) {
          line++;
          at++;
          if (text.charCodeAt(at) === 10) at++;
        } else if (c === 10) {
          line++;
          at++;
        } else break;
      }
      char = 0;
    }
  }

  private grow(): void {
    const data = new Int32Array(this.data.length * 2);
    data.set(this.data);
    this.data = data;
    const where = new Int32Array(this.where.length * 2);
    where.set(this.where);
    this.where = where;
  }
}

const cache = new WeakMap<DocumentAnalysis, Encoded>();

function encoded(a: DocumentAnalysis): Encoded {
  const cached = cache.get(a);
  if (cached) return cached;
  const ids = classifyIdentifiers(a);
  const text = a.text;
  const { count, kinds, starts, ends, lines, columns } = a.parsed.tokenTable;
  const comments = a.program.comments;
  const out = new TokenWriter(text, count + comments.length + 16);
  let next = 0;
  let nextComment = comments.length > 0 ? comments[0]!.range.start.offset : Infinity;
  for (let i = 0; i < count; i++) {
    const t0 = KIND_TYPE[kinds[i]!]!;
    if (t0 < 0) continue;
    const start = starts[i]!;
    // Comments are not tokens: merge them in by position (both lists are in source order).
    while (nextComment < start) {
      out.range(comments[next++]!.range, COMMENT, 0);
      nextComment = next < comments.length ? comments[next]!.range.start.offset : Infinity;
    }
    let t = t0;
    let m = 0;
    if (t0 === VARIABLE) {
      const c = ids[start]!;
      if (c !== 0) {
        t = (c - 1) & 0xff;
        m = (c - 1) >> 8;
      }
    }
    const end = ends[i]!;
    if (t0 === STRING && spansLines(text, start, end)) out.range(lineMapRange(a, start, end), t, m);
    else out.emit(start, end, lines[i]!, columns[i]!, end - start, t, m);
  }
  while (next < comments.length) out.range(comments[next++]!.range, COMMENT, 0);
  const result = { data: out.data.subarray(0, out.n), where: out.where.subarray(0, out.w) };
  cache.set(a, result);
  return result;
}

/** The encoded tokens overlapping `range` (whole source tokens, as `full` splits them). */
function encodeRange(a: DocumentAnalysis, range: Range): number[] {
  const from = a.offsetAt(range.start);
  const to = a.offsetAt(range.end);
  const { data, where } = encoded(a);
  const out: number[] = [];
  let n = 0;
  let prevLine = 0;
  let prevChar = 0;
  for (let i = 0, w = 0; w < where.length; i += 5, w += 4) {
    if (where[w + 1]! <= from || where[w]! >= to) continue;
    const line = where[w + 2]!;
    const char = where[w + 3]!;
    let dl = line;
    let dc = char;
    if (n > 0) {
      dl -= prevLine;
      if (dl === 0) dc -= prevChar;
    }
    out[n++] = dl;
    out[n++] = dc;
    out[n++] = data[i + 2]!;
    out[n++] = data[i + 3]!;
    out[n++] = data[i + 4]!;
    prevLine = line;
    prevChar = char;
  }
  return out;
}

let lastId = Date.now();

/** The edit turning `before` into `after` (one replaced span; as vscode-languageserver's builder). */
function diff(before: Int32Array, after: Int32Array): SemanticTokensEdit[] {
  let start = 0;
  while (start < after.length && start < before.length && before[start] === after[start]) start++;
  if (start < after.length && start < before.length) {
    let beforeEnd = before.length - 1;
    let afterEnd = after.length - 1;
    while (beforeEnd >= start && afterEnd >= start && before[beforeEnd] === after[afterEnd]) {
      beforeEnd--;
      afterEnd--;
    }
    if (beforeEnd < start || afterEnd < start) {
      beforeEnd++;
      afterEnd++;
    }
    const deleteCount = beforeEnd - start + 1;
    const data = Array.from(after.subarray(start, afterEnd + 1));
    if (data.length === 1 && data[0] === before[beforeEnd]) return [{ start, deleteCount: deleteCount - 1 }];
    return [{ start, deleteCount, data }];
  }
  if (start < after.length) return [{ start, deleteCount: 0, data: Array.from(after.subarray(start)) }];
  if (start < before.length) return [{ start, deleteCount: before.length - start }];
  return [];
}

export class SemanticTokenProvider {
  /** The last full result sent per document (what a delta request diffs against). */
  private readonly results = new Map<string, { resultId: string; data: Int32Array }>();

  private remember(a: DocumentAnalysis): { resultId: string; data: Int32Array } {
    const result = { resultId: String(++lastId), data: encoded(a).data };
    this.results.set(a.uri, result);
    return result;
  }

  /**
   * Encodes a newly published analysis before the client asks, for documents it has asked tokens
   * for (it asks again after every edit, usually once diagnostics arrive): the request then only
   * diffs. Other documents are left alone, so hundreds of open files cost nothing here.
   */
  prepare(a: DocumentAnalysis): void {
    if (this.results.has(a.uri)) encoded(a);
  }

  full(a: DocumentAnalysis): SemanticTokens {
    const { resultId, data } = this.remember(a);
    return { resultId, data: Array.from(data) };
  }

  delta(a: DocumentAnalysis, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const previous = this.results.get(a.uri);
    const next = this.remember(a);
    if (previous?.resultId !== previousResultId) return { resultId: next.resultId, data: Array.from(next.data) };
    return { resultId: next.resultId, edits: diff(previous.data, next.data) };
  }

  range(a: DocumentAnalysis, range: Range): SemanticTokens {
    return { resultId: String(++lastId), data: encodeRange(a, range) };
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }
}
