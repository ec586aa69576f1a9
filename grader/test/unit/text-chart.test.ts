import { describe, expect, it } from "vitest";
import {
  blockChart,
  columns,
  formatValue,
  MARKS,
  renderPicture,
  scaleRange,
  sparkline,
  type TerminalPicture,
} from "../../src/report/text-chart.ts";

describe("sparkline", () => {
  it("draws a rising and a falling series from ▁ to █", () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([8, 7, 6, 5, 4, 3, 2, 1])).toBe("█▇▆▅▄▃▂▁");
  });

  it("keeps a constant series visible, in the middle", () => {
    expect(sparkline([3, 3, 3])).toBe("▅▅▅");
  });

  it("on a log scale, draws a geometric fall as a straight line", () => {
    const values = Array.from({ length: 8 }, (_, k) => 10 ** -k);
    expect(sparkline(values, { log: true })).toBe("█▇▆▅▄▃▂▁");
    // On a linear scale the same values are a cliff.
    expect(sparkline(values)).toBe("█▂▁▁▁▁▁▁");
  });

  it("marks what a scale cannot place instead of hiding it", () => {
    expect(sparkline([1, 2, Number.POSITIVE_INFINITY, Number.NaN])).toBe(`▁█${MARKS.above}${MARKS.nan}`);
    expect(sparkline([1, 0, 10], { log: true })).toBe(`▁${MARKS.offScale}█`);
    expect(sparkline([])).toBe("");
  });

  it("uses a given range, with values above it as ↑", () => {
    expect(sparkline([0, 5, 10, 20], { min: 0, max: 10 })).toBe(`▁▅█${MARKS.above}`);
  });

  it("is at most `width` columns: longer series are averaged, an Infinity is never averaged away", () => {
    const long = Array.from({ length: 1000 }, (_, i) => i);
    expect([...sparkline(long, { width: 20 })]).toHaveLength(20);
    expect(sparkline(long, { width: 4 })).toBe("▁▃▆█");
    const diverging = [...long.slice(0, 999), Number.POSITIVE_INFINITY];
    expect(sparkline(diverging, { width: 10 }).at(-1)).toBe(MARKS.above);
    expect(columns([1, 100], 1, true)).toEqual([10]);
  });
});

describe("blockChart", () => {
  it("stacks eighths over a few rows, top row first", () => {
    expect(blockChart([0, 1, 2, 3, 4], { rows: 2 })).toEqual(["  ▁▄█", "▁▅███"]);
  });

  it("puts a mark in the bottom row for a value it cannot place", () => {
    expect(blockChart([0, Number.NaN, 1], { rows: 3 })).toEqual(["  █", "  █", `▁${MARKS.nan}█`]);
  });
});

describe("scaleRange and formatValue", () => {
  it("finds the range of several series, ignoring what the scale cannot place", () => {
    expect(
      scaleRange([
        [1, 5],
        [Number.NaN, -2],
      ]),
    ).toEqual({ min: -2, max: 5 });
    expect(scaleRange([[0, -1, 10]], true)).toEqual({ min: 10, max: 10 });
    expect(scaleRange([[Number.NaN]])).toBeUndefined();
  });

  it("writes 3 significant digits, exponents when large or small", () => {
    expect(formatValue(11)).toBe("11");
    expect(formatValue(0.75234)).toBe("0.752");
    expect(formatValue(2.3e159)).toBe("2.3e159");
    expect(formatValue(2.3e-13)).toBe("2.3e-13");
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(formatValue(Number.NaN)).toBe("NaN");
    expect(formatValue(0)).toBe("0");
  });
});

describe("renderPicture", () => {
  const picture: TerminalPicture = {
    lessonId: "04-gradient-descent",
    figureId: "loss-per-iteration",
    title: "loss per iteration",
    x: "iteration",
    xFrom: 0,
    log: true,
    series: [
      {
        name: "η = 0.01",
        values: [11, 100, 1e4, 1e8],
        finding: "rises from 11 to 1e8, where it should fall",
      },
      { name: "η = 0.09", values: [11, 1, 0.1, 0.01] },
    ],
    notes: ["gradientDescent threw RangeError: diverged"],
    command: "pnpm plot 04",
  };

  it("draws one sparkline per series with its first and last value, its finding, and the plot command", () => {
    const lines = renderPicture(picture);
    expect(lines[0]).toBe("  Picture from your code: loss per iteration (log scale)");
    expect(lines[1]).toMatch(/^ {4}η = 0\.01 {2}▁\S+█ +11 → 1e8$/);
    expect(lines[2]).toBe("      ✗ rises from 11 to 1e8, where it should fall");
    expect(lines[3]).toMatch(/^ {4}η = 0\.09 {2}█\S+▁ +11 → 0\.01$/);
    expect(lines.join("\n")).toContain("(not drawn: gradientDescent threw RangeError: diverged)");
    expect(lines.join("\n")).toContain("left to right: iteration 0 … 3");
    expect(lines.at(-1)).toContain("`pnpm plot 04`");
  });

  it("shows at most four series, those with a finding first, and counts the rest", () => {
    const many: TerminalPicture = {
      ...picture,
      series: [
        ...Array.from({ length: 5 }, (_, i) => ({ name: `fine ${i}`, values: [3, 2, 1] })),
        { name: "bad", values: [1, 2, 3], finding: "rises" },
      ],
    };
    const text = renderPicture(many).join("\n");
    expect(text.indexOf("bad")).toBeLessThan(text.indexOf("fine 0"));
    expect(text).not.toContain("fine 3");
    expect(text).toContain("… and 2 more curves that do as expected");
  });
});
