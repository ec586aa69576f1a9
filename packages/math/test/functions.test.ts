import { describe, expect, it } from "vitest";
import {
  createRng,
  eigSym,
  gradcheck,
  hessiancheck,
  norm,
  quadratic,
  rosenbrock,
  saddle,
  type TestFunction,
  testFunctions,
} from "../src/index.ts";
import { expectRelClose } from "./helpers.ts";

const all: TestFunction[] = [
  ...Object.values(testFunctions),
  quadratic(
    [
      [3, 1],
      [1, 2],
    ],
    [1, -1],
  ),
];

describe.each(all.map((fn) => [fn.name, fn] as const))("%s", (_name, fn) => {
  const points = [
    fn.start,
    ...createRng(11)
      .sample([0, 1, 2, 3, 4], 3)
      .map((s) => createRng(s).normalVector(fn.dimension, 1.5)),
  ];

  it("has a gradient that passes gradcheck at the start and at random points", () => {
    for (const x of points) {
      const r = gradcheck(fn.f, fn.gradient, x);
      expect(r.ok, `${fn.name} at ${x}: ${JSON.stringify(r.worst)}`).toBe(true);
    }
  });

  it("has a Hessian that passes hessiancheck (differences of the exact gradient)", () => {
    for (const x of points) {
      expect(hessiancheck(fn.f, fn.hessian, x, { gradient: fn.gradient }).ok, `${fn.name} at ${x}`).toBe(
        true,
      );
    }
  });

  it("has zero gradient and a positive-definite Hessian at each listed minimum", () => {
    for (const m of fn.minima) {
      // oracle: ∇f(x*) = 0; the 15-digit minimiser leaves |∇f| ≲ 1e-13·‖H‖
      expect(norm(fn.gradient(m))).toBeLessThan(1e-12);
      expectRelClose(fn.f(m), fn.minimumValue, 1e-12);
      expect(eigSym(fn.hessian(m)).values[0]!).toBeGreaterThan(0);
    }
  });

  it("does not start at a minimum", () => {
    expect(norm(fn.gradient(fn.start))).toBeGreaterThan(0);
  });
});

describe("rosenbrock", () => {
  it("has the textbook value and gradient at (−1.2, 1)", () => {
    expectRelClose(rosenbrock.f([-1.2, 1]), 24.2, 1e-14);
    expectRelClose(rosenbrock.gradient([-1.2, 1]), [-215.6, -88], 1e-13);
  });
  it("rejects a point of the wrong dimension", () => {
    expect(() => rosenbrock.f([1, 2, 3])).toThrow(/rosenbrock: expected a point with 2 entries/);
  });
});

describe("saddle", () => {
  it("has no minimum and an indefinite Hessian at the origin", () => {
    expect(saddle.minima).toEqual([]);
    expect(eigSym(saddle.hessian([0, 0])).values).toEqual([-2, 2]);
  });
});

describe("quadratic", () => {
  it("has its minimum at A⁻¹b with value −½bᵀx*", () => {
    const q = quadratic(
      [
        [3, 0],
        [0, 1],
      ],
      [3, 1],
    );
    expectRelClose(q.minima[0]!, [1, 1], 1e-15);
    expectRelClose(q.minimumValue, -2, 1e-15);
    expect(q.f(q.minima[0]!)).toBe(q.minimumValue);
  });
  it("lists no minimum for an indefinite A", () => {
    expect(
      quadratic(
        [
          [1, 0],
          [0, -1],
        ],
        [0, 0],
      ).minima,
    ).toEqual([]);
  });
  it("rejects a non-symmetric A and a mismatched b", () => {
    expect(() =>
      quadratic(
        [
          [1, 2],
          [0, 1],
        ],
        [0, 0],
      ),
    ).toThrow(/^quadratic: matrix is not symmetric/);
    expect(() => quadratic([[1]], [0, 0])).toThrow(RangeError);
  });
});
