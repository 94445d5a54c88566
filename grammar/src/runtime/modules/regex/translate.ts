// Translates a Python `re` pattern into JavaScript RegExp source (for the `v` flag) with the same
// meaning, or rejects it with Python's error message and position. Never builds a RegExp itself.
import {
  ANCHORS,
  CHAR_ESCAPES,
  FLAGS,
  INLINE_FLAGS,
  classEscape,
  isAsciiLetter,
  isDigit,
  isHex,
  isOctal,
  literal,
  wordBoundary,
} from './syntax.js';

/** A Python regex syntax error (re.error) or an untranslatable construct, at a code-point position. */
export class RegexSyntaxError {
  constructor(
    readonly message: string,
    readonly position: number,
  ) {}
}

/** Result of a translation: JavaScript source plus what Match objects need to know about groups. */
export interface TranslatedPattern {
  readonly source: string;
  /** Python flags in effect (argument flags plus global inline flags, UNICODE added unless ASCII). */
  readonly flags: number;
  /** Number of Python capture groups. */
  readonly groups: number;
  /** Python group number → JavaScript group number (index 0 is the whole match). */
  readonly jsGroup: readonly number[];
  /** Group name → Python group number. */
  readonly groupIndex: ReadonlyMap<string, number>;
  /** Python group number → its name, or null. */
  readonly groupNames: readonly (string | null)[];
  /** Python group number → position of its closing parenthesis (orders groups for `lastGroup`). */
  readonly closeOrder: readonly number[];
}

type Part = string | { readonly open: number } | { readonly ref: number };

interface Scope {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  verbose: boolean;
}

const REPEAT_LIMIT = 4294967295;

class Translator {
  private readonly src: string[];
  private pos = 0;
  private readonly out: Part[] = [];
  private groups = 0;
  private synthetic = 0;
  private readonly names = new Map<string, number>();
  private readonly groupNames: (string | null)[] = [null];
  private readonly closedAt: number[] = [0];
  private readonly ascii: boolean;
  private readonly globalIgnoreCase: boolean;
  private scope: Scope;
  private flags: number;

  constructor(pattern: string, flags: number) {
    this.src = Array.from(pattern);
    this.flags = flags | this.leadingInlineFlags();
    if (this.flags & FLAGS.LOCALE) throw new RegexSyntaxError('cannot use LOCALE flag with a str pattern', 0);
    if (this.flags & FLAGS.ASCII && this.flags & FLAGS.UNICODE) {
      throw new RegexSyntaxError('ASCII and UNICODE flags are incompatible', 0);
    }
    this.ascii = (this.flags & FLAGS.ASCII) !== 0;
    if (!this.ascii) this.flags |= FLAGS.UNICODE;
    this.globalIgnoreCase = (this.flags & FLAGS.IGNORECASE) !== 0;
    this.scope = {
      ignoreCase: this.globalIgnoreCase,
      multiline: (this.flags & FLAGS.MULTILINE) !== 0,
      dotAll: (this.flags & FLAGS.DOTALL) !== 0,
      verbose: (this.flags & FLAGS.VERBOSE) !== 0,
    };
  }

  /** Global flags from `(?aiLmsux)` groups at the very start, which apply to the whole pattern. */
  private leadingInlineFlags(): number {
    let f = 0;
    let i = 0;
    while (this.src[i] === '(' && this.src[i + 1] === '?') {
      let j = i + 2;
      let g = 0;
      while (this.src[j] !== undefined && INLINE_FLAGS[this.src[j]!] !== undefined) {
        if (this.src[j] === 'L')
          throw new RegexSyntaxError("bad inline flags: cannot use 'L' flag with a str pattern", j + 1);
        g |= INLINE_FLAGS[this.src[j++]!]!;
      }
      if (j === i + 2 || this.src[j] !== ')') break;
      f |= g;
      i = j + 1;
    }
    return f;
  }

  run(): TranslatedPattern {
    this.alternation(true);
    if (this.pos < this.src.length) {
      // Only an unmatched ')' stops the top-level alternation early.
      throw new RegexSyntaxError('unbalanced parenthesis', this.pos);
    }
    const jsGroup: number[] = [0];
    const syntheticJs = new Map<number, number>();
    let next = 1;
    let source = '';
    for (const p of this.out) {
      if (typeof p === 'string') source += p;
      else if ('open' in p) {
        if (p.open > 0) jsGroup[p.open] = next;
        else syntheticJs.set(p.open, next);
        next++;
        source += '(';
      } else {
        const n = p.ref > 0 ? jsGroup[p.ref] : syntheticJs.get(p.ref);
        source += `(?:\\${n})`;
      }
    }
    return {
      source,
      flags: this.flags,
      groups: this.groups,
      jsGroup,
      groupIndex: this.names,
      groupNames: this.groupNames,
      closeOrder: this.closedAt,
    };
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private error(message: string, at: number = this.pos): never {
    throw new RegexSyntaxError(message, at);
  }

  /** Skips whitespace and `#` comments in verbose mode. */
  private skipVerbose(): void {
    if (!this.scope.verbose) return;
    for (;;) {
      const c = this.peek();
      if (c === undefined) return;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') this.pos++;
      else if (c === '#') {
        while (this.peek() !== undefined && this.peek() !== '\n') this.pos++;
      } else return;
    }
  }

  private alternation(topLevel: boolean): void {
    let first = true;
    for (;;) {
      this.sequence(topLevel && first);
      if (this.peek() !== '|') return;
      this.pos++;
      this.out.push('|');
      first = false;
    }
  }

  private sequence(atStart: boolean): void {
    let items = 0;
    for (;;) {
      this.skipVerbose();
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') return;
      const atomStart = this.out.length;
      const kind = this.atom(atStart && items === 0);
      if (kind === 'none') continue;
      items++;
      this.skipVerbose();
      this.quantifier(atomStart, kind);
    }
  }

  /** Emits one atom; returns whether it can be repeated ('anchor' cannot, 'none' emitted nothing). */
  private atom(atStart: boolean): 'atom' | 'anchor' | 'none' {
    const start = this.pos;
    const c = this.src[this.pos++]!;
    switch (c) {
      case '(':
        return this.group(start, atStart);
      case '[':
        this.out.push(this.charClass(start));
        return 'atom';
      case '.':
        this.out.push(this.scope.dotAll ? ANCHORS.anyChar : ANCHORS.anyButNewline);
        return 'atom';
      case '^':
        this.out.push(this.scope.multiline ? ANCHORS.startOfLine : ANCHORS.startOfText);
        return 'anchor';
      case '$':
        this.out.push(this.scope.multiline ? ANCHORS.endOfLine : ANCHORS.endOrFinalNewline);
        return 'anchor';
      case '\\':
        return this.escape(start);
      case '*':
      case '+':
      case '?':
        return this.error('nothing to repeat', start);
      case '{':
        if (this.braceQuantifier() !== null) this.error('nothing to repeat', start);
        this.pos = start + 1;
        this.out.push(literal(0x7b));
        return 'atom';
      default:
        this.out.push(literal(c.codePointAt(0)!));
        return 'atom';
    }
  }

  private group(start: number, atStart: boolean): 'atom' | 'anchor' | 'none' {
    if (this.peek() !== '?') {
      const n = this.openGroup(null);
      this.alternation(false);
      this.closeGroup(n, start);
      return 'atom';
    }
    this.pos++;
    const c = this.src[this.pos++];
    if (c === 'P') {
      const d = this.src[this.pos++];
      if (d === '<') {
        const name = this.groupName('>');
        if (this.names.has(name)) {
          this.error(
            `redefinition of group name '${name}' as group ${this.groups + 1}; was group ${this.names.get(name)}`,
            start + 4,
          );
        }
        const n = this.openGroup(name);
        this.alternation(false);
        this.closeGroup(n, start);
        return 'atom';
      }
      if (d === '=') {
        const nameAt = this.pos;
        const name = this.groupName(')');
        const n = this.names.get(name);
        if (n === undefined) this.error(`unknown group name '${name}'`, nameAt);
        if (this.closedAt[n] === -1) this.error('cannot refer to an open group', nameAt);
        this.out.push({ ref: n });
        return 'atom';
      }
      if (d === undefined) this.error('unexpected end of pattern', this.src.length);
      return this.error(`unknown extension ?P${d}`, start + 1);
    }
    if (c === ':') return this.wrapped('(?:', start);
    if (c === '=' || c === '!') return this.wrapped(`(?${c}`, start);
    if (c === '<') {
      const d = this.src[this.pos++];
      if (d === '=' || d === '!') return this.wrapped(`(?<${d}`, start);
      if (d === undefined) this.error('unexpected end of pattern', this.src.length);
      return this.error(`unknown extension ?<${d}`, start + 1);
    }
    if (c === '#') {
      while (this.peek() !== undefined && this.peek() !== ')') this.pos++;
      if (this.peek() === undefined) this.error('missing ), unterminated comment', start);
      this.pos++;
      return 'none';
    }
    if (c === '>') return this.atomic(start);
    if (c === '(') {
      return this.error('conditional patterns (?(...)...) have no JavaScript equivalent and are not supported', start);
    }
    if (c !== undefined && (INLINE_FLAGS[c] !== undefined || c === '-')) {
      this.pos--;
      return this.inlineFlags(start, atStart);
    }
    if (c === undefined) return this.error('unexpected end of pattern', this.src.length);
    return this.error(`unknown extension ?${c}`, start + 1);
  }

  private openGroup(name: string | null): number {
    const n = ++this.groups;
    this.groupNames[n] = name;
    this.closedAt[n] = -1;
    if (name !== null) this.names.set(name, n);
    this.out.push({ open: n });
    return n;
  }

  private closeGroup(n: number, start: number): void {
    if (this.peek() !== ')') this.error('missing ), unterminated subpattern', start);
    this.closedAt[n] = this.pos;
    this.pos++;
    this.out.push(')');
  }

  /** A non-capturing construct: `(?:`, lookahead and lookbehind. */
  private wrapped(open: string, start: number): 'atom' {
    this.out.push(open);
    this.alternation(false);
    if (this.peek() !== ')') this.error('missing ), unterminated subpattern', start);
    this.pos++;
    this.out.push(')');
    return 'atom';
  }

  /** `(?>...)`: emulated as a lookahead capturing the text, then a backreference to it. */
  private atomic(start: number): 'atom' {
    const id = --this.synthetic;
    this.out.push('(?=', { open: id });
    this.alternation(false);
    if (this.peek() !== ')') this.error('missing ), unterminated subpattern', start);
    this.pos++;
    this.out.push('))', { ref: id });
    return 'atom';
  }

  private groupName(terminator: string): string {
    const at = this.pos;
    let name = '';
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined) this.error('missing ' + terminator + ', unterminated name', at);
      if (c === terminator) break;
      name += c;
    }
    if (name === '') this.error('missing group name', at);
    if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name)) {
      this.error(`bad character in group name '${name}'`, at);
    }
    return name;
  }

  /** `(?flags)` (global, only at the start) or `(?flags-flags:...)` (scoped). */
  private inlineFlags(start: number, atStart: boolean): 'atom' | 'none' {
    let add = 0;
    let remove = 0;
    while (this.peek() !== undefined && INLINE_FLAGS[this.peek()!] !== undefined) {
      if (this.peek() === 'L') this.error("bad inline flags: cannot use 'L' flag with a str pattern", this.pos + 1);
      add |= INLINE_FLAGS[this.src[this.pos++]!]!;
    }
    if (this.peek() === ')') {
      this.pos++;
      if (!atStart) this.error('global flags not at the start of the expression', start);
      return 'none';
    }
    if (this.peek() === '-') {
      this.pos++;
      while (this.peek() !== undefined && INLINE_FLAGS[this.peek()!] !== undefined) {
        const f = INLINE_FLAGS[this.src[this.pos++]!]!;
        if (f & (FLAGS.ASCII | FLAGS.UNICODE | FLAGS.LOCALE)) {
          this.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", this.pos);
        }
        remove |= f;
      }
      if (remove === 0) this.error('missing flag', this.pos);
      if (add & remove) this.error('bad inline flags: flag turned on and off', this.pos);
    }
    if (this.peek() !== ':') {
      return this.error(this.peek() === undefined ? 'missing -, : or )' : 'unknown flag', this.pos);
    }
    this.pos++;
    if (add & FLAGS.ASCII && !this.ascii) this.error('scoped ASCII flag (?a:...) is not supported', start);
    const saved = this.scope;
    const next: Scope = { ...saved };
    const apply = (bit: number, on: boolean) => {
      if (bit & FLAGS.IGNORECASE) next.ignoreCase = on;
      if (bit & FLAGS.MULTILINE) next.multiline = on;
      if (bit & FLAGS.DOTALL) next.dotAll = on;
      if (bit & FLAGS.VERBOSE) next.verbose = on;
    };
    for (const bit of [FLAGS.IGNORECASE, FLAGS.MULTILINE, FLAGS.DOTALL, FLAGS.VERBOSE]) {
      if (add & bit) apply(bit, true);
      if (remove & bit) apply(bit, false);
    }
    if (next.ignoreCase !== this.globalIgnoreCase) {
      this.error("a scoped IGNORECASE flag different from the whole pattern's is not supported", start);
    }
    this.scope = next;
    this.out.push('(?:');
    this.alternation(false);
    this.scope = saved;
    if (this.peek() !== ')') this.error('missing ), unterminated subpattern', start);
    this.pos++;
    this.out.push(')');
    return 'atom';
  }

  /** Parses `{m}`, `{m,}`, `{,n}`, `{m,n}` after the `{`; null (position unchanged) if it is a literal. */
  private braceQuantifier(): { min: number; max: number } | null {
    const here = this.pos;
    if (this.peek() === '}') return null;
    let lo = '';
    let hi = '';
    while (isDigit(this.peek())) lo += this.src[this.pos++];
    if (this.peek() === ',') {
      this.pos++;
      while (isDigit(this.peek())) hi += this.src[this.pos++];
    } else {
      hi = lo;
    }
    if (this.peek() !== '}') {
      this.pos = here;
      return null;
    }
    this.pos++;
    const min = lo === '' ? 0 : Number(lo);
    const max = hi === '' ? Infinity : Number(hi);
    if (min >= REPEAT_LIMIT || (max !== Infinity && max >= REPEAT_LIMIT)) {
      this.error('the repetition number is too large', -1);
    }
    if (max < min) this.error('min repeat greater than max repeat', here);
    return { min, max };
  }

  private quantifier(atomStart: number, kind: 'atom' | 'anchor'): void {
    const qPos = this.pos;
    const c = this.peek();
    let text: string;
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      text = c;
    } else if (c === '{') {
      this.pos++;
      const q = this.braceQuantifier();
      if (q === null) {
        this.pos = qPos;
        return;
      }
      text = q.max === Infinity ? `{${q.min},}` : q.min === q.max ? `{${q.min}}` : `{${q.min},${q.max}}`;
    } else {
      return;
    }
    if (kind === 'anchor') this.error('nothing to repeat', qPos);
    let possessive = false;
    if (this.peek() === '?') {
      this.pos++;
      text += '?';
    } else if (this.peek() === '+') {
      this.pos++;
      possessive = true;
    }
    this.out.splice(atomStart, 0, '(?:');
    this.out.push(')' + text);
    if (possessive) {
      const id = --this.synthetic;
      this.out.splice(atomStart, 0, '(?=', { open: id });
      this.out.push('))', { ref: id });
    }
    this.skipVerbose();
    const n = this.peek();
    if (n === '*' || n === '+' || n === '?' || (n === '{' && this.isBraceQuantifierAhead())) {
      this.error('multiple repeat', this.pos);
    }
  }

  private isBraceQuantifierAhead(): boolean {
    const here = this.pos;
    this.pos++;
    const q = this.braceQuantifier();
    this.pos = here;
    return q !== null;
  }

  /** An escape outside a character class. */
  private escape(start: number): 'atom' | 'anchor' {
    const c = this.src[this.pos++];
    if (c === undefined) this.error('bad escape (end of pattern)', start);
    switch (c) {
      case 'A':
        this.out.push(ANCHORS.startOfText);
        return 'anchor';
      case 'Z':
        this.out.push(ANCHORS.endOfText);
        return 'anchor';
      case 'b':
      case 'B':
        this.out.push(wordBoundary(c === 'B', this.ascii));
        return 'anchor';
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
        this.out.push(classEscape(c, this.ascii));
        return 'atom';
    }
    if (isDigit(c) && c !== '0') return this.groupReference(start, c);
    this.out.push(literal(this.charEscape(start, c, false)));
    return 'atom';
  }

  /** `\1`..`\99` (group reference) or a three-digit octal escape. */
  private groupReference(start: number, first: string): 'atom' {
    let digits = first;
    if (isDigit(this.peek())) {
      digits += this.src[this.pos++];
      if (isOctal(digits[0]) && isOctal(digits[1]) && isOctal(this.peek())) {
        digits += this.src[this.pos++];
        const v = parseInt(digits, 8);
        if (v > 0o377) this.error(`octal escape value \\${digits} outside of range 0-0o377`, start);
        this.out.push(literal(v));
        return 'atom';
      }
    }
    const n = Number(digits);
    if (n > this.groups) this.error(`invalid group reference ${n}`, start + 1);
    if (this.closedAt[n] === -1) this.error('cannot refer to an open group', start);
    this.out.push({ ref: n });
    return 'atom';
  }

  /** Escapes that denote one character (shared by classes and the main pattern). */
  private charEscape(start: number, c: string, inClass: boolean): number {
    const simple = CHAR_ESCAPES[c];
    if (simple !== undefined) return simple;
    if (c === 'b' && inClass) return 0x08;
    if (c === 'x') return this.hexDigits(start, 2, '\\x');
    if (c === 'u') return this.hexDigits(start, 4, '\\u');
    if (c === 'U') {
      const v = this.hexDigits(start, 8, '\\U');
      if (v > 0x10ffff) this.error(`bad escape \\U${v.toString(16).padStart(8, '0')}`, start);
      return v;
    }
    if (c === 'N') return this.error('named Unicode escapes \\N{...} are not supported', start);
    if (isOctal(c) && (c === '0' || inClass)) {
      let digits = c;
      while (digits.length < 3 && isOctal(this.peek())) digits += this.src[this.pos++];
      const v = parseInt(digits, 8);
      if (v > 0o377) this.error(`octal escape value \\${digits} outside of range 0-0o377`, start);
      return v;
    }
    if (isDigit(c) || isAsciiLetter(c)) this.error(`bad escape \\${c}`, start);
    return c.codePointAt(0)!;
  }

  private hexDigits(start: number, count: number, prefix: string): number {
    let digits = '';
    while (digits.length < count && isHex(this.peek())) digits += this.src[this.pos++];
    if (digits.length < count) this.error(`incomplete escape ${prefix}${digits}`, start);
    return parseInt(digits, 16);
  }

  /** A character class `[...]` (the `[` is consumed), emitted as a `v`-flag class. */
  private charClass(start: number): string {
    let negate = false;
    if (this.peek() === '^') {
      this.pos++;
      negate = true;
    }
    let body = '';
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.error('unterminated character set', start);
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      const itemPos = this.pos;
      const lo = this.classItem();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.pos++;
        const hi = this.classItem();
        if (typeof lo === 'string' || typeof hi === 'string') {
          const text = this.src.slice(itemPos, this.pos).join('');
          this.error(`bad character range ${text}`, itemPos);
        }
        if (hi < lo) this.error(`bad character range ${this.src.slice(itemPos, this.pos).join('')}`, itemPos);
        body += `${literal(lo)}-${literal(hi)}`;
      } else {
        body += typeof lo === 'string' ? lo : literal(lo);
      }
    }
    return negate ? `[^${body}]` : `[${body}]`;
  }

  /** One class member: a code point, or the JavaScript text of a class escape such as `\d`. */
  private classItem(): number | string {
    const start = this.pos;
    const c = this.src[this.pos++]!;
    if (c !== '\\') return c.codePointAt(0)!;
    const e = this.src[this.pos++];
    if (e === undefined) this.error('bad escape (end of pattern)', start);
    if ('dDwWsS'.includes(e)) return classEscape(e, this.ascii);
    return this.charEscape(start, e, true);
  }
}

/** Translates a Python pattern with Python flags; throws RegexSyntaxError. */
export function translatePattern(pattern: string, flags: number): TranslatedPattern {
  return new Translator(pattern, flags).run();
}
