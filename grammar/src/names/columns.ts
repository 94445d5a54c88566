// Growable columns of 32-bit integers for the name-resolution passes: per-occurrence facts kept off
// the JS heap (no garbage from array growth, nothing for the GC to scan). Data structure only.

export class IntColumn {
  private data = new Int32Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }
}
