/**
 * The calling convention of hidden suites: one helper makes a learner call and its description, so a
 * check never spells the call twice.
 *
 *   const learner = learnerCalls(lesson);
 *   const { value, called } = learner.gradientDescent(grad, x0, { learningRate: 0.1 });
 *   expectClose(value.x[0], 1, { called, oracle: "…" });
 *   learner.dot.rangeError("vectors differ in length", [1, 2], [1]);
 *
 * Arguments are passed as deep-frozen copies (the course's rule: functions never change their inputs,
 * and a frozen input makes an attempt throw a TypeError the feedback explains). A throw from learner
 * code comes back as a CheckError naming the call; a stub's TODO error passes through untouched.
 */
import { callLearner, expectRangeError } from "./call-learner.ts";
import { describeCall } from "./describe-value.ts";
import { frozen } from "./frozen.ts";

/** A learner call that returned: its value and how it was called (for Called: lines). */
export interface Call<R> {
  value: R;
  called: string;
}

type Fn = (...args: never[]) => unknown;

/** One learner function, seen through the convention. */
export type LearnerCall<F extends Fn> = ((...args: Parameters<F>) => Call<ReturnType<F>>) & {
  /** Expects a RangeError whose message starts with the function's name (invalid input), for `problem`. */
  rangeError(problem: string, ...args: Parameters<F>): void;
  /** Expects a RangeError from anywhere, e.g. a helper the function calls (`miniBatches`, `solve`). */
  anyRangeError(problem: string, ...args: Parameters<F>): void;
  /** The description of a call, without making it. */
  called(...args: Parameters<F>): string;
  /** The call made as is (arguments not copied, throws not wrapped), for checks about throws themselves. */
  raw(...args: Parameters<F>): ReturnType<F>;
};

export type LearnerCalls<M> = { readonly [K in keyof M]: M[K] extends Fn ? LearnerCall<M[K]> : never };

/** The lesson's exports, each wrapped as a LearnerCall (a missing export fails when called, by name). */
export function learnerCalls<M extends object>(lesson: M): LearnerCalls<M> {
  const made = new Map<string, unknown>();
  return new Proxy({} as LearnerCalls<M>, {
    get(_target, key) {
      if (typeof key !== "string") return undefined;
      let call = made.get(key);
      if (!call) {
        const fn = () => (lesson as Record<string, unknown>)[key] as Fn;
        const wrapped = (...args: unknown[]) => {
          const inputs = args.map((a) => frozen(a));
          return { value: callLearner(key, fn(), ...inputs), called: describeCall(key, inputs) };
        };
        call = Object.assign(wrapped, {
          rangeError: (problem: string, ...args: unknown[]) =>
            expectRangeError(
              key,
              fn(),
              args.map((a) => frozen(a)),
              problem,
            ),
          anyRangeError: (problem: string, ...args: unknown[]) =>
            expectRangeError(
              key,
              fn(),
              args.map((a) => frozen(a)),
              problem,
              true,
            ),
          called: (...args: unknown[]) => describeCall(key, args),
          raw: (...args: unknown[]) => (fn() as (...a: unknown[]) => unknown)(...args),
        });
        made.set(key, call);
      }
      return call;
    },
  });
}
