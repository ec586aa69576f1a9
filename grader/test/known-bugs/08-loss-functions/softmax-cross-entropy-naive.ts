/** Known bug: softmax cross-entropy as −log(e^z[label] / Σ e^z), which overflows at logits of 1000. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/08-loss-functions/loss-functions.ts";
export const knownBug = { task: "softmax-cross-entropy", feedback: /overflows/ };

export function softmaxCrossEntropy(logits: Vector, label: number): number {
  if (logits.length === 0 || !Number.isInteger(label) || label < 0 || label >= logits.length) {
    throw new RangeError(`softmaxCrossEntropy: bad label ${label}`);
  }
  const total = logits.reduce((s, z) => s + Math.exp(z), 0);
  return -Math.log(Math.exp(logits[label]!) / total);
}
