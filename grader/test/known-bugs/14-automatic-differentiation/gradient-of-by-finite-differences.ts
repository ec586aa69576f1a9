/** Known bug: gradientOf differentiates numerically, calling f 2n + 1 times instead of once. */
import type { Vector } from "@calcml/math";
import { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "gradient-of", feedback: /numerical differentiation/ };

export function gradientOf(f: (xs: Value[]) => Value, x: Vector): { value: number; gradient: number[] } {
  const at = (p: readonly number[]) => f(p.map((v) => new Value(v))).data;
  const gradient = x.map((xi, i) => {
    const h = 1e-5 * Math.max(1, Math.abs(xi));
    const up = x.map((v, j) => (j === i ? v + h : v));
    const down = x.map((v, j) => (j === i ? v - h : v));
    return (at(up) - at(down)) / (2 * h);
  });
  return { value: at(x), gradient };
}
