/** Known bug: the directional derivative uses the direction as given, without normalising it. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/02-gradients/gradients.ts";
export const knownBug = { task: "directional-derivative", feedback: /not normalised/i };

export function directionalDerivative(grad: Vector, direction: Vector): number {
  if (grad.length !== direction.length) throw new RangeError("directionalDerivative: lengths differ");
  if (direction.every((d) => d === 0)) throw new RangeError("directionalDerivative: zero direction");
  return grad.reduce((s, g, i) => s + g * (direction[i] as number), 0);
}
