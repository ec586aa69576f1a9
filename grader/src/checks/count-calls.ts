/** A function that counts how often it was called. */
export type Counted<F> = F & { readonly calls: number; reset(): void };

/**
 * Wraps `fn` in a call counter. NUMERICS.md: a task that asks for an analytic gradient or a cheap
 * product (05's `jvp`) is checked by counting how often the learner's code calls the function it got.
 */
export function countCalls<F extends (...args: never[]) => unknown>(fn: F): Counted<F> {
  let calls = 0;
  const counted = ((...args: Parameters<F>) => {
    calls += 1;
    return fn(...args);
  }) as unknown as Counted<F>;
  Object.defineProperty(counted, "calls", { get: () => calls });
  Object.defineProperty(counted, "reset", { value: () => (calls = 0) });
  for (const key of Object.getOwnPropertySymbols(fn)) {
    Object.defineProperty(counted, key, { value: (fn as unknown as Record<symbol, unknown>)[key] });
  }
  return counted;
}
