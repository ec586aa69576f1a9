/** Known bug: sigmoid as e^z / (1 + e^z), which is ∞/∞ = NaN for large z. */
export * from "../../../../solutions/08-loss-functions/loss-functions.ts";
export const knownBug = { task: "sigmoid", feedback: /overflows/ };

export function sigmoid(z: number): number {
  return Math.exp(z) / (1 + Math.exp(z));
}
