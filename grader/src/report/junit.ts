import { sanitizeReport } from "./sanitize.ts";
import type { GradeReport } from "./schema.ts";

function xml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}

/** JUnit XML: one testsuite per lesson, one testcase per hidden test (`task > name`). */
export function renderJunit(report: GradeReport): string {
  report = sanitizeReport(report);
  const suites = report.lessons.map((lesson) => {
    const tests = lesson.tasks.flatMap((t) => t.tests);
    const failures = tests.filter((t) => t.status !== "passed").length;
    const cases = tests.map((test) => {
      const open = `    <testcase classname="${xml(lesson.id)}" name="${xml(test.id)}" time="${(test.durationMs / 1000).toFixed(3)}"`;
      if (test.status === "passed") return `${open}/>`;
      return `${open}>\n      <failure type="${test.status}" message="${xml((test.message ?? test.status).split("\n")[0] ?? "")}">${xml(test.message ?? "")}</failure>\n    </testcase>`;
    });
    return `  <testsuite name="${xml(lesson.id)}" tests="${tests.length}" failures="${failures}" time="${(lesson.durationMs / 1000).toFixed(3)}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(report.course)}">\n${suites.join("\n")}\n</testsuites>\n`;
}
