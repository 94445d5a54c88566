// Maps between JavaScript string positions (UTF-16 units) and ML/Python positions (code points) for
// a string being searched. Strings without surrogates (the common case) need no tables.

export class Subject {
  /** Length in code points. */
  readonly length: number;
  private readonly simple: boolean;
  private cpAt: Int32Array | null = null;
  private unitAt: Int32Array | null = null;

  constructor(readonly text: string) {
    this.simple = !/[\uD800-\uDFFF]/.test(text);
    this.length = this.simple ? text.length : Array.from(text).length;
  }

  /** Code-point position of a UTF-16 position (which always lies on a code point boundary here). */
  toCp(unit: number): number {
    if (this.simple) return unit;
    this.build();
    return this.cpAt![unit]!;
  }

  /** UTF-16 position of a code-point position in 0..length. */
  toUnit(cp: number): number {
    if (this.simple) return cp;
    this.build();
    return this.unitAt![cp]!;
  }

  /** UTF-16 width of the code point starting at `unit` (1 at the end, so searches still advance). */
  widthAt(unit: number): number {
    const c = this.text.charCodeAt(unit);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = this.text.charCodeAt(unit + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return 2;
    }
    return 1;
  }

  private build(): void {
    if (this.cpAt !== null) return;
    const t = this.text;
    const cpAt = new Int32Array(t.length + 1);
    const unitAt = new Int32Array(this.length + 1);
    let cp = 0;
    for (let u = 0; u < t.length;) {
      const w = this.widthAt(u);
      cpAt[u] = cp;
      if (w === 2) cpAt[u + 1] = cp;
      unitAt[cp] = u;
      u += w;
      cp++;
    }
    cpAt[t.length] = cp;
    unitAt[cp] = t.length;
    this.cpAt = cpAt;
    this.unitAt = unitAt;
  }
}

/** Python's clamping of `pos`/`endpos` arguments to 0..length. */
export function clampPosition(p: number, length: number): number {
  return p < 0 ? 0 : p > length ? length : p;
}
