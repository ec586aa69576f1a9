/** Known bug: the ROC curve steps one example at a time, so tied scores count as wins or losses by position. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/15-integration/integration.ts";
export const knownBug = { task: "roc-auc", feedback: /a tie counts ½/ };

export function rocAuc(scores: Vector, labels: Vector): number {
  if (scores.length !== labels.length) throw new RangeError("rocAuc: lengths differ");
  if (labels.some((y) => y !== 0 && y !== 1)) throw new RangeError("rocAuc: labels must be 0 or 1");
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) throw new RangeError("rocAuc: needs both classes");
  // Sorting puts positives first among equal scores, so a tie counts as a win.
  const order = scores
    .map((_, i) => i)
    .sort(
      (i, j) =>
        (scores[j] as number) - (scores[i] as number) || (labels[j] as number) - (labels[i] as number),
    );
  let area = 0;
  let truePositives = 0;
  for (const i of order) {
    if (labels[i] === 1) truePositives++;
    else area += truePositives;
  }
  return area / (positives * negatives);
}
