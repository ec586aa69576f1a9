/** Known bug: binary cross-entropy as −[y·log σ(z) + (1 − y)·log(1 − σ(z))], which takes log(0) at ±1000. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/08-loss-functions/loss-functions.ts";
export const knownBug = { task: "binary-cross-entropy", feedback: /log\(0\)/ };

export function binaryCrossEntropyWithLogits(logits: Vector, labels: Vector): number {
  if (logits.length !== labels.length || logits.length === 0)
    throw new RangeError("binaryCrossEntropyWithLogits: bad batch");
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    const s = 1 / (1 + Math.exp(-logits[i]!));
    total -= labels[i]! * Math.log(s) + (1 - labels[i]!) * Math.log(1 - s);
  }
  return total / logits.length;
}
