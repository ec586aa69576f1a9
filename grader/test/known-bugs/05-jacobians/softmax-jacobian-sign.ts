/** Known bug: the softmax Jacobian as s·sᵀ − diag(s), the negative of the right answer. */
import type { Vector } from "@calcml/math";
import { softmax } from "../../../../solutions/05-jacobians/jacobians.ts";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "softmax-jacobian", feedback: /sign/i };

export function softmaxJacobian(z: Vector): number[][] {
  const s = softmax(z);
  return s.map((si, i) => s.map((sj, j) => si * sj - (i === j ? si : 0)));
}
