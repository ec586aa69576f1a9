/** Known bug: derivativeAt by central differences of f's value, not by one forward-mode pass. */
import type { Dual } from "../../../../solutions/03-chain-rule/chain-rule.ts";

export * from "../../../../solutions/03-chain-rule/chain-rule.ts";
export const knownBug = { task: "dual-numbers", feedback: /called 2 times/ };

export function derivativeAt(f: (x: Dual) => Dual, x: number): number {
  const h = 1e-5 * Math.max(1, Math.abs(x));
  return (f({ value: x + h, deriv: 0 }).value - f({ value: x - h, deriv: 0 }).value) / (2 * h);
}
