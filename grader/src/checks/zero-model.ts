/**
 * What a trainer of a linear model returns after no epoch at all (lessons 09 and 10): the starting
 * model, zero weights and bias, and an empty loss history.
 */
import { check } from "./check-error.ts";
import { expectClose, expectVectorClose } from "./close.ts";
import { describeValue } from "./describe-value.ts";
import type { Call } from "./learner.ts";

/** A trained linear model as the lessons return it. */
interface LinearModel {
  w: readonly number[];
  b: number;
  lossHistory: readonly number[];
}

/** Expects exactly zero weights (`d` of them), a zero bias and `lossHistory` = [] (oracle: the start). */
export function expectZeroModel({ value: got, called }: Call<LinearModel>, d: number): void {
  expectVectorClose(got?.w, new Array<number>(d).fill(0), {
    called: `${called}.w`,
    oracle: "w starts at zeros",
    rtol: 0,
    atol: 0,
  });
  expectClose(got.b, 0, { called: `${called}.b`, oracle: "b starts at 0", rtol: 0, atol: 0 });
  check(Array.isArray(got.lossHistory) && got.lossHistory.length === 0, {
    called: `${called}.lossHistory`,
    got: describeValue(got.lossHistory),
    expected: "[] (no epoch, no loss)",
  });
}
