/** Known bug: the quotient rule with a plus sign, (u'v + uv')/v². */
import type { Dual } from "../../../../solutions/03-chain-rule/chain-rule.ts";

export * from "../../../../solutions/03-chain-rule/chain-rule.ts";
export const knownBug = { task: "dual-numbers", feedback: /quotient-rule sign/ };

export function dDiv(a: Dual, b: Dual): Dual {
  return { value: a.value / b.value, deriv: (a.deriv * b.value + a.value * b.deriv) / (b.value * b.value) };
}
