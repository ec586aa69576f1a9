/** Known bug: the BCE gradient is σ(z) − y, the gradient of the sum, not of the mean. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/08-loss-functions/loss-functions.ts";
export const knownBug = { task: "binary-cross-entropy", feedback: /gradient of the sum/ };

export function binaryCrossEntropyWithLogitsGradient(logits: Vector, labels: Vector): number[] {
  if (logits.length !== labels.length || logits.length === 0)
    throw new RangeError("binaryCrossEntropyWithLogitsGradient: bad batch");
  return logits.map((z, i) => 1 / (1 + Math.exp(-z)) - labels[i]!);
}
