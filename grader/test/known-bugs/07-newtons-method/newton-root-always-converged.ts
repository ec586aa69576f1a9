/** Known bug: newtonRoot reports converged: true even when it ran out of iterations. */
import type { ScalarFn } from "@calcml/math";
import {
  type RootOptions,
  newtonRoot as reference,
} from "../../../../solutions/07-newtons-method/newtons-method.ts";

export * from "../../../../solutions/07-newtons-method/newtons-method.ts";
export const knownBug = { task: "newton-root", feedback: /converged: false/ };

export function newtonRoot(f: ScalarFn, df: ScalarFn, x0: number, options: RootOptions = {}) {
  return { ...reference(f, df, x0, options), converged: true };
}
