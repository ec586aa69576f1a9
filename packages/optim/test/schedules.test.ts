/** Schedules (docs/numerics.md): exact values at t = 0, T/2 and T, and the stated shapes. */
import { describe, expect, it } from "vitest";
import {
  constantSchedule,
  cosineSchedule,
  exponentialSchedule,
  inverseTimeSchedule,
  stepSchedule,
} from "../src/index.ts";
import { isClose } from "./support/close.ts";

const EXACT = 1e-15;

describe("constantSchedule", () => {
  it("returns the same value at t = 0, T/2 and T", () => {
    const lr = constantSchedule(0.3);
    expect([lr(0), lr(50), lr(100)]).toEqual([0.3, 0.3, 0.3]);
  });
});

describe("stepSchedule", () => {
  it("is lr₀·γ^⌊t/k⌋, with γ = 0.1 by default", () => {
    const lr = stepSchedule({ initial: 2, stepSize: 10 });
    expect(lr(0)).toBe(2);
    expect(lr(9)).toBe(2);
    expect(isClose(lr(10), 0.2, EXACT)).toBe(true);
    expect(isClose(lr(25), 0.02, EXACT)).toBe(true);
  });

  it("is exact at t = 0, T/2 and T", () => {
    const lr = stepSchedule({ initial: 1, stepSize: 25, decayRate: 0.5 });
    expect([lr(0), lr(50), lr(100)]).toEqual([1, 0.25, 0.0625]);
  });

  it("rejects a step size of 0", () => {
    expect(() => stepSchedule({ initial: 1, stepSize: 0 })).toThrow(/stepSchedule: stepSize must lie in/);
  });
});

describe("exponentialSchedule", () => {
  it("is exact at t = 0, T/2 and T: lr₀, lr₀·√r, lr₀·r", () => {
    const lr = exponentialSchedule({ initial: 0.1, decayRate: 0.25, transitionSteps: 100 });
    expect(lr(0)).toBe(0.1);
    expect(isClose(lr(50), 0.05, EXACT)).toBe(true);
    expect(isClose(lr(100), 0.025, EXACT)).toBe(true);
  });
});

describe("inverseTimeSchedule", () => {
  it("is exact at t = 0, T/2 and T: lr₀/(1 + kt)", () => {
    const lr = inverseTimeSchedule({ initial: 0.6, decayRate: 0.02 });
    expect(lr(0)).toBe(0.6);
    expect(isClose(lr(50), 0.3, EXACT)).toBe(true);
    expect(isClose(lr(100), 0.2, EXACT)).toBe(true);
  });
});

describe("cosineSchedule", () => {
  it("is exact at t = 0, T/2 and T: lr₀, the midpoint, α·lr₀, and stays at α·lr₀ after T", () => {
    const lr = cosineSchedule({ initial: 1, decaySteps: 100, alpha: 0.1 });
    expect(lr(0)).toBe(1);
    expect(isClose(lr(50), 0.55, EXACT)).toBe(true);
    expect(isClose(lr(100), 0.1, EXACT)).toBe(true);
    expect(lr(1000)).toBe(lr(100));
  });

  it("follows α·lr₀ + (1 − α)·lr₀·½(1 + cos(πt/T)) in between", () => {
    const lr = cosineSchedule({ initial: 0.4, decaySteps: 30 });
    for (let t = 0; t <= 30; t++) {
      expect(isClose(lr(t), 0.4 * 0.5 * (1 + Math.cos((Math.PI * t) / 30)), EXACT)).toBe(true);
    }
  });

  it("warms up linearly from 0 to lr₀, then runs the cosine over the remaining T − W steps", () => {
    const lr = cosineSchedule({ initial: 1, decaySteps: 110, warmup: 10 });
    expect(lr(0)).toBe(0);
    expect(isClose(lr(5), 0.5, EXACT)).toBe(true);
    expect(lr(10)).toBe(1);
    expect(isClose(lr(60), 0.5, EXACT)).toBe(true);
    expect(lr(110)).toBe(0);
  });

  it("starts the warm-up from warmupInitial when given", () => {
    const lr = cosineSchedule({ initial: 1, decaySteps: 20, warmup: 4, warmupInitial: 0.2 });
    expect(lr(0)).toBe(0.2);
    expect(isClose(lr(2), 0.6, EXACT)).toBe(true);
  });

  it("rejects a warm-up as long as the whole schedule", () => {
    expect(() => cosineSchedule({ initial: 1, decaySteps: 10, warmup: 10 })).toThrow(RangeError);
  });
});
