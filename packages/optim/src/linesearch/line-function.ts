import type { Gradient, Objective, Params } from "../types.ts";
import { along, dotProduct } from "./directional.ts";

/** One trial point on the line `x + αp`. */
export interface Trial {
  readonly alpha: number;
  readonly x: number[];
  /** `φ(α) = f(x + αp)`. */
  readonly value: number;
  /** `∇f(x + αp)`, once computed. */
  gradient?: readonly number[];
  /** `φ'(α) = ∇f(x + αp)·p`, once computed. */
  slope?: number;
}

/** `φ(α) = f(x + αp)` and `φ'(α)`, counting evaluations (used by the strong Wolfe search). */
export class LineFunction {
  functionEvaluations = 0;
  gradientEvaluations = 0;

  constructor(
    private readonly f: Objective,
    private readonly grad: Gradient,
    private readonly x: Params,
    private readonly p: Params,
  ) {}

  /** Evaluate `φ(α)`. */
  at(alpha: number): Trial {
    const x = along(this.x, alpha, this.p);
    this.functionEvaluations++;
    return { alpha, x, value: this.f(x) };
  }

  /** Evaluate (once) and return `φ'(α)` of a trial. */
  slope(trial: Trial): number {
    if (trial.slope === undefined) {
      trial.gradient = this.grad(trial.x);
      this.gradientEvaluations++;
      trial.slope = dotProduct(trial.gradient, this.p);
    }
    return trial.slope;
  }
}
