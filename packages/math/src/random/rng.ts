/**
 * A seeded source of randomness. Every random draw in the course goes through one of these, so a run
 * can be replayed from its seed on any machine.
 */
export interface Rng {
  /** Uniform in [0, 1), 53 random bits (two generator outputs). */
  uniform(): number;
  /** Normal with the given mean (default 0) and standard deviation (default 1); Box–Muller. */
  normal(mean?: number, std?: number): number;
  /** Uniform integer in [0, n); `n` a positive integer ≤ 2³². Unbiased (rejection sampling). */
  int(n: number): number;
  /** A new array holding a uniformly random permutation of `xs` (Fisher–Yates); `xs` is untouched. */
  shuffle<T>(xs: readonly T[]): T[];
  /** `k` distinct elements of `xs` (without replacement) in random order; `k ≤ xs.length`. */
  sample<T>(xs: readonly T[], k: number): T[];
  /** `n` independent draws from N(0, std²) (std defaults to 1). */
  normalVector(n: number, std?: number): number[];
  /** `n` independent draws uniform in [low, high) (defaults 0 and 1). */
  uniformVector(n: number, low?: number, high?: number): number[];
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/**
 * splitmix32: a tiny integer hash stream used only to spread a seed over the generator state, so that
 * nearby seeds (0, 1, 2…) start from unrelated states.
 */
function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, PractRand-clean): only
 * 32-bit integer operations (`Math.imul`-free adds, shifts, xors with `| 0`), so every JavaScript engine
 * produces the same bits. Floating point appears only when converting outputs, and those conversions
 * are exact, so the floats agree bit for bit across machines too.
 */
function sfc32(a: number, b: number, c: number): () => number {
  let d = 1;
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

function checkCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${name}: n must be a non-negative integer (got ${n})`);
}

/**
 * Creates a seeded random number generator.
 *
 * Algorithm: the seed (an integer up to ±2⁵³) is split into its low and high 32-bit words, hashed with
 * splitmix32 into the three state words of sfc32, and the generator is warmed up by 12 outputs
 * (the author's recommendation). `uniform` combines two outputs into 53 bits; `normal` is Box–Muller
 * and always consumes exactly two uniforms (no cached spare), so the position in the stream depends
 * only on how many draws were made.
 *
 * @param seed any integer; the same seed gives the same stream everywhere.
 * @throws RangeError when `seed` is not an integer.
 * @example
 * const rng = createRng(42);
 * const w = rng.normalVector(3, 0.5); // same three numbers on every machine
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`createRng: seed must be an integer (got ${seed})`);
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  const mix = splitmix32(low ^ Math.imul(high, 0x85ebca6b));
  const next = sfc32(mix(), mix(), mix());
  for (let i = 0; i < 12; i++) next();

  const uniform = (): number => ((next() >>> 5) * 67108864 + (next() >>> 6)) / TWO_POW_53;
  const normal = (mean = 0, std = 1): number => {
    const u1 = 1 - uniform(); // (0, 1]: log stays finite
    const u2 = uniform();
    return mean + std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0 || n > TWO_POW_32) {
      throw new RangeError(`int: n must be an integer in [1, 2^32] (got ${n})`);
    }
    // Reject the top partial block of 2³² so every residue is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let r = next();
    while (r >= limit) r = next();
    return r % n;
  };
  const sample = <T>(xs: readonly T[], k: number): T[] => {
    if (!Number.isInteger(k) || k < 0 || k > xs.length) {
      throw new RangeError(`sample: k must be an integer in [0, ${xs.length}] (got ${k})`);
    }
    // Partial Fisher–Yates: the first k slots of a shuffled copy.
    const out = xs.slice();
    for (let i = 0; i < k; i++) {
      const j = i + int(out.length - i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    out.length = k;
    return out;
  };
  return {
    uniform,
    normal,
    int,
    shuffle: <T>(xs: readonly T[]): T[] => sample(xs, xs.length),
    sample,
    normalVector(n: number, std = 1): number[] {
      checkCount("normalVector", n);
      return Array.from({ length: n }, () => normal(0, std));
    },
    uniformVector(n: number, low = 0, high = 1): number[] {
      checkCount("uniformVector", n);
      return Array.from({ length: n }, () => low + (high - low) * uniform());
    },
  };
}
