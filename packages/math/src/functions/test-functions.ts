import { beale } from "./beale.ts";
import { booth } from "./booth.ts";
import { himmelblau } from "./himmelblau.ts";
import { rosenbrock } from "./rosenbrock.ts";
import { saddle } from "./saddle.ts";
import type { TestFunction } from "./test-function.ts";

/**
 * The fixed 2-D test functions by name, for iterating over all of them (in a test, a plot, a bench).
 * `quadratic(A, b)` is a factory and so is not listed.
 *
 * @example
 * for (const fn of Object.values(testFunctions)) console.log(fn.name, fn.f(fn.start));
 */
export const testFunctions: Readonly<
  Record<"rosenbrock" | "himmelblau" | "beale" | "booth" | "saddle", TestFunction>
> = { rosenbrock, himmelblau, beale, booth, saddle };
