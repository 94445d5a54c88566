// Decides, while a pattern is translated, whether a backreference can run when its group has not
// matched (an optional group, another alternative, a negative lookaround). Python fails such a
// backreference; JavaScript lets it match the empty string, so only those references get a guard.

interface Frame {
  /** An alternation, a quantifier that allows zero repeats, or a negative lookaround. */
  optional: boolean;
  /** Only the quantifier of the construct itself (for the group's own frame). */
  skippable: boolean;
  /** Alternative being translated (0 for the first). */
  branch: number;
}

/** Where a group sits: the frames around it with the alternative each was in, then its own frame. */
interface GroupSite {
  readonly outer: readonly { readonly frame: number; readonly branch: number }[];
  readonly own: number;
}

export class Participation {
  private readonly frames: Frame[] = [{ optional: false, skippable: false, branch: 0 }];
  private readonly stack: number[] = [0];
  private readonly groups = new Map<number, GroupSite>();
  /** The outermost construct closed by the last atom (the one a quantifier applies to). */
  lastClosed: number | null = null;

  /** A construct opens (a group, `(?:`, a lookaround, an atomic or inline-flag group). */
  enter(negative = false): number {
    const id = this.frames.length;
    this.frames.push({ optional: negative, skippable: false, branch: 0 });
    this.stack.push(id);
    return id;
  }

  /** Capture group `n` opens (call instead of enter). */
  enterGroup(n: number): void {
    const outer = this.stack.map((frame) => ({ frame, branch: this.frames[frame]!.branch }));
    this.groups.set(n, { outer, own: this.enter() });
  }

  leave(): void {
    this.lastClosed = this.stack.pop()!;
  }

  /** A `|` in the innermost open construct. */
  alternative(): void {
    const f = this.frames[this.stack[this.stack.length - 1]!]!;
    f.optional = true;
    f.branch++;
  }

  /** The last closed construct was quantified with at least `min` repeats. */
  repeated(frame: number, min: number): void {
    if (min > 0) return;
    this.frames[frame]!.optional = true;
    this.frames[frame]!.skippable = true;
  }

  /**
   * Whether group `n` (closed) may not have matched when a reference at the current point runs.
   * A group that can match the empty string is taken as matched even under `?` or `*`: JavaScript
   * drops a repetition that matched nothing (leaving the group unset) where Python sets it to ''.
   */
  mayBeUnset(n: number, canBeEmpty: boolean): boolean {
    const site = this.groups.get(n)!;
    if (this.frames[site.own]!.skippable && !canBeEmpty) return true;
    let k = 0;
    while (k < site.outer.length && site.outer[k]!.frame === this.stack[k]) k++;
    // The innermost construct around both: the reference must be in the group's alternative.
    const common = site.outer[k - 1]!;
    if (this.frames[common.frame]!.branch !== common.branch) return true;
    for (let i = k; i < site.outer.length; i++) if (this.frames[site.outer[i]!.frame]!.optional) return true;
    return false;
  }
}
