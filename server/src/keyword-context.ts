// Which keywords are valid at a cursor (ML keywords are contextual, ML-LANGUAGE.md §1): found from the
// tokens before the cursor, with a stack of what each open `{` and `(` began, so it works on code
// that does not parse yet. Pure; reads tokens only.
import type { SyntaxToken } from '@mlsec/grammar';

type BraceKind =
  | 'function'
  | 'if'
  | 'elif'
  | 'else'
  | 'while'
  | 'for'
  | 'try'
  | 'except'
  | 'finally'
  | 'arrow'
  | 'capability'
  | 'object';
type ParenKind = 'header' | 'expr';

interface Scan {
  braces: BraceKind[];
  /** Kind of the block the last `}` closed, when the previous token is that `}`. */
  closed: BraceKind | null;
  /** Tokens of the current statement (since the last `;`, `{` or `}` at this level). */
  statement: SyntaxToken[];
  prev: SyntaxToken | undefined;
}

const HEADER_WORDS = new Set(['function', 'if', 'elif', 'while', 'for', 'except', 'fn']);
const BLOCK_WORDS = new Set(['else', 'try', 'finally']);
const EXPRESSION_OPENERS = new Set([
  '(',
  '[',
  ',',
  '=',
  ':',
  '?',
  '!',
  '=>',
  'return',
  '-',
  '+',
  '*',
  '/',
  '//',
  '%',
  '<',
  '>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
]);

function isKeyword(t: SyntaxToken | undefined, word: string): boolean {
  return t !== undefined && t.kind === 'keyword' && t.text === word;
}

function scan(tokens: readonly SyntaxToken[], end: number): Scan {
  const braces: BraceKind[] = [];
  const parens: { kind: ParenKind; owner: string }[] = [];
  let closedHeader: string | null = null;
  let closed: BraceKind | null = null;
  let statement: SyntaxToken[] = [];
  let prev: SyntaxToken | undefined;
  for (let i = 0; i < end; i++) {
    const t = tokens[i]!;
    const before = prev;
    closed = null;
    if (t.text === '(' || t.text === ')') statement.push(t);
    if (t.text === '(' && t.kind === 'punctuation') {
      const owner =
        before?.kind === 'keyword' || before?.text === 'fn'
          ? before.text
          : tokens[i - 2]?.text === 'function'
            ? 'function'
            : '';
      parens.push({ kind: HEADER_WORDS.has(owner) ? 'header' : 'expr', owner });
    } else if (t.text === ')' && t.kind === 'punctuation') {
      const p = parens.pop();
      closedHeader = p?.kind === 'header' ? p.owner : null;
    } else if (t.text === '{' && t.kind === 'punctuation') {
      let kind: BraceKind = 'object';
      if (before?.text === ')' && closedHeader !== null)
        kind = closedHeader === 'fn' ? 'object' : (closedHeader as BraceKind);
      else if (before?.text === '=>') kind = 'arrow';
      else if (before && before.kind === 'keyword' && BLOCK_WORDS.has(before.text)) kind = before.text as BraceKind;
      else if (before?.kind === 'identifier' && isKeyword(tokens[i - 2], 'capability')) kind = 'capability';
      braces.push(kind);
      statement = [];
    } else if (t.text === '}' && t.kind === 'punctuation') {
      closed = braces.pop() ?? null;
      if (closed !== 'object') statement = [];
    } else if (t.text === ';' && t.kind === 'punctuation') {
      statement = [];
    } else {
      statement.push(t);
    }
    if (t.text !== ')') closedHeader = t.text === '{' ? null : closedHeader;
    prev = t;
  }
  if (prev?.text !== '}') closed = null;
  return { braces, closed, statement, prev };
}

const STATEMENT_KEYWORDS = ['function', 'if', 'while', 'for', 'try', 'return', 'throw'];
const EXPRESSION_KEYWORDS = ['fn', 'true', 'false'];
const PERMISSIONS = ['read', 'write', 'execute', 'network', 'system'];
const LOOPS = new Set<BraceKind>(['while', 'for']);
const FUNCTIONS = new Set<BraceKind>(['function', 'arrow']);

function statementKeywords(s: Scan): string[] {
  const words = [...STATEMENT_KEYWORDS];
  const blocks = s.braces.filter((b) => b !== 'object');
  if (blocks.length === 0) words.push('capability', 'import');
  let inLoop = false;
  let inFunction = false;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (FUNCTIONS.has(blocks[i]!)) {
      inFunction = true;
      break;
    }
    if (LOOPS.has(blocks[i]!)) inLoop = true;
  }
  if (inLoop) words.push('break', 'continue');
  if (inFunction) words.push('nonlocal');
  if (s.closed === 'if' || s.closed === 'elif') words.push('elif', 'else');
  if (s.closed === 'try' || s.closed === 'except') words.push('except', 'finally');
  return [...words, ...EXPRESSION_KEYWORDS];
}

export interface WordContext {
  /** Keywords valid for the word. */
  keywords: string[];
  /** Whether names (variables, functions, modules) may be written there. */
  names: boolean;
}

const NOTHING: WordContext = { keywords: [], names: false };

/** What may be written as a word starting at token index `end` (the tokens before it are complete). */
export function wordContextAt(tokens: readonly SyntaxToken[], end: number): WordContext {
  const s = scan(tokens, end);
  const prev = s.prev;
  const top = s.braces[s.braces.length - 1];
  if (prev?.text === '.') return NOTHING;
  if (top === 'capability') {
    if (isKeyword(prev, 'allow')) return { keywords: PERMISSIONS, names: false };
    if (prev === undefined || prev.text === '{' || prev.text === ';')
      return { keywords: ['resource', 'allow'], names: false };
    return NOTHING;
  }
  const first = s.statement[0];
  if (isKeyword(first, 'import'))
    return { keywords: prev?.kind === 'identifier' && s.statement.length >= 2 ? ['as'] : [], names: false };
  if (isKeyword(first, 'capability')) return NOTHING;
  if (isKeyword(first, 'for') && s.statement.length === 3 && prev?.kind === 'identifier')
    return { keywords: ['in'], names: false };
  if (top === 'object' && (prev?.text === '{' || prev?.text === ',')) return NOTHING;
  if (
    prev === undefined ||
    prev.text === ';' ||
    (prev.text === '{' && top !== 'object') ||
    (prev.text === '}' && s.closed !== 'object')
  ) {
    return { keywords: statementKeywords(s), names: true };
  }
  if (EXPRESSION_OPENERS.has(prev.text) || isKeyword(prev, 'in') || isKeyword(prev, 'return'))
    return { keywords: EXPRESSION_KEYWORDS, names: true };
  return { keywords: [], names: true };
}
