import { describe, expect, it } from "vitest";
import { resolveLesson, suggest, UsageError } from "../../src/cli/resolve-lesson.ts";
import { parseHints } from "../../src/course/hints.ts";
import { loadCourse } from "../../src/manifest/load.ts";

const course = loadCourse();

describe("resolveLesson", () => {
  it("accepts a number, a padded number, an id, a slug and a folder path", () => {
    for (const given of [
      "4",
      "04",
      "04-gradient-descent",
      "gradient-descent",
      "exercises/04-gradient-descent/",
    ]) {
      expect(resolveLesson(course, given).id, given).toBe("04-gradient-descent");
    }
  });

  it("suggests the closest lesson for a typo", () => {
    expect(() => resolveLesson(course, "gradient-decsent")).toThrow(UsageError);
    expect(() => resolveLesson(course, "gradient-decsent")).toThrow(/Did you mean 04-gradient-descent\?/);
    expect(
      suggest(
        "zzzzzzzzzzzz",
        course.lessons.map((l) => l.id),
      ),
    ).toBeUndefined();
  });
});

describe("parseHints", () => {
  it("splits tasks on '## N.' and hints on '###', keeping hints in order", () => {
    const hints = parseHints(
      "# Hints\n\n## 1. square\n### Hint 1\nMultiply.\n### Hint 2\n`x * x`\n\n## 2. secantSlope\n### Hint 1\nRise over run.\n",
    );
    expect(hints).toEqual([
      { number: 1, heading: "square", hints: ["Multiply.", "`x * x`"] },
      { number: 2, heading: "secantSlope", hints: ["Rise over run."] },
    ]);
  });
});
