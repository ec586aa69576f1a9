/** Known bug: clipping by value lowers large entries but never raises entries below −limit. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "clip-by-value", feedback: /clamp both sides/ };

export function clipByValue(g: Vector, limit: number): number[] {
  if (limit < 0) throw new RangeError("clipByValue: negative limit");
  return g.map((x) => Math.min(x, limit));
}
