/** Minimal timing helpers for the bench (no dependencies). */

/** Steps per second of one timed round, by wall clock and by process CPU time. */
export interface Rate {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * Run `step` repeatedly for about `ms` milliseconds of wall time; return steps per second by wall clock
 * and by CPU time of the whole process (GC helper threads included). On a loaded machine the CPU
 * figure is the steadier one.
 */
export function rate(step: () => void, ms: number): Rate {
  let count = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    step();
    count++;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { wall: (count * 1000) / (now - start), cpu: count / cpuSeconds };
}

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : 0.5 * (s[mid - 1]! + s[mid]!);
}

/** Format a rate such as `1234.5` as `"1,235/s"`. */
export function perSecond(r: number): string {
  return `${Math.round(r).toLocaleString("en-US")}/s`;
}
