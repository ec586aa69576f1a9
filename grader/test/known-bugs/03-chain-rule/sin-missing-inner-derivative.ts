/** Known bug: d/dx sin(3x² + 2) written as cos(3x² + 2), without the inner derivative 6x. */
export * from "../../../../solutions/03-chain-rule/chain-rule.ts";
export const knownBug = { task: "worked-derivatives", feedback: /inner derivative/ };

export function derivativeOfSin3x2Plus2(x: number): number {
  return Math.cos(3 * x * x + 2);
}
