import { createRng, type Rng } from "@calcml/math";
import course from "../../course.json" with { type: "json" };

/** The variable through which the grader hands the run's seed to a hidden suite. */
export const SEED_VARIABLE = "CALCML_SEED";

/** The seed of this run: `pnpm grade --seed <n>` sets it; otherwise the course default. */
export function suiteSeed(): number {
  const raw = process.env[SEED_VARIABLE];
  const parsed = raw === undefined ? Number.NaN : Number(raw);
  return Number.isSafeInteger(parsed) ? parsed : course.defaults.seed;
}

/**
 * A seeded generator for one test. `salt` (the test's own name is a good one) keeps tests
 * independent: adding a test does not shift the probe points of another.
 */
export function suiteRng(salt: string): Rng {
  let hash = 2166136261;
  for (let i = 0; i < salt.length; i++) hash = Math.imul(hash ^ salt.charCodeAt(i), 16777619);
  return createRng((suiteSeed() ^ hash) >>> 0);
}
