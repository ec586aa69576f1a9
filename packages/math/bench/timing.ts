/** Timing helpers for the bench (no dependencies). */

/**
 * Process CPU seconds per call of `fn`, over one round of about `ms` milliseconds of wall time (at
 * least one call). CPU time rather than wall time because the bench often shares a small machine with
 * other jobs: CPU time counts only the cycles this process got. (It includes GC helper threads.)
 *
 * @example
 * cpuSecondsPerCall(() => Math.sqrt(2), 50);
 */
export function cpuSecondsPerCall(fn: () => unknown, ms: number): number {
  let count = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  do {
    fn();
    count++;
  } while (performance.now() - start < ms);
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1e6 / count;
}

/**
 * Times two implementations in alternating rounds (A, B, A, B, …) so both see the same machine load,
 * after one discarded warm-up round each (the first round otherwise measures the JIT compiler: 6× at
 * n = 10 in a trial). Returns the median time of each and the median of the per-round ratios A/B.
 *
 * @example
 * compare(() => ours(), () => theirs(), 200, 5); // { a: 1.2e-5, b: 2.4e-5, ratio: 0.5 }
 */
export function compare(
  a: () => unknown,
  b: () => unknown,
  ms: number,
  rounds: number,
): { a: number; b: number; ratio: number } {
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  cpuSecondsPerCall(a, ms);
  cpuSecondsPerCall(b, ms);
  for (let r = 0; r < rounds; r++) {
    const ta = cpuSecondsPerCall(a, ms);
    const tb = cpuSecondsPerCall(b, ms);
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}

/**
 * The median of a non-empty list.
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * A duration in readable units: `"12.3 µs"`, `"4.56 ms"`, `"1.20 s"`.
 *
 * @example
 * formatSeconds(0.0000123); // "12.3 µs"
 */
export function formatSeconds(s: number): string {
  if (s < 1e-3) return `${(s * 1e6).toPrecision(3)} µs`;
  if (s < 1) return `${(s * 1e3).toPrecision(3)} ms`;
  return `${s.toPrecision(3)} s`;
}
