/** Known bug: the expectation integrates g alone, forgetting to weight it by the density. */
import type { ScalarFn } from "@calcml/math";
import { simpson } from "../../../../solutions/15-integration/integration.ts";

export * from "../../../../solutions/15-integration/integration.ts";
export const knownBug = { task: "expectation", feedback: /multiply g\(x\) by the density/ };

export function expectation(_pdf: ScalarFn, g: ScalarFn, a: number, b: number, n = 1000): number {
  return simpson(g, a, b, n);
}
