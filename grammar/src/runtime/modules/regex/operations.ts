// The matching operations shared by the `regex` module functions and Pattern methods: search,
// match, fullmatch, findall, finditer, split, sub/subn, count. Python semantics, code-point positions.
import { MLTuple, type Value } from '../../values.js';
import { callValue, pyTypeName, raise } from '../../ops.js';
import { absent, intArg, strArg } from '../util.js';
import type { CompiledRegex } from './compile.js';
import { MatchObject } from './match.js';
import { Subject, clampPosition } from './subject.js';
import { fillTemplate, parseTemplate } from './template.js';

/** The text to search (cut at `endpos`) and the UTF-16 position to start from (`pos`). */
export interface Window {
  readonly subject: Subject;
  readonly from: number;
}

/** Applies Python's `pos`/`endpos` arguments: clamped to the text, endpos cuts the text short. */
export function window(textArg: Value | undefined, pos?: Value, endpos?: Value): Window {
  const text = strArg(textArg, 'string');
  let subject = new Subject(text);
  if (!absent(endpos)) {
    const e = clampPosition(intArg(endpos, 'endpos'), subject.length);
    if (e < subject.length) subject = new Subject(text.slice(0, subject.toUnit(e)));
  }
  const p = absent(pos) ? 0 : clampPosition(intArg(pos, 'pos'), subject.length);
  return { subject, from: subject.toUnit(p) };
}

export type MatchMode = 'search' | 'match' | 'fullmatch';

/** One match in the given mode, or null. */
export function matchOnce(c: CompiledRegex, w: Window, mode: MatchMode): MatchObject | null {
  const m =
    mode === 'search'
      ? c.search(w.subject, w.from)
      : mode === 'match'
        ? c.matchAt(w.subject, w.from)
        : c.fullMatchAt(w.subject, w.from);
  return m === null ? null : new MatchObject(c, w.subject, m);
}

/** All non-overlapping matches as Match objects (finditer). */
export function findIter(c: CompiledRegex, w: Window): MatchObject[] {
  const out: MatchObject[] = [];
  for (const m of c.all(w.subject, w.from)) out.push(new MatchObject(c, w.subject, m));
  return out;
}

/** Python's findall: whole matches, the single group, or a tuple of all groups ('' when unmatched). */
export function findAll(c: CompiledRegex, w: Window): Value[] {
  const groups = c.info.groups;
  const out: Value[] = [];
  for (const m of c.all(w.subject, w.from)) {
    const match = new MatchObject(c, w.subject, m);
    if (groups === 0) out.push(match.text(0)!);
    else if (groups === 1) out.push(match.text(1) ?? '');
    else out.push(new MLTuple(match.groupList('')));
  }
  return out;
}

/** Number of non-overlapping matches. */
export function countMatches(c: CompiledRegex, w: Window): number {
  let n = 0;
  for (const _ of c.all(w.subject, w.from)) n++;
  return n;
}

/** Python's re.split: pieces between matches, with the groups of each match in between. */
export function split(c: CompiledRegex, textArg: Value | undefined, maxsplitArg: Value | undefined): Value[] {
  const text = strArg(textArg, 'string');
  const maxsplit = absent(maxsplitArg) ? 0 : intArg(maxsplitArg, 'maxsplit');
  if (maxsplit < 0) return [text];
  const subject = new Subject(text);
  const out: Value[] = [];
  let last = 0;
  let n = 0;
  for (const m of c.all(subject, 0)) {
    if (maxsplit > 0 && n >= maxsplit) break;
    const match = new MatchObject(c, subject, m);
    out.push(text.slice(last, match.unitStart));
    for (const g of match.groupList(null)) out.push(g);
    last = match.unitEnd;
    n++;
  }
  out.push(text.slice(last));
  return out;
}

/** Python's re.subn: the new text and the number of replacements. */
export function substitute(
  c: CompiledRegex,
  repl: Value | undefined,
  textArg: Value | undefined,
  countArg: Value | undefined,
): [string, number] {
  const text = strArg(textArg, 'string');
  const limit = absent(countArg) ? 0 : intArg(countArg, 'count');
  if (limit < 0) return [text, 0];
  let replace: (m: MatchObject) => string;
  if (typeof repl === 'function') {
    replace = (m) => {
      const r = callValue(repl, [m]);
      if (typeof r !== 'string') raise('TypeError', `expected str instance, ${pyTypeName(r)} found`);
      return r;
    };
  } else {
    const template = parseTemplate(strArg(repl, 'replacement'), c.info);
    replace = (m) => fillTemplate(template, (g) => m.text(g));
  }
  const subject = new Subject(text);
  let out = '';
  let last = 0;
  let n = 0;
  for (const m of c.all(subject, 0)) {
    if (limit > 0 && n >= limit) break;
    const match = new MatchObject(c, subject, m);
    out += text.slice(last, match.unitStart) + replace(match);
    last = match.unitEnd;
    n++;
  }
  return [out + text.slice(last), n];
}
