import type { Params } from "../types.ts";

/** What a line search returns. */
export interface LineSearchResult {
  /** The accepted step `α` (`0` when none was found, see `success`). */
  readonly step: number;
  /** The new point `x + α·p`. */
  readonly x: number[];
  /** `f(x + α·p)`. */
  readonly value: number;
  /** The directional derivative at the start, `∇f(x)·p` (negative). */
  readonly initialSlope: number;
  /** Whether the step satisfies the search's conditions. */
  readonly success: boolean;
  /** Number of evaluations of `f`. */
  readonly functionEvaluations: number;
  /** Number of evaluations of `∇f`. */
  readonly gradientEvaluations: number;
}

/** Options shared by the line searches. */
export interface LineSearchOptions {
  /** `f(x)`, when the caller already has it (saves one evaluation). */
  readonly value?: number;
  /** `∇f(x)`, when the caller already has it (saves one evaluation). */
  readonly gradient?: Params;
  /** Sufficient-decrease constant `c₁`. Default `1e-4`. */
  readonly c1?: number;
  /** First trial step `α₀`. Default `1`. */
  readonly initialStep?: number;
}
