// textDocument/semanticTokens (full, range, delta): keywords as the parser used them (contextual
// ones included), functions, methods, parameters, variables, modules, stdlib members
// (defaultLibrary), strings, numbers, comments, operators, capability names, and the custom
// `securitySensitive` modifier on calls that need capabilities. Encoding only; no analysis of its own.
import {
  forEachChild,
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
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
  SemanticTokensBuilder,
  type Range,
  type SemanticTokens,
  type SemanticTokensDelta,
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
const COMMENT = TYPE_INDEX.get('comment')!;

interface Classified {
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

const SYMBOL_TYPES: Partial<Record<string, SemanticTokenType>> = {
  function: 'function',
  parameter: 'parameter',
  import: 'namespace',
  builtin: 'function',
};

/** Classification of every identifier node by its start offset. */
function classifyIdentifiers(a: DocumentAnalysis): Map<number, Classified> {
  const out = new Map<number, Classified>();
  const sensitive = new Set<CallExpr>();
  const callees = new Set<Node>();
  const usesByRange = new Set(
    a.security.capabilities.uses
      .filter((u) => u.file === undefined)
      .map((u) => `${u.range.start.offset}:${u.range.end.offset}`),
  );
  const needy = new Set(
    a.security.capabilities.functions.filter((f) => f.transitive.length > 0).map((f) => f.range.start.offset),
  );
  const lookup = (id: Identifier) => a.resolution.symbolOf(id);
  const objectTypes = new Map<MlSymbol, ReturnType<typeof expressionType>>();
  /** What a member's object is; names are looked up once per symbol (`x.a`, `x.b`, ... share it). */
  const typeOfObject = (object: Expression): ReturnType<typeof expressionType> => {
    if (object.kind !== 'Identifier') return expressionType(object, lookup);
    const symbol = lookup(object);
    if (!symbol) return undefined;
    if (!objectTypes.has(symbol)) objectTypes.set(symbol, expressionType(object, lookup));
    return objectTypes.get(symbol);
  };
  const set = (id: Identifier, c: Classified): void => {
    out.set(id.range.start.offset, c);
  };
  const visit = (node: Node): void => {
    switch (node.kind) {
      case 'CallExpr': {
        if (node.callee.kind === 'MemberExpr') callees.add(node.callee);
        if (usesByRange.has(`${node.range.start.offset}:${node.range.end.offset}`)) sensitive.add(node);
        const callee = node.callee.kind === 'Identifier' ? a.resolution.symbolOf(node.callee) : undefined;
        const def = callee?.declarations[0];
        if (callee?.kind === 'function' && def && needy.has(def.identifier.range.start.offset)) sensitive.add(node);
        break;
      }
      case 'MemberExpr': {
        const object = typeOfObject(node.object);
        const member = memberType(object, node.property.name);
        let c: Classified = { type: 'property', modifiers: [] };
        if (member?.kind === 'stdlib-function') c = { type: 'function', modifiers: ['defaultLibrary'] };
        else if (member?.kind === 'method') c = { type: 'method', modifiers: ['defaultLibrary'] };
        else if (object?.kind === 'stdlib-module' || (object?.kind === 'instance' && object.className !== 'object'))
          c = { type: 'property', modifiers: ['defaultLibrary'] };
        else if (member?.kind === 'module-member' && callees.has(node)) c = { type: 'function', modifiers: [] };
        set(node.property, c);
        break;
      }
      case 'ObjectProperty':
        if (node.key.kind === 'Identifier') set(node.key, { type: 'property', modifiers: [] });
        break;
      case 'CapabilityDecl':
        set(node.name, { type: 'capability', modifiers: ['declaration'] });
        break;
      case 'ImportStmt':
        for (const p of node.path) set(p, { type: 'namespace', modifiers: [] });
        break;
      case 'Identifier': {
        if (out.has(node.range.start.offset)) break;
        const occ = a.resolution.occurrenceOf(node);
        if (!occ) break;
        const kind = occ.symbol.kind;
        const modifiers: SemanticTokenModifier[] = [];
        if (occ.role === 'declaration') modifiers.push('declaration');
        if (kind === 'builtin' || kind === 'implicit') modifiers.push('defaultLibrary');
        set(node, { type: SYMBOL_TYPES[kind] ?? 'variable', modifiers });
        break;
      }
      default:
        break;
    }
    forEachChild(node, visit);
  };
  visit(a.program);
  for (const call of sensitive) {
    const id = call.callee.kind === 'Identifier' ? call.callee : call.callee.property;
    const c = out.get(id.range.start.offset) ?? { type: 'function', modifiers: [] };
    out.set(id.range.start.offset, { type: c.type, modifiers: [...c.modifiers, 'securitySensitive'] });
  }
  return out;
}

function encodeModifiers(mods: readonly SemanticTokenModifier[]): number {
  return mods.reduce((bits, m) => bits | (MODIFIER_BIT.get(m) ?? 0), 0);
}

/**
 * Classified tokens of one analysis, packed FIELDS numbers per token (one allocation instead of one
 * object per token: a 2,000-line file has about 17,000): start offset, length, line, character,
 * multi-line flag, type index, modifier bits.
 */
const FIELDS = 7;
const cache = new WeakMap<DocumentAnalysis, Int32Array>();

function entries(a: DocumentAnalysis): Int32Array {
  const cached = cache.get(a);
  if (cached) return cached;
  const ids = classifyIdentifiers(a);
  const tokens = a.tokens;
  const comments = a.program.comments;
  const out = new Int32Array((tokens.length + comments.length) * FIELDS);
  let n = 0;
  let next = 0;
  const pushRange = (r: MlRange, type: number, modifiers: number): void => {
    out[n++] = r.start.offset;
    out[n++] = r.end.offset - r.start.offset;
    out[n++] = r.start.line;
    out[n++] = r.start.column;
    out[n++] = r.end.line !== r.start.line ? 1 : 0;
    out[n++] = type;
    out[n++] = modifiers;
  };
  const push = (range: MlRange, type: SemanticTokenType, modifiers = 0): void => {
    // Comments are not tokens: merge them in by position (both lists are in source order).
    while (next < comments.length && comments[next]!.range.start.offset < range.start.offset)
      pushRange(comments[next++]!.range, COMMENT, 0);
    pushRange(range, TYPE_INDEX.get(type)!, modifiers);
  };
  for (const t of tokens) {
    if (t.kind === 'keyword' || t.kind === 'boolean') push(t.range, 'keyword');
    else if (t.kind === 'number') push(t.range, 'number');
    else if (t.kind === 'string') push(t.range, 'string');
    else if (t.kind === 'operator') push(t.range, 'operator');
    else if (t.kind === 'identifier') {
      const c = ids.get(t.range.start.offset);
      push(t.range, c?.type ?? 'variable', c ? encodeModifiers(c.modifiers) : 0);
    }
  }
  while (next < comments.length) pushRange(comments[next++]!.range, COMMENT, 0);
  const packed = out.subarray(0, n);
  cache.set(a, packed);
  return packed;
}

/** Pushes the entries overlapping `range` (all when undefined), split at line breaks. */
function fill(builder: SemanticTokensBuilder, a: DocumentAnalysis, range: Range | undefined): void {
  const text = a.text;
  const from = range ? a.offsetAt(range.start) : 0;
  const to = range ? a.offsetAt(range.end) : text.length;
  const e = entries(a);
  for (let i = 0; i < e.length; i += FIELDS) {
    const start = e[i]!;
    const end = start + e[i + 1]!;
    if (end <= from || start >= to) continue;
    const type = e[i + 5]!;
    const modifiers = e[i + 6]!;
    if (e[i + 4] === 0) {
      builder.push(e[i + 2]!, e[i + 3]!, end - start, type, modifiers);
      continue;
    }
    // Clients need not support tokens across lines: one token per line of a multi-line string.
    let at = start;
    while (at < end) {
      let lineEnd = at;
      while (lineEnd < end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
      if (lineEnd > at) {
        const p = a.positionAt(at);
        builder.push(p.line, p.character, lineEnd - at, type, modifiers);
      }
      at = lineEnd;
      while (at < end && (text[at] === '\n' || text[at] === '\r')) at++;
    }
  }
}

export class SemanticTokenProvider {
  private readonly builders = new Map<string, SemanticTokensBuilder>();

  full(a: DocumentAnalysis): SemanticTokens {
    const builder = new SemanticTokensBuilder();
    fill(builder, a, undefined);
    this.builders.set(a.uri, builder);
    return builder.build();
  }

  delta(a: DocumentAnalysis, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const builder = this.builders.get(a.uri) ?? new SemanticTokensBuilder();
    builder.previousResult(previousResultId);
    fill(builder, a, undefined);
    this.builders.set(a.uri, builder);
    return builder.buildEdits();
  }

  range(a: DocumentAnalysis, range: Range): SemanticTokens {
    const builder = new SemanticTokensBuilder();
    fill(builder, a, range);
    return builder.build();
  }

  forget(uri: string): void {
    this.builders.delete(uri);
  }
}
