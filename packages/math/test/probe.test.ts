import { describe, expect, it } from "vitest";
import { countCalls, gradcheck, norm, probePoints } from "../src/index.ts";

describe("probePoints", () => {
  it("draws a typical and a large point, replayable from the seed", () => {
    const [typical, large] = probePoints(2000, 42);
    expect(probePoints(2000, 42)).toEqual([typical, large]);
    // sample std ≈ 0.5 and 3 (standard error ≈ std/√4000): 10 % tolerance
    expect(Math.abs(norm(typical!) / Math.sqrt(2000) - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(norm(large!) / Math.sqrt(2000) - 3)).toBeLessThan(0.3);
  });
  it("keeps every kink argument at least the clearance away from 0", () => {
    const kinks = (x: readonly number[]) => x.map((v) => v - 0.1);
    for (const x of probePoints(50, 3, { kinkArguments: kinks, clearance: 0.01, scales: [0.5, 0.5, 3] })) {
      expect(kinks(x).every((a) => Math.abs(a) >= 0.01)).toBe(true);
    }
  });
  it("gives up with a RangeError when the clearance is impossible", () => {
    expect(() => probePoints(1, 0, { kinkArguments: () => [0] })).toThrow(RangeError);
  });
});

describe("countCalls", () => {
  it("counts the calls a gradient makes, exposing numerical differentiation", () => {
    const counted = countCalls((x: readonly number[]) => x.reduce((s, v) => s + v * v, 0));
    const sneaky = (x: readonly number[]) =>
      x.map((_, i) => {
        const p = [...x];
        const m = [...x];
        p[i]! += 1e-5;
        m[i]! -= 1e-5;
        return (counted.fn(p) - counted.fn(m)) / 2e-5;
      });
    expect(gradcheck((x) => x.reduce((s, v) => s + v * v, 0), sneaky, [1, 2, 3]).ok).toBe(true);
    expect(counted.count()).toBe(6);
    counted.reset();
    expect(counted.count()).toBe(0);
  });
});
