/** Known bug: the partial derivative moves x[i] in place (and puts it back), mutating its input. */
import type { ScalarField, Vector } from "@calcml/math";

export * from "../../../../solutions/02-gradients/gradients.ts";
export const knownBug = { task: "partial-derivative", feedback: /change an input it was given/i };

export function partialDerivative(f: ScalarField, x: Vector, i: number, h = 1e-5): number {
  if (!Number.isInteger(i) || i < 0 || i >= x.length)
    throw new RangeError(`partialDerivative: bad index ${i}`);
  const p = x as number[];
  const old = p[i] as number;
  p[i] = old + h;
  const up = f(p);
  p[i] = old - h;
  const down = f(p);
  p[i] = old;
  return (up - down) / (2 * h);
}
