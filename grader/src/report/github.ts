import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import { sanitizeReport } from "./sanitize.ts";
import type { GradeReport } from "./schema.ts";

/** A Markdown table for $GITHUB_STEP_SUMMARY. */
export function renderGithubSummary(report: GradeReport): string {
  report = sanitizeReport(report);
  const rows = report.lessons.map((l) => `| ${l.id} | ${l.points} / ${l.maxPoints} | ${l.status} |`);
  return [
    `### ${report.course}: ${report.points} / ${report.maxPoints} (${report.percent} %)`,
    "",
    "| lesson | points | status |",
    "| --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** The line where `name` is defined in `file`, so an annotation lands on the function to fix. */
function definitionLine(file: string, name: string): number {
  const absolute = path.join(REPO_ROOT, file);
  if (!existsSync(absolute)) return 1;
  const lines = readFileSync(absolute, "utf8").split("\n");
  const pattern = new RegExp(`\\b(function|class|const)\\s+${name}\\b`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index + 1 || 1;
}

/** GitHub workflow commands: one error annotation per failing task, on the function it grades. */
export function renderGithubAnnotations(report: GradeReport): string[] {
  report = sanitizeReport(report);
  return report.lessons.flatMap((lesson) =>
    lesson.tasks
      .filter((task) => task.status !== "complete" && task.status !== "not-started")
      .map((task) => {
        const first = task.tests.find((t) => t.status !== "passed");
        const line = definitionLine(lesson.source, task.functions[0] ?? "");
        const title = escapeProperty(
          `${lesson.id} task ${task.number}: ${task.title} (${task.points} / ${task.maxPoints})`,
        );
        return `::error file=${escapeProperty(lesson.source)},line=${line},title=${title}::${escapeData(first?.message ?? task.status)}`;
      }),
  );
}
