import { describe, expect, it } from "vitest";
import {
  CheckError,
  callLearner,
  countCalls,
  describeValue,
  expectClose,
  expectGradient,
  expectMatrixClose,
  expectRangeError,
  expectVectorClose,
  expectZeroModel,
  explained,
  frozen,
  isClose,
  labelled,
  suiteRng,
} from "../../src/checks/index.ts";

describe("isClose", () => {
  it("is relative for large magnitudes and absolute near zero", () => {
    expect(isClose(1e12 + 1, 1e12, 1e-9)).toBe(true);
    expect(isClose(1.1, 1, 1e-9)).toBe(false);
    expect(isClose(1e-13, 0)).toBe(true);
    expect(isClose(Number.NaN, 1)).toBe(false);
    expect(isClose(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(true);
    // rtol·max(|a|, |e|) is infinite when a is: an overflowing answer must still fail.
    expect(isClose(Number.POSITIVE_INFINITY, 1000, 1e-9)).toBe(false);
  });
});

describe("expectClose and friends", () => {
  it("fail with a message that says what was called, what came back and what was expected", () => {
    const failure = () =>
      expectClose(3, 2, {
        called: "f(1)",
        oracle: "exact value",
        why: (got, want) => `got ${got}, want ${want}`,
      });
    expect(failure).toThrow(CheckError);
    expect(failure).toThrow(
      /Called: {3}f\(1\)\nGot: {6}3\nExpected: 2 \(exact value\), within 1e-9 relative.*\nWhy: {6}got 3, want 2/s,
    );
  });

  it("say the tolerance in plain words: exactly, ±atol, relative, or both", () => {
    const message = (rtol: number, atol: number) => {
      try {
        expectClose(3, 2, { called: "f()", oracle: "o", rtol, atol });
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    expect(message(0, 0)).toMatch(/Expected: 2 \(o\), exactly/);
    expect(message(0, 0.05)).toMatch(/Expected: 2 \(o\), ±0\.05/);
    expect(message(1e-9, 0)).toMatch(/within 1e-9 relative$/m);
    expect(message(1e-9, 1e-12)).toMatch(/within 1e-9 relative \(absolute floor 1e-12\)/);
  });

  it("name the first entry that differs in a vector or matrix, and the shape when it is wrong", () => {
    expect(() => expectVectorClose([1, 2, 4], [1, 2, 3], { called: "g()", oracle: "o" })).toThrow(
      /entry \[2\] is 4/,
    );
    expect(() => expectVectorClose([1, 2], [1, 2, 3], { called: "g()", oracle: "o" })).toThrow(
      /with 2 entries/,
    );
    expect(() =>
      expectMatrixClose(
        [
          [1, 2],
          [3, 5],
        ],
        [
          [1, 2],
          [3, 4],
        ],
        { called: "h()", oracle: "o" },
      ),
    ).toThrow(/\[1\]\[1\]/);
    expect(() => expectVectorClose("nope", [1], { called: "g()", oracle: "o" })).toThrow(/Got: {6}"nope"/);
  });
});

describe("callLearner", () => {
  it("names the call when learner code throws, even a non-Error", () => {
    const thrower = () => {
      throw "bad";
    };
    expect(() => callLearner("f", thrower, 1, [2, 3])).toThrow(
      /Called: {3}f\(1, \[2, 3\]\)\nGot: {6}it threw a non-Error value \(bad\)/,
    );
  });

  it("lets a stub's TODO error through untouched", () => {
    const stub = () => {
      throw new Error("TODO: implement f");
    };
    expect(() => callLearner("f", stub)).toThrow(/^TODO: implement f$/);
  });
});

describe("expectRangeError", () => {
  it("passes a RangeError that names the function and fails anything else", () => {
    expect(() =>
      expectRangeError(
        "f",
        () => {
          throw new RangeError("f: bad");
        },
        [],
        "bad",
      ),
    ).not.toThrow();
    expect(() =>
      expectRangeError(
        "f",
        () => {
          throw new TypeError("f: bad");
        },
        [],
        "bad",
      ),
    ).toThrow(/TypeError/);
    expect(() => expectRangeError("f", () => 1, [], "bad")).toThrow(/returned normally/);
  });

  it("wants the message to start with the function's own name, unless any RangeError will do", () => {
    const throwing = (message: string) => () => {
      throw new RangeError(message);
    };
    expect(() => expectRangeError("mse", throwing("mseGradient: empty batch"), [], "empty")).toThrow(
      /starts with mse/,
    );
    expect(() => expectRangeError("mse", throwing("bad input in mse"), [], "empty")).toThrow(
      /start the message with the function's name, e\.g\. "mse: empty"/,
    );
    expect(() => expectRangeError("mse", throwing("mse(): empty"), [], "empty")).not.toThrow();
    expect(() => expectRangeError("train", throwing("miniBatches: n ≤ 0"), [], "n", true)).not.toThrow();
    expect(() => expectRangeError("train", () => 1, [], "n", true)).toThrow(/returned normally/);
  });
});

describe("frozen", () => {
  it("freezes nested arrays and objects so that mutation throws", () => {
    const value = frozen({ m: [[1, 2]], v: [3] });
    expect(() => {
      (value.m[0] as number[])[0] = 9;
    }).toThrow(TypeError);
    expect(Object.isFrozen(value.v)).toBe(true);
  });
});

describe("countCalls", () => {
  it("counts calls, resets, and keeps a label", () => {
    const f = countCalls(labelled("x ↦ 2x", (x: number) => 2 * x));
    f(1);
    f(2);
    expect(f.calls).toBe(2);
    f.reset();
    expect(f.calls).toBe(0);
    expect(describeValue(f)).toBe("x ↦ 2x");
  });
});

describe("describeValue", () => {
  it("truncates long arrays and matrices instead of dumping them", () => {
    expect(describeValue(Array.from({ length: 20 }, (_, i) => i))).toBe(
      "[0, 1, 2, 3, 4, 5, 6, 7, … (20 entries)]",
    );
    expect(describeValue(Array.from({ length: 6 }, () => [1]))).toContain("… (6 rows)");
  });

  it("stays small however a value nests, shares or spreads (it runs on the trusted side, with no deadline)", () => {
    // Four references to the same array at each of 40 levels: 4⁴⁰ paths through 40 arrays.
    let shared: unknown = [1];
    for (let level = 0; level < 40; level++) shared = [shared, shared, shared, shared];
    const text = describeValue(shared);
    expect(text).toContain("[…]");
    expect(text.length).toBeLessThan(10_000);
    // Objects: at most MAX_ENTRIES keys a level, then how many there are.
    const wide = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, i) => [`k${i}`, { deep: { deeper: i } }]),
    );
    expect(describeValue(wide)).toMatch(/^\{ k0: \{ deep: \{ deeper: 0 \} \}, .* … \(100000 keys\) \}$/);
    // A list of matrices inside an object is still shown.
    expect(
      describeValue({
        grads: [
          [
            [1, 2],
            [3, 4],
          ],
        ],
      }),
    ).toBe("{ grads: [[[1, 2], [3, 4]]] }");
  });
});

describe("expectGradient", () => {
  const f = (x: readonly number[]) => x[0]! ** 2 * x[1]! + 3 * x[1]! ** 2;
  it("passes the analytic gradient and fails a wrong one with a localised message", () => {
    const at = [0.7, -1.3];
    expect(() =>
      expectGradient(f, { name: "grad", derivative: (p) => [2 * p[0]! * p[1]!, p[0]! ** 2 + 6 * p[1]!], at }),
    ).not.toThrow();
    expect(() =>
      expectGradient(f, { name: "grad", derivative: (p) => [2 * p[0]! * p[1]!, p[0]! ** 2], at }),
    ).toThrow(CheckError);
  });
});

describe("suiteRng", () => {
  it("gives each salt its own reproducible stream", () => {
    expect(suiteRng("a").uniform()).toBe(suiteRng("a").uniform());
    expect(suiteRng("a").uniform()).not.toBe(suiteRng("b").uniform());
  });
});

describe("mutation and explanations", () => {
  it("reports a write to a frozen input as mutation, naming the call", () => {
    const mutate = (xs: number[]) => {
      xs[0] = 1;
      return xs;
    };
    expect(() => callLearner("f", mutate, frozen([0]))).toThrow(
      /Called: {3}f\(\[0\]\)\nGot: {6}it threw TypeError: .*\nWhy: {6}it tried to change an input it was given/s,
    );
  });

  it("adds a diagnosis to a failing check that has none, and leaves a passing check alone", () => {
    const failing = () => expectClose(2, 1, { called: "g()", oracle: "o" });
    expect(() => explained(failing, () => "a factor of 2")).toThrow(/\nWhy: {6}a factor of 2$/);
    expect(() =>
      explained(
        () => undefined,
        () => "never shown",
      ),
    ).not.toThrow();
  });
});

describe("numbers that print alike", () => {
  it("are shown in full with their relative difference, so Got and Expected never look identical", () => {
    const want = 0.64305380021;
    expect(() => expectClose(want * (1 + 1e-11), want, { called: "g()", oracle: "o", rtol: 1e-12 })).toThrow(
      /Got: {6}0\.6430538002\d+ \(relative difference 1\.00e-11\)\nExpected: 0\.64305380021 \(o\)/,
    );
  });
});

describe("errors thrown by what learner code calls", () => {
  it("name the function the error came from", () => {
    const usesEig = () => {
      throw new RangeError("eigSym: matrix is not symmetric");
    };
    expect(() =>
      callLearner("isConvexQuadratic", usesEig, [
        [1, 2],
        [0, 1],
      ]),
    ).toThrow(/Why: {6}the error comes from `eigSym`, which your code called/);
    const own = () => {
      throw new RangeError("isConvexQuadratic: oops");
    };
    expect(() => callLearner("isConvexQuadratic", own)).toThrow(
      /Why: {6}the function should return a value here/,
    );
  });
});

describe("expectZeroModel", () => {
  const called = "train(X, y, { epochs: 0 })";
  it("passes the starting model and fails anything trained or recorded", () => {
    expect(() => expectZeroModel({ value: { w: [0, 0], b: 0, lossHistory: [] }, called }, 2)).not.toThrow();
    expect(() => expectZeroModel({ value: { w: [0, 0], b: 0.1, lossHistory: [] }, called }, 2)).toThrow(
      /b starts at 0/,
    );
    expect(() => expectZeroModel({ value: { w: [0, 0], b: 0, lossHistory: [1] }, called }, 2)).toThrow(
      /no epoch, no loss/,
    );
    expect(() => expectZeroModel({ value: { w: [0], b: 0, lossHistory: [] }, called }, 2)).toThrow(
      CheckError,
    );
  });
});
