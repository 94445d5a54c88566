// Translates a Python `re` pattern into JavaScript RegExp source (for the `v` flag) with the same
// meaning, or rejects it with Python's error message and position. Never builds a RegExp itself.
import { Cursor, RegexSyntaxError } from './cursor.js';
import { charClass, charEscape, literalText } from './escapes.js';
import { assemble, braceQuantifier, leadingGlobalFlags, type Part } from './structure.js';
import { ONE, ZERO, alternativeWidth, repeatWidth, type Width } from './width.js';
import { Participation } from './participation.js';
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
  /**
   * The pattern for Python's retry at the position of an empty match, run sticky there: it finds
   * the first non-empty match in the pattern's own order, or matches '' when there is none (see
   * `nonEmpty`). Same groups as `source`. Null when an empty match is always the pattern's last
   * choice (no alternation, no lazy quantifier), so no retry can succeed.
   */
  readonly nonEmptySource: string | null;
}

/** An atom's kind (an anchor cannot be repeated, 'none' emitted nothing) and its width. */
interface Atom {
  readonly kind: 'atom' | 'anchor' | 'none';
  readonly width: Width;
}

const NONE: Atom = { kind: 'none', width: ZERO };

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
  /** Python group number → width of what it matches (a backreference has the same width). */
  private readonly groupWidth: Width[] = [ZERO];
  /** Groups defined before the lookbehind being translated (null outside lookbehinds). */
  private lookbehindGroups: number | null = null;
  /** Whether an empty match can be preferred over a non-empty one (see nonEmptySource). */
  private mayPreferEmpty = false;
  /** Which constructs may be skipped, to find references that need a guard. */
  private readonly part = new Participation();
  /** Groups with a reference that may run when the group has not matched. */
  private readonly guarded = new Set<number>();
  /** Python raises this only once the whole pattern has parsed (sre_compile, not sre_parse). */
  private deferred: RegexSyntaxError | null = null;
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
    if (this.deferred) throw this.deferred;
    const { source, jsGroup } = assemble(this.out, this.guarded);
    return {
      source,
      nonEmptySource: this.mayPreferEmpty ? nonEmpty(source) : null,
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

  /** Emits alternatives separated by `|`; returns the width range of what they match. */
  private alternation(topLevel: boolean): Width {
    let width = this.sequence(topLevel);
    for (;;) {
      if (this.cur.peek() !== '|') return width;
      this.cur.pos++;
      this.out.push('|');
      this.part.alternative();
      this.mayPreferEmpty = true;
      width = alternativeWidth(width, this.sequence(false));
    }
  }

  private sequence(atStart: boolean): Width {
    let items = 0;
    let lo = 0;
    let hi = 0;
    for (;;) {
      this.skipVerbose();
      const c = this.cur.peek();
      if (c === undefined || c === '|' || c === ')') return { lo, hi };
      const atomStart = this.out.length;
      this.part.lastClosed = null;
      const atom = this.atom(atStart && items === 0);
      if (atom.kind === 'none') continue;
      items++;
      this.skipVerbose();
      const construct = this.part.lastClosed;
      const repeat = this.quantifier(atomStart, atom.kind);
      if (repeat !== null && construct !== null) this.part.repeated(construct, repeat.min);
      const w = repeat === null ? atom.width : repeatWidth(atom.width, repeat.min, repeat.max);
      lo += w.lo;
      hi += w.hi;
    }
  }

  /** Emits one atom. */
  private atom(atStart: boolean): Atom {
    const start = this.cur.pos;
    const c = this.cur.take()!;
    switch (c) {
      case '(':
        return this.group(start, atStart);
      case '[':
        this.out.push(charClass(this.cur, start, this.ascii, this.fold));
        return { kind: 'atom', width: ONE };
      case '.':
        this.out.push(this.scope.dotAll ? ANCHORS.anyChar : ANCHORS.anyButNewline);
        return { kind: 'atom', width: ONE };
      case '^':
        this.out.push(this.scope.multiline ? ANCHORS.startOfLine : ANCHORS.startOfText);
        return { kind: 'anchor', width: ZERO };
      case '$':
        this.out.push(this.scope.multiline ? ANCHORS.endOfLine : ANCHORS.endOrFinalNewline);
        return { kind: 'anchor', width: ZERO };
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
        return { kind: 'atom', width: ONE };
      default:
        this.out.push(literalText(c.codePointAt(0)!, this.fold));
        return { kind: 'atom', width: ONE };
    }
  }

  private group(start: number, atStart: boolean): Atom {
    if (this.cur.peek() !== '?') {
      const n = this.openGroup(null);
      const width = this.alternation(false);
      this.closeGroup(n, start, width);
      return { kind: 'atom', width };
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
        const width = this.alternation(false);
        this.closeGroup(n, start, width);
        return { kind: 'atom', width };
      }
      if (d === '=') {
        const nameAt = this.cur.pos;
        const name = this.groupName(')');
        const n = this.names.get(name);
        if (n === undefined) this.cur.error(`unknown group name '${name}'`, nameAt);
        if (this.closedAt[n] === -1) this.cur.error('cannot refer to an open group', nameAt);
        return this.backreference(n, start);
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
      return NONE;
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
    this.part.enterGroup(n);
    return n;
  }

  private closeGroup(n: number, start: number, width: Width): void {
    if (this.cur.peek() !== ')') this.cur.error('missing ), unterminated subpattern', start);
    this.closedAt[n] = this.cur.pos;
    this.groupWidth[n] = width;
    this.cur.pos++;
    this.out.push(')', { marker: n });
    this.part.leave();
  }

  /**
   * A non-capturing construct: `(?:`, lookahead and lookbehind. Like Python, a lookbehind must
   * match a fixed width (JavaScript would accept any width and so change the pattern's meaning).
   */
  private wrapped(open: string, start: number): Atom {
    const behind = open.startsWith('(?<');
    const outer = this.lookbehindGroups;
    if (behind && outer === null) this.lookbehindGroups = this.groups;
    this.out.push(open);
    this.part.enter(open.endsWith('!'));
    const width = this.alternation(false);
    this.lookbehindGroups = outer;
    if (this.cur.peek() !== ')') this.cur.error('missing ), unterminated subpattern', start);
    this.cur.pos++;
    this.out.push(')');
    this.part.leave();
    if (behind && width.lo !== width.hi) {
      this.deferred ??= new RegexSyntaxError('look-behind requires fixed-width pattern', -1);
    }
    return { kind: 'atom', width: open === '(?:' ? width : ZERO };
  }

  /** `(?>...)`: emulated as a lookahead capturing the text, then a backreference to it. */
  private atomic(start: number): Atom {
    const id = --this.synthetic;
    this.out.push('(?=', { open: id });
    this.part.enter();
    const width = this.alternation(false);
    if (this.cur.peek() !== ')') this.cur.error('missing ), unterminated subpattern', start);
    this.cur.pos++;
    this.out.push('))', { ref: id });
    this.part.leave();
    return { kind: 'atom', width };
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
  private inlineFlags(start: number, atStart: boolean): Atom {
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
      return NONE;
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
    this.part.enter();
    const width = this.alternation(false);
    this.scope = saved;
    if (this.cur.peek() !== ')') this.cur.error('missing ), unterminated subpattern', start);
    this.cur.pos++;
    this.out.push(')');
    this.part.leave();
    return { kind: 'atom', width };
  }

  /** Emits the quantifier after an atom, if any, and returns its repeat range. */
  private quantifier(atomStart: number, kind: 'atom' | 'anchor'): { min: number; max: number } | null {
    const qPos = this.cur.pos;
    const c = this.cur.peek();
    let text: string;
    let range: { min: number; max: number };
    if (c === '*' || c === '+' || c === '?') {
      this.cur.pos++;
      text = c;
      range = { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity };
    } else if (c === '{') {
      this.cur.pos++;
      const q = braceQuantifier(this.cur);
      if (q === null) {
        this.cur.pos = qPos;
        return null;
      }
      text = q.max === Infinity ? `{${q.min},}` : q.min === q.max ? `{${q.min}}` : `{${q.min},${q.max}}`;
      range = q;
    } else {
      return null;
    }
    if (kind === 'anchor') this.cur.error('nothing to repeat', qPos);
    let possessive = false;
    if (this.cur.peek() === '?') {
      this.cur.pos++;
      text += '?';
      this.mayPreferEmpty = true;
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
    return range;
  }

  private isBraceQuantifierAhead(): boolean {
    const here = this.cur.pos;
    this.cur.pos++;
    const q = braceQuantifier(this.cur);
    this.cur.pos = here;
    return q !== null;
  }

  /** An escape outside a character class. */
  private escape(start: number): Atom {
    const c = this.cur.take();
    if (c === undefined) this.cur.error('bad escape (end of pattern)', start);
    switch (c) {
      case 'A':
        this.out.push(ANCHORS.startOfText);
        return { kind: 'anchor', width: ZERO };
      case 'Z':
        this.out.push(ANCHORS.endOfText);
        return { kind: 'anchor', width: ZERO };
      case 'b':
      case 'B':
        this.out.push(wordBoundary(c === 'B', this.ascii));
        return { kind: 'anchor', width: ZERO };
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
        this.out.push(classEscape(c, this.ascii));
        return { kind: 'atom', width: ONE };
    }
    if (isDigit(c) && c !== '0') return this.groupReference(start, c);
    this.out.push(literalText(charEscape(this.cur, start, c, false), this.fold));
    return { kind: 'atom', width: ONE };
  }

  /** A reference to group `n` (`\\n` or `(?P=name)` starting at `start`), just read. */
  private backreference(n: number, start: number): Atom {
    if (this.lookbehindGroups !== null && n > this.lookbehindGroups) {
      this.cur.error('cannot refer to group defined in the same lookbehind subpattern');
    }
    if (this.fold) {
      this.cur.error(
        'a backreference in a case-insensitive part of a pattern that also has case-sensitive parts is not supported',
        start,
      );
    }
    if (this.part.mayBeUnset(n, this.groupWidth[n]!.lo === 0)) {
      // Python fails a reference to a group that did not match; JavaScript would match ''.
      this.guarded.add(n);
      this.out.push({ guard: n });
    }
    this.out.push({ ref: n });
    return { kind: 'atom', width: this.groupWidth[n]! };
  }

  /** `\\1`..`\\99` (group reference) or a three-digit octal escape. */
  private groupReference(start: number, first: string): Atom {
    let digits = first;
    if (isDigit(this.cur.peek())) {
      digits += this.cur.take();
      if (isOctal(digits[0]) && isOctal(digits[1]) && isOctal(this.cur.peek())) {
        digits += this.cur.take();
        const v = parseInt(digits, 8);
        if (v > 0o377) this.cur.error(`octal escape value \\${digits} outside of range 0-0o377`, start);
        this.out.push(literalText(v, this.fold));
        return { kind: 'atom', width: ONE };
      }
    }
    const n = Number(digits);
    if (n > this.groups) this.cur.error(`invalid group reference ${n}`, start + 1);
    if (this.closedAt[n] === -1) this.cur.error('cannot refer to an open group', start);
    return this.backreference(n, start);
  }
}

/**
 * The retry pattern (Python 3.7+ finditer/sub: after an empty match, a non-empty one may start at
 * the same position). Python backtracks through the pattern and rejects each candidate that ends
 * where it started. JavaScript's `?` does exactly that to an iteration (ECMA-262 RepeatMatcher: with
 * a minimum of zero, an iteration that matches the empty string fails and the body backtracks), so
 * `(?:P)?` finds the first non-empty match of P in P's order, and otherwise takes zero iterations
 * (an empty match, which the caller reads as "none"). The check is constant-time: the retry costs
 * what Python's does, where a test "the match has advanced" made of captures would need a pass over
 * the rest of the text.
 */
function nonEmpty(source: string): string {
  return `(?:${source})?`;
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
