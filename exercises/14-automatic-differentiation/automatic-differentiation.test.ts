// Visible tests: worked examples to try while you work (`pnpm visible 14`).
// Your grade comes from the hidden suite (`pnpm grade 14`), which checks much more than these.
import { describe, expect, it } from "vitest";
import { gradientOf, Value, zeroGrad } from "./automatic-differentiation.ts";

describe("Value: forward", () => {
  it("computes (2·(−3) + 10)·2 = 8, the README's example", () => {
    const a = new Value(2);
    const f = a.mul(new Value(-3)).add(new Value(10)).mul(a);
    expect(f.data).toBe(8);
  });

  it("accepts plain numbers and leaves its operands unchanged", () => {
    const x = new Value(3);
    const y = x.sub(1).div(4).pow(2);
    expect(y.data).toBe(0.25);
    expect(x.data).toBe(3);
    expect(y.grad).toBe(0);
  });

  it("squashes with tanh and sigmoid", () => {
    expect(new Value(0).tanh().data).toBe(0);
    expect(new Value(0).sigmoid().data).toBe(0.5);
    expect(new Value(-2).relu().data).toBe(0);
  });
});

describe("Value: backward()", () => {
  it("gives the README's gradients, a used twice: ∂f/∂a = −2, ∂f/∂b = 4, ∂f/∂c = 2", () => {
    const [a, b, c] = [new Value(2), new Value(-3), new Value(10)];
    const f = a.mul(b).add(c).mul(a);
    f.backward();
    expect(f.grad).toBe(1);
    expect([a.grad, b.grad, c.grad]).toEqual([-2, 4, 2]);
  });

  it("adds up both uses of x in x·x: the derivative is 2x", () => {
    const x = new Value(5);
    x.mul(x).backward();
    expect(x.grad).toBe(10);
  });

  it("gives tanh′(0) = 1 and σ′(0) = 1/4", () => {
    const x = new Value(0);
    x.tanh().backward();
    expect(x.grad).toBe(1);
    const y = new Value(0);
    y.sigmoid().backward();
    expect(y.grad).toBe(0.25);
  });

  it("survives a chain of 100 000 operations", () => {
    const x = new Value(1);
    let v = x;
    for (let i = 0; i < 100_000; i++) v = v.add(1);
    expect(() => v.backward()).not.toThrow();
    expect(x.grad).toBe(1);
  });
});

describe("gradientOf", () => {
  it("differentiates x·y at (2, 3): value 6, gradient (3, 2)", () => {
    expect(gradientOf(([x, y]) => (x as Value).mul(y as Value), [2, 3])).toEqual({
      value: 6,
      gradient: [3, 2],
    });
  });

  it("gives 0 for an input that f does not use", () => {
    expect(gradientOf(([x]) => (x as Value).pow(2), [3, 7]).gradient).toEqual([6, 0]);
  });
});

describe("zeroGrad", () => {
  it("resets grad to 0 and leaves data alone", () => {
    const w = new Value(4);
    w.grad = 2.5;
    zeroGrad([w]);
    expect(w.grad).toBe(0);
    expect(w.data).toBe(4);
  });

  it("lets a second pass give the same gradients as the first", () => {
    const x = new Value(3);
    x.mul(x).backward();
    zeroGrad([x]);
    x.mul(x).backward();
    expect(x.grad).toBe(6);
  });
});
