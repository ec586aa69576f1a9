/** Known bug: gradientOf reads the inputs' grads without running backward() first. */
import type { Vector } from "@calcml/math";
import { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "gradient-of", feedback: /call backward\(\) on f's output/ };

export function gradientOf(f: (xs: Value[]) => Value, x: Vector): { value: number; gradient: number[] } {
  const leaves = x.map((xi) => new Value(xi));
  const output = f(leaves);
  return { value: output.data, gradient: leaves.map((leaf) => leaf.grad) };
}
