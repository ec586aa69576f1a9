/** Why a minimisation loop stopped. */
export type StopReason = "tolerance" | "max-iterations" | "non-finite";

/** What {@link minimize} and `newtonMinimize` return. */
export interface MinimizeResult {
  /** The last iterate. */
  readonly x: number[];
  /** Every iterate, starting with (a copy of) `x0`: `iterations + 1` points. */
  readonly path: number[][];
  /** `f` at every point of `path`. */
  readonly values: number[];
  /** Number of steps taken. */
  readonly iterations: number;
  /** True when the gradient norm reached the tolerance. */
  readonly converged: boolean;
  /**
   * `"tolerance"`: `‖∇f(x)‖₂ ≤ tolerance`; `"max-iterations"`: the budget ran out;
   * `"non-finite"`: `f`, `∇f` or `x` became NaN or ±∞ (the offending point is the last of `path`).
   */
  readonly reason: StopReason;
}

/** `‖v‖₂`. */
export function norm2(v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}
