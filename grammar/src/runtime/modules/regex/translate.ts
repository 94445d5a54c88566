// Translates a Python `re` pattern into JavaScript RegExp source (for the `v` flag) with the same
// meaning, or rejects it with Python's error message and position. Never builds a RegExp itself.
import { Cursor, RegexSyntaxError } from './cursor.js';
import { charClass, charEscape, literalText } from './escapes.js';
import { assemble, braceQuantifier, leadingGlobalFlags, type Part } from './structure.js';
import { ANCHORS, FLAGS, INLINE_FLAGS, classEscape, isDigit, isOctal, wordBoundary } from './syntax.js';

export { RegexSyntaxError };

/** Result of a translation: JavaScript source plus what Match objects need to know about groups. */
export interface TranslatedPattern {
  readonly source: string;
  /** Python flags in effect (argument flags plus global inline flags, UNICODE added unless ASCII). */
  readonly flags: number;
  /** Whether the JavaScript RegExp needs the `i` flag (false when case is expanded in the source). */
  readonly ignoreCase: boolean;
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

interface Scope {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  verbose: boolean;
}

/** Thrown when a scope changes IGNORECASE: the pattern is then translated again with case expansion. */
class NeedsCaseExpansion {}

class Translator {
  private readonly cur: Cursor;
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

  /**
   * With `expandCase`, the RegExp gets no `i` flag and every literal in a case-insensitive scope is
   * expanded to its case variants instead.
   */
  constructor(
    pattern: string,
    flags: number,
    private readonly expandCase: boolean,
  ) {
    this.cur = new Cursor(pattern);
    this.flags = flags | leadingGlobalFlags(this.cur.src);
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

  /** Whether literals here must be expanded to their case variants. */
  private get fold(): boolean {
    return this.expandCase && this.scope.ignoreCase;
  }

  run(): TranslatedPattern {
    this.alternation(true);
    if (this.cur.pos < this.cur.length) {
      // Only an unmatched ')' stops the top-level alternation early.
      throw new RegexSyntaxError('unbalanced parenthesis', this.cur.pos);
    }
    const { source, jsGroup } = assemble(this.out);
    return {
      source,
      flags: this.flags,
      ignoreCase: this.globalIgnoreCase && !this.expandCase,
      groups: this.groups,
      jsGroup,
      groupIndex: this.names,
      groupNames: this.groupNames,
      closeOrder: this.closedAt,
    };
  }

  /** Skips whitespace and `#` comments in verbose mode. */
  private skipVerbose(): void {
    if (!this.scope.verbose) return;
    for (;;) {
      const c = this.cur.peek();
      if (c === undefined) return;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') this.cur.pos++;
      else if (c === '#') {
        while (this.cur.peek() !== undefined && this.cur.peek() !== '\n') this.cur.pos++;
      } else return;
    }
  }

  private alternation(topLevel: boolean): void {
    let first = true;
    for (;;) {
      this.sequence(topLevel && first);
      if (this.cur.peek() !== '|') return;
      this.cur.pos++;
      this.out.push('|');
      first = false;
    }
  }

  private sequence(atStart: boolean): void {
    let items = 0;
    for (;;) {
      this.skipVerbose();
      const c = this.cur.peek();
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
    const start = this.cur.pos;
    const c = this.cur.take()!;
    switch (c) {
      case '(':
        return this.group(start, atStart);
      case '[':
        this.out.push(charClass(this.cur, start, this.ascii, this.fold));
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
        return this.cur.error('nothing to repeat', start);
      case '{':
        if (braceQuantifier(this.cur) !== null) this.cur.error('nothing to repeat', start);
        this.cur.pos = start + 1;
        this.out.push(literalText(0x7b, this.fold));
        return 'atom';
      default:
        this.out.push(literalText(c.codePointAt(0)!, this.fold));
        return 'atom';
    }
  }

  private group(start: number, atStart: boolean): 'atom' | 'anchor' | 'none' {
    if (this.cur.peek() !== '?') {
      const n = this.openGroup(null);
      this.alternation(false);
      this.closeGroup(n, start);
      return 'atom';
    }
    this.cur.pos++;
    const c = this.cur.take();
    if (c === 'P') {
      const d = this.cur.take();
      if (d === '<') {
        const name = this.groupName('>');
        if (this.names.has(name)) {
          this.cur.error(
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
        const nameAt = this.cur.pos;
        const name = this.groupName(')');
        const n = this.names.get(name);
        if (n === undefined) this.cur.error(`unknown group name '${name}'`, nameAt);
        if (this.closedAt[n] === -1) this.cur.error('cannot refer to an open group', nameAt);
        this.backreference(n, start);
        return 'atom';
      }
      if (d === undefined) this.cur.error('unexpected end of pattern', this.cur.length);
      return this.cur.error(`unknown extension ?P${d}`, start + 1);
    }
    if (c === ':') return this.wrapped('(?:', start);
    if (c === '=' || c === '!') return this.wrapped(`(?${c}`, start);
    if (c === '<') {
      const d = this.cur.take();
      if (d === '=' || d === '!') return this.wrapped(`(?<${d}`, start);
      if (d === undefined) this.cur.error('unexpected end of pattern', this.cur.length);
      return this.cur.error(`unknown extension ?<${d}`, start + 1);
    }
    if (c === '#') {
      while (this.cur.peek() !== undefined && this.cur.peek() !== ')') this.cur.pos++;
      if (this.cur.peek() === undefined) this.cur.error('missing ), unterminated comment', start);
      this.cur.pos++;
      return 'none';
    }
    if (c === '>') return this.atomic(start);
    if (c === '(') {
      return this.cur.error(
        'conditional patterns (?(...)...) have no JavaScript equivalent and are not supported',
        start,
      );
    }
    if (c !== undefined && (INLINE_FLAGS[c] !== undefined || c === '-')) {
      this.cur.pos--;
      return this.inlineFlags(start, atStart);
    }
    if (c === undefined) return this.cur.error('unexpected end of pattern', this.cur.length);
    return this.cur.error(`unknown extension ?${c}`, start + 1);
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
    if (this.cur.peek() !== ')') this.cur.error('missing ), unterminated subpattern', start);
    this.closedAt[n] = this.cur.pos;
    this.cur.pos++;
    this.out.push(')');
  }

  /** A non-capturing construct: `(?:`, lookahead and lookbehind. */
  private wrapped(open: string, start: number): 'atom' {
    this.out.push(open);
    this.alternation(false);
    if (this.cur.peek() !== ')') this.cur.error('missing ), unterminated subpattern', start);
    this.cur.pos++;
    this.out.push(')');
    return 'atom';
  }

  /** `(?>...)`: emulated as a lookahead capturing the text, then a backreference to it. */
  private atomic(start: number): 'atom' {
    const id = --this.synthetic;
    this.out.push('(?=', { open: id });
    this.alternation(false);
    if (this.cur.peek() !== ')') this.cur.error('missing ), unterminated subpattern', start);
    this.cur.pos++;
    this.out.push('))', { ref: id });
    return 'atom';
  }

  private groupName(terminator: string): string {
    const at = this.cur.pos;
    let name = '';
    for (;;) {
      const c = this.cur.take();
      if (c === undefined) this.cur.error('missing ' + terminator + ', unterminated name', at);
      if (c === terminator) break;
      name += c;
    }
    if (name === '') this.cur.error('missing group name', at);
    if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name)) {
      this.cur.error(`bad character in group name '${name}'`, at);
    }
    return name;
  }

  /** `(?flags)` (global, only at the start) or `(?flags-flags:...)` (scoped). */
  private inlineFlags(start: number, atStart: boolean): 'atom' | 'none' {
    let add = 0;
    let remove = 0;
    while (this.cur.peek() !== undefined && INLINE_FLAGS[this.cur.peek()!] !== undefined) {
      if (this.cur.peek() === 'L')
        this.cur.error("bad inline flags: cannot use 'L' flag with a str pattern", this.cur.pos + 1);
      add |= INLINE_FLAGS[this.cur.take()!]!;
    }
    if (this.cur.peek() === ')') {
      this.cur.pos++;
      if (!atStart) this.cur.error('global flags not at the start of the expression', start);
      return 'none';
    }
    if (this.cur.peek() === '-') {
      this.cur.pos++;
      while (this.cur.peek() !== undefined && INLINE_FLAGS[this.cur.peek()!] !== undefined) {
        const f = INLINE_FLAGS[this.cur.take()!]!;
        if (f & (FLAGS.ASCII | FLAGS.UNICODE | FLAGS.LOCALE)) {
          this.cur.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", this.cur.pos);
        }
        remove |= f;
      }
      if (remove === 0) this.cur.error('missing flag', this.cur.pos);
      if (add & remove) this.cur.error('bad inline flags: flag turned on and off', this.cur.pos);
    }
    if (this.cur.peek() !== ':') {
      return this.cur.error(this.cur.peek() === undefined ? 'missing -, : or )' : 'unknown flag', this.cur.pos);
    }
    this.cur.pos++;
    if (add & FLAGS.ASCII && !this.ascii) this.cur.error('scoped ASCII flag (?a:...) is not supported', start);
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
    if (next.ignoreCase !== this.globalIgnoreCase && !this.expandCase) throw new NeedsCaseExpansion();
    this.scope = next;
    this.out.push('(?:');
    this.alternation(false);
    this.scope = saved;
    if (this.cur.peek() !== ')') this.cur.error('missing ), unterminated subpattern', start);
    this.cur.pos++;
    this.out.push(')');
    return 'atom';
  }

  private quantifier(atomStart: number, kind: 'atom' | 'anchor'): void {
    const qPos = this.cur.pos;
    const c = this.cur.peek();
    let text: string;
    if (c === '*' || c === '+' || c === '?') {
      this.cur.pos++;
      text = c;
    } else if (c === '{') {
      this.cur.pos++;
      const q = braceQuantifier(this.cur);
      if (q === null) {
        this.cur.pos = qPos;
        return;
      }
      text = q.max === Infinity ? `{${q.min},}` : q.min === q.max ? `{${q.min}}` : `{${q.min},${q.max}}`;
    } else {
      return;
    }
    if (kind === 'anchor') this.cur.error('nothing to repeat', qPos);
    let possessive = false;
    if (this.cur.peek() === '?') {
      this.cur.pos++;
      text += '?';
    } else if (this.cur.peek() === '+') {
      this.cur.pos++;
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
    const n = this.cur.peek();
    if (n === '*' || n === '+' || n === '?' || (n === '{' && this.isBraceQuantifierAhead())) {
      this.cur.error('multiple repeat', this.cur.pos);
    }
  }

  private isBraceQuantifierAhead(): boolean {
    const here = this.cur.pos;
    this.cur.pos++;
    const q = braceQuantifier(this.cur);
    this.cur.pos = here;
    return q !== null;
  }

  /** An escape outside a character class. */
  private escape(start: number): 'atom' | 'anchor' {
    const c = this.cur.take();
    if (c === undefined) this.cur.error('bad escape (end of pattern)', start);
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
    this.out.push(literalText(charEscape(this.cur, start, c, false), this.fold));
    return 'atom';
  }

  private backreference(n: number, start: number): void {
    if (this.fold) {
      this.cur.error(
        'a backreference in a case-insensitive part of a pattern that also has case-sensitive parts is not supported',
        start,
      );
    }
    this.out.push({ ref: n });
  }

  /** `\1`..`\99` (group reference) or a three-digit octal escape. */
  private groupReference(start: number, first: string): 'atom' {
    let digits = first;
    if (isDigit(this.cur.peek())) {
      digits += this.cur.take();
      if (isOctal(digits[0]) && isOctal(digits[1]) && isOctal(this.cur.peek())) {
        digits += this.cur.take();
        const v = parseInt(digits, 8);
        if (v > 0o377) this.cur.error(`octal escape value \\${digits} outside of range 0-0o377`, start);
        this.out.push(literalText(v, this.fold));
        return 'atom';
      }
    }
    const n = Number(digits);
    if (n > this.groups) this.cur.error(`invalid group reference ${n}`, start + 1);
    if (this.closedAt[n] === -1) this.cur.error('cannot refer to an open group', start);
    this.backreference(n, start);
    return 'atom';
  }
}

/** Translates a Python pattern with Python flags; throws RegexSyntaxError. */
export function translatePattern(pattern: string, flags: number): TranslatedPattern {
  try {
    return new Translator(pattern, flags, false).run();
  } catch (e) {
    if (e instanceof NeedsCaseExpansion) return new Translator(pattern, flags, true).run();
    throw e;
  }
}
