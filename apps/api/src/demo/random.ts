/**
 * Seeded pseudo-random numbers for the demo data. Same seed, same sequence, on every machine:
 * only integer arithmetic (Math.imul, >>>) feeds the generator, never Math.random or the clock.
 */

/** FNV-1a over a string, so a text label (a part's name) can become a 32-bit seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  // sfc32 state: four 32-bit words; passes PractRand far beyond what the demo data draws.
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = "") {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = (seed ^ hashString(stream)) >>> 0;
    // Warm-up: the first outputs of sfc32 still resemble the seed.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** An independent stream for one concern, so adding draws in one part never shifts another. */
  fork(stream: string): Random {
    return new Random(this.nextUint32(), stream);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by relative weight; `[["王", 7.1], ["李", 7.0]]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    return this.weightedTable(items)();
  }

  /** Precomputes the cumulative weights once; for picks repeated thousands of times. */
  weightedTable<T>(items: readonly (readonly [T, number])[]): () => T {
    const cumulative: number[] = [];
    let total = 0;
    for (const [, w] of items) cumulative.push((total += w));
    if (!(total > 0)) throw new RangeError("weighted pick needs a positive total weight");
    return () => {
      const x = this.next() * total;
      // Binary search: the first cumulative weight above x.
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo][0];
    };
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count > items.length) throw new RangeError(`cannot sample ${count} of ${items.length}`);
    return this.shuffle(items.slice()).slice(0, count);
  }

  /**
   * `count` distinct items drawn with probability proportional to `weight` (Efraimidis–Spirakis:
   * each item gets the key -ln(u)/w and the smallest keys win). Items of weight 0 are never drawn.
   */
  weightedSample<T>(items: readonly T[], weight: (item: T) => number, count: number): T[] {
    const keyed: { item: T; key: number }[] = [];
    for (const item of items) {
      const w = weight(item);
      const u = 1 - this.next();
      if (w > 0) keyed.push({ item, key: -Math.log(u) / w });
    }
    if (count > keyed.length) throw new RangeError(`cannot sample ${count} of ${keyed.length} eligible items`);
    keyed.sort((x, y) => x.key - y.key);
    return keyed.slice(0, count).map((k) => k.item);
  }

  /** Roughly log-normal: many small values, a few large ones (donations, investments). */
  logNormal(median: number, spread: number): number {
    // Box–Muller; 1 - next() keeps the logarithm finite.
    const u = 1 - this.next();
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(spread * z);
  }
}
