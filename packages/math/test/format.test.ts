import { describe, expect, it } from "vitest";
import { createRng, formatCheckFailure, gradcheck, type Vector } from "../src/index.ts";

describe("formatCheckFailure", () => {
  const f = (x: Vector) => x.reduce((s, v) => s + v * v, 0);
  const x = createRng(42).normalVector(12, 0.5);

  it("names what was checked, the point, seed, h, tolerances, worst components and the hint", () => {
    const r = gradcheck(
      f,
      x.map((v) => -2 * v),
      x,
      { shape: [3, 4] },
    );
    const text = formatCheckFailure(r, { name: "loss", seed: 42, parameter: "W" });
    expect(text).toMatch(/loss with respect to W: analytic derivative and central differences disagree/);
    expect(text).toMatch(/difference -?[0-9.e-]+ \(allowed ±[0-9.e-]+; CS231n relative error/);
    expect(text).toMatch(/shape: \[3\]\[4\]/);
    expect(text).toMatch(/seed 42/);
    expect(text).toMatch(/h = 1e-5/);
    expect(text).toMatch(/rtol = 1e-4/);
    expect(text).toMatch(/… \(12 entries\)/);
    expect(text).toMatch(/hint: sign error/);
    expect(text.match(/analytic .*, numeric .*, difference .*; CS231n relative error/g)).toHaveLength(3);
    expect(text.split("\n").length).toBeLessThan(15);
  });

  it("explains a shape error", () => {
    const text = formatCheckFailure(gradcheck(f, [1], x), { name: "loss" });
    expect(text).toMatch(/wrong shape: expected \[12\], got \[1\]/);
  });

  it("renders a pass in one line", () => {
    const text = formatCheckFailure(
      gradcheck(
        f,
        x.map((v) => 2 * v),
        x,
      ),
      { name: "loss" },
    );
    expect(text).toMatch(/^loss: analytic derivative agrees with central differences: 12 components/);
    expect(text).not.toMatch(/\n/);
  });
});
