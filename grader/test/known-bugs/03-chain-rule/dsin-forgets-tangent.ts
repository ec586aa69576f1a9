/** Known bug: dSin returns cos(u) as the derivative, forgetting to multiply by the incoming derivative u'. */
import type { Dual } from "../../../../solutions/03-chain-rule/chain-rule.ts";

export * from "../../../../solutions/03-chain-rule/chain-rule.ts";
export const knownBug = { task: "dual-numbers", feedback: /incoming derivative/ };

export function dSin(a: Dual): Dual {
  return { value: Math.sin(a.value), deriv: Math.cos(a.value) };
}
