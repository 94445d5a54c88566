// The ML `Match` class: a successful match, with Python's Match API (group, groups, groupDict, span,
// expand, ...). Positions are code points. Holds no RegExp, only the subject text and group spans.
import { MLNative, type NativeMethodTable, type Value } from '../../values.js';
import { quoteString, raise } from '../../ops.js';
import { method, methodTable } from '../native.js';
import { obj, strArg } from '../util.js';
import type { CompiledRegex } from './compile.js';
import type { Subject } from './subject.js';
import { fillTemplate, parseTemplate } from './template.js';

type Span = readonly [number, number] | undefined;

export class MatchObject extends MLNative {
  readonly typeName = 'Match';
  readonly methods: NativeMethodTable = MATCH_METHODS;
  /** UTF-16 spans by Python group number (index 0: whole match); undefined for a group that did not match. */
  private readonly spans: Span[];

  constructor(
    readonly compiled: CompiledRegex,
    readonly subject: Subject,
    exec: RegExpExecArray,
  ) {
    super();
    const info = compiled.info;
    const indices = exec.indices!;
    this.spans = [];
    for (let g = 0; g <= info.groups; g++) this.spans.push(indices[info.jsGroup[g]!] as Span);
  }

  get groupCount(): number {
    return this.compiled.info.groups;
  }

  /** Resolves a group argument (number or name); IndexError "no such group" otherwise. */
  groupNumber(id: Value | undefined): number {
    if (id === undefined || id === null) return 0;
    const k = typeof id === 'boolean' ? Number(id) : id;
    if (typeof k === 'number' && Number.isInteger(k) && k >= 0 && k <= this.groupCount) return k;
    if (typeof id === 'string') {
      const n = this.compiled.info.groupIndex.get(id);
      if (n !== undefined) return n;
    }
    return raise('IndexError', 'no such group');
  }

  /** Text of group `n`, or null when it did not take part in the match. */
  text(n: number): string | null {
    const s = this.spans[n];
    return s === undefined ? null : this.subject.text.slice(s[0], s[1]);
  }

  start(n: number): number {
    const s = this.spans[n];
    return s === undefined ? -1 : this.subject.toCp(s[0]);
  }

  end(n: number): number {
    const s = this.spans[n];
    return s === undefined ? -1 : this.subject.toCp(s[1]);
  }

  /** UTF-16 end of the whole match (for iteration). */
  get unitEnd(): number {
    return this.spans[0]![1];
  }

  get unitStart(): number {
    return this.spans[0]![0];
  }

  groupList(dflt: Value): Value[] {
    const out: Value[] = [];
    for (let g = 1; g <= this.groupCount; g++) out.push(this.text(g) ?? dflt);
    return out;
  }

  /** Python's lastindex: the matched group that closed last (outer groups close after inner ones). */
  lastIndex(): number | null {
    let best: number | null = null;
    for (let g = 1; g <= this.groupCount; g++) {
      const s = this.spans[g];
      if (s === undefined) continue;
      const b = best === null ? undefined : this.spans[best]!;
      if (
        b === undefined ||
        s[1] > b[1] ||
        (s[1] === b[1] && this.compiled.info.closeOrder[g]! > this.compiled.info.closeOrder[best!]!)
      ) {
        best = g;
      }
    }
    return best;
  }

  expand(template: string): string {
    return fillTemplate(parseTemplate(template, this.compiled.info), (n) => this.text(n));
  }

  override toMLString(): string {
    return `<re.Match object; span=(${this.start(0)}, ${this.end(0)}), match=${quoteString(this.text(0)!)}>`;
  }
}

const isMatch = (v: unknown): v is MatchObject => v instanceof MatchObject;

const MATCH_METHODS: NativeMethodTable = methodTable<MatchObject>('Match', isMatch, {
  group: method(0, 1, (m, id) => m.text(m.groupNumber(id))),
  groups: method(0, 1, (m, dflt) => m.groupList(dflt ?? null)),
  groupDict: method(0, 1, (m, dflt) => {
    const entries: [string, Value][] = [];
    for (const [name, n] of m.compiled.info.groupIndex) entries.push([name, m.text(n) ?? dflt ?? null]);
    return obj(entries);
  }),
  start: method(0, 1, (m, g) => m.start(m.groupNumber(g))),
  end: method(0, 1, (m, g) => m.end(m.groupNumber(g))),
  span: method(0, 1, (m, g) => {
    const n = m.groupNumber(g);
    return [m.start(n), m.end(n)];
  }),
  value: method(0, 0, (m) => m.text(0)),
  lastGroup: method(0, 0, (m) => {
    const n = m.lastIndex();
    return n === null ? null : (m.compiled.info.groupNames[n] ?? null);
  }),
  groupCount: method(0, 0, (m) => m.groupCount),
  expand: method(1, 1, (m, t) => m.expand(strArg(t, 'template'))),
  toString: method(0, 0, (m: MatchObject) => m.toMLString()),
});
