import { createLimiter } from "./limiter.ts";

/** Runs `work` over `items`, at most `limit` at a time, keeping the input order in the result. */
export function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const run = createLimiter(Math.max(1, limit));
  return Promise.all(items.map((item) => run(() => work(item))));
}
