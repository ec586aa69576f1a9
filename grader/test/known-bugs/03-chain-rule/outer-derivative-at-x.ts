/** Known bug: the chain rule with the outer derivative taken at x, f'(x)·g'(x), instead of f'(g(x))·g'(x). */
import type { ScalarFn } from "@calcml/math";

export * from "../../../../solutions/03-chain-rule/chain-rule.ts";
export const knownBug = { task: "compose-derivative", feedback: /evaluated at the inner value/ };

export function composeDerivative(
  outerDerivative: ScalarFn,
  _inner: ScalarFn,
  innerDerivative: ScalarFn,
): ScalarFn {
  return (x) => outerDerivative(x) * innerDerivative(x);
}
