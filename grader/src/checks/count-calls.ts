import { countCalls as countWith } from "@calcml/math";
import { PORTABLE } from "../sandbox/portable.ts";

/** A function that counts how often it was called. */
export type Counted<F> = F & { readonly calls: number; reset(): void };

/**
 * Wraps `fn` in `@calcml/math`'s call counter and keeps it callable, so it can be handed to learner
 * code as is. docs/numerics.md: a task that asks for an analytic gradient or a cheap product (05's `jvp`)
 * is checked by counting how often the learner's code calls the function it got.
 */
export function countCalls<F extends (...args: never[]) => unknown>(fn: F): Counted<F> {
  const counter = countWith(fn as unknown as (...args: unknown[]) => unknown);
  const counted = counter.fn as unknown as Counted<F>;
  Object.defineProperty(counted, "calls", { get: counter.count });
  Object.defineProperty(counted, "reset", { value: counter.reset });
  // A label carries over; a portable recipe does not: a counted function must run here, where it counts.
  for (const key of Object.getOwnPropertySymbols(fn).filter((k) => k !== PORTABLE)) {
    Object.defineProperty(counted, key, { value: (fn as unknown as Record<symbol, unknown>)[key] });
  }
  return counted;
}
