/** Known bug: dLog divides by its output log(u) instead of its input u (the pattern of exp, copied). */
import type { Dual } from "../../../../solutions/03-chain-rule/chain-rule.ts";

export * from "../../../../solutions/03-chain-rule/chain-rule.ts";
export const knownBug = { task: "dual-numbers", feedback: /wrong argument/ };

export function dLog(a: Dual): Dual {
  const value = Math.log(a.value);
  return { value, deriv: a.deriv / value };
}
