/** Known bug: the elastic net's L2 term is l2‖w‖², without the ½. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "elastic-net", feedback: /missing its ½/ };

export function elasticNet(w: Vector, l1: number, l2: number): number {
  return w.reduce((s, x) => s + l1 * Math.abs(x) + l2 * x * x, 0);
}
