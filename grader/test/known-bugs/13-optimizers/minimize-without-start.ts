/** Known bug: the path leaves out the starting point. */
import type { Vector, VectorField } from "@calcml/math";
import type { StepResult } from "../../../../solutions/13-optimizers/optimizers.ts";

export * from "../../../../solutions/13-optimizers/optimizers.ts";
export const knownBug = { task: "minimize-with", feedback: /put x0 itself first in the path/ };

export function minimizeWith<S>(
  step: (p: Vector, g: Vector, s: S | undefined) => StepResult<S>,
  grad: VectorField,
  x0: Vector,
  iterations: number,
) {
  const path: number[][] = [];
  let x = [...x0];
  let state: S | undefined;
  for (let k = 0; k < iterations; k++) {
    const result = step(x, grad(x), state);
    x = result.params;
    state = result.state;
    path.push(x);
  }
  return path;
}
