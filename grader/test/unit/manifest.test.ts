import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCourse, ManifestError } from "../../src/manifest/load.ts";

function writeManifest(content: unknown): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "calcml-manifest-")), "course.json");
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const task = { id: "square", title: "Square", points: 1, functions: ["square"] };
const valid = {
  title: "T",
  defaults: { timeLimitSeconds: 10, memoryLimitMb: 256, seed: 1 },
  lessons: [{ id: "00-welcome", title: "Welcome", tasks: [task] }],
};

describe("loadCourse", () => {
  it("loads the real course manifest with sixteen lessons in order", () => {
    const course = loadCourse();
    expect(course.lessons.map((l) => l.id.slice(0, 2))).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i).padStart(2, "0")),
    );
  });

  it("fills in an empty list of forbidden imports", () => {
    expect(loadCourse(writeManifest(valid)).lessons[0]?.forbiddenImports).toEqual({});
  });

  it("names the file when the JSON does not parse", () => {
    const file = writeManifest("{ not json");
    expect(() => loadCourse(file)).toThrow(ManifestError);
    expect(() => loadCourse(file)).toThrow(/course\.json: not valid JSON/);
  });

  it("names the lesson, the task and the field of a bad value", () => {
    const bad = { ...valid, lessons: [{ ...valid.lessons[0], tasks: [{ ...task, points: -1 }] }] };
    expect(() => loadCourse(writeManifest(bad))).toThrow(
      /lessons\[0\] \(00-welcome\)\.tasks\[0\] \(square\)\.points/,
    );
  });

  it("rejects an unknown field instead of ignoring a typo", () => {
    const bad = { ...valid, lessons: [{ ...valid.lessons[0], timeLimit: 3 }] };
    expect(() => loadCourse(writeManifest(bad))).toThrow(/timeLimit/);
  });

  it("rejects lessons out of order and duplicate task ids", () => {
    const misnumbered = { ...valid, lessons: [{ ...valid.lessons[0], id: "01-welcome" }] };
    expect(() => loadCourse(writeManifest(misnumbered))).toThrow(/must be numbered 00-/);
    const duplicated = { ...valid, lessons: [{ ...valid.lessons[0], tasks: [task, task] }] };
    expect(() => loadCourse(writeManifest(duplicated))).toThrow(/duplicate task id "square"/);
  });
});
