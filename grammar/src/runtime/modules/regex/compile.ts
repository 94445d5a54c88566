// Compiles a Python pattern once into the three JavaScript RegExps the module needs (search, anchored
// match, full match) and runs them on a Subject. Translation errors become Python-style ValueErrors.
import { raise } from '../../ops.js';
import { RegexSyntaxError, translatePattern, type TranslatedPattern } from './translate.js';
import type { Subject } from './subject.js';

/** A pattern ready to run. RegExp objects are private: ML code never sees them. */
export class CompiledRegex {
  private readonly searchRe: RegExp;
  private readonly stickyRe: RegExp;
  private readonly fullRe: RegExp;
  private readonly nonEmptyRe: RegExp | null;

  constructor(
    readonly pattern: string,
    readonly info: TranslatedPattern,
  ) {
    const base = info.ignoreCase ? 'dvi' : 'dv';
    this.searchRe = new RegExp(info.source, base + 'g');
    this.stickyRe = new RegExp(info.source, base + 'y');
    this.fullRe = new RegExp(`(?:${info.source})(?![\\s\\S])`, base + 'y');
    this.nonEmptyRe = info.nonEmptySource === null ? null : new RegExp(info.nonEmptySource, base + 'y');
  }

  /** First match at or after UTF-16 position `from`. */
  search(subject: Subject, from: number): RegExpExecArray | null {
    return run(this.searchRe, subject.text, from);
  }

  /** A match starting exactly at `at`. */
  matchAt(subject: Subject, at: number): RegExpExecArray | null {
    return run(this.stickyRe, subject.text, at);
  }

  /** A match starting at `at` and reaching the end of the subject. */
  fullMatchAt(subject: Subject, at: number): RegExpExecArray | null {
    return run(this.fullRe, subject.text, at);
  }

  /**
   * The first non-empty match starting exactly at `at`, in the pattern's order of preference
   * (null if there is none, or when the pattern cannot prefer an empty match to a non-empty one).
   */
  nonEmptyAt(subject: Subject, at: number): RegExpExecArray | null {
    if (this.nonEmptyRe === null) return null;
    // The retry pattern always matches: the empty string when no non-empty match starts here.
    const m = run(this.nonEmptyRe, subject.text, at);
    return m === null || m[0].length === 0 ? null : m;
  }

  /**
   * Successive non-overlapping matches from `from`, as Python 3.7+ finditer produces them: after
   * an empty match, the next match may start at the same position if it is not empty (`|a` finds
   * '', 'a', '' in "a"); otherwise the search resumes one code point further.
   */
  *all(subject: Subject, from: number): Generator<RegExpExecArray> {
    const length = subject.text.length;
    let at = from;
    let mustAdvance = false;
    while (at <= length) {
      let m: RegExpExecArray | null = mustAdvance ? this.nonEmptyAt(subject, at) : this.search(subject, at);
      if (m === null && mustAdvance) {
        at += subject.widthAt(at);
        if (at > length) return;
        m = this.search(subject, at);
      }
      if (m === null) return;
      yield m;
      at = m.index + m[0].length;
      mustAdvance = m[0].length === 0;
    }
  }
}

function run(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Translates and compiles, raising ValueError with Python's message ("... at position N"). */
export function compileRegex(pattern: string, flags: number): CompiledRegex {
  let info: TranslatedPattern;
  try {
    info = translatePattern(pattern, flags);
  } catch (e) {
    if (e instanceof RegexSyntaxError) {
      raise('ValueError', e.position < 0 ? e.message : `${e.message} at position ${e.position}`);
    }
    throw e;
  }
  try {
    return new CompiledRegex(pattern, info);
  } catch (e) {
    // The translator emits only valid syntax; an engine refusal (e.g. a too-large pattern) is still
    // reported as a pattern error rather than escaping as a JavaScript exception.
    if (e instanceof SyntaxError) raise('ValueError', 'pattern cannot be compiled');
    throw e;
  }
}
