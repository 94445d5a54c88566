// MT19937 seeded the way CPython seeds it, with CPython's derived draws (random(), getrandbits,
// randbelow, gauss, normalvariate, shuffle, sample), so a seeded ML program repeats Python's numbers.
import { raise } from '../../ops.js';

const N = 624;
const M = 397;

export class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;
  private gaussNext: number | null = null;

  constructor(seed: bigint) {
    this.seed(seed);
  }

  /** random.seed(int): init_by_array over the 32-bit words of |seed|, least significant first. */
  seed(seed: bigint): void {
    let n = seed < 0n ? -seed : seed;
    const key: number[] = [];
    do {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    } while (n > 0n);
    this.initGenrand(19650218);
    const mt = this.mt;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.gaussNext = null;
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  /** The next 32-bit output. */
  next32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % N]! & 0x7fffffff);
        mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random.random(): 53 random bits in [0, 1). */
  random(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** random.getrandbits(k). */
  getrandbits(k: number): bigint {
    if (k <= 32) return BigInt(k === 0 ? 0 : this.next32() >>> (32 - k));
    let r = 0n;
    let shift = 0n;
    let left = k;
    while (left > 0) {
      let w = this.next32();
      if (left < 32) w >>>= 32 - left;
      r |= BigInt(w) << shift;
      shift += 32n;
      left -= 32;
    }
    return r;
  }

  /** A uniform integer in [0, n) for n > 0, by rejection as CPython does. */
  randbelow(n: bigint): bigint {
    const k = n.toString(2).length;
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  below(n: number): number {
    return Number(this.randbelow(BigInt(n)));
  }

  gauss(mu: number, sigma: number): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * 2 * Math.PI;
      const g2rad = Math.sqrt(-2 * Math.log(1 - this.random()));
      z = Math.cos(x2pi) * g2rad;
      this.gaussNext = Math.sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  normalvariate(mu: number, sigma: number): number {
    const magic = (4 * Math.exp(-0.5)) / Math.sqrt(2);
    for (;;) {
      const u1 = this.random();
      const u2 = 1 - this.random();
      const z = (magic * (u1 - 0.5)) / u2;
      if ((z * z) / 4 <= -Math.log(u2)) return mu + z * sigma;
    }
  }

  triangular(low: number, high: number, mode: number | null): number {
    let u = this.random();
    if (high === low) return low;
    let c = mode === null ? 0.5 : (mode - low) / (high - low);
    let [lo, hi] = [low, high];
    if (u > c) {
      u = 1 - u;
      c = 1 - c;
      [lo, hi] = [hi, lo];
    }
    return lo + (hi - lo) * Math.sqrt(u * c);
  }

  /** random.shuffle on a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const x = [...items];
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      [x[i], x[j]] = [x[j]!, x[i]!];
    }
    return x;
  }

  /**
   * random.sample(population, k) over the population item `at(i)` for i < n, with CPython's choice
   * between a pool (small populations) and a set of picked indexes (large ones).
   */
  sample<T>(n: number, at: (i: number) => T, k: number): T[] {
    if (k < 0 || k > n) raise('ValueError', 'Sample larger than population or is negative');
    const result: T[] = [];
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = Array.from({ length: n }, (_, i) => at(i));
      for (let i = 0; i < k; i++) {
        const j = this.below(n - i);
        result.push(pool[j]!);
        pool[j] = pool[n - i - 1]!;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.below(n);
        while (selected.has(j)) j = this.below(n);
        selected.add(j);
        result.push(at(j));
      }
    }
    return result;
  }
}
