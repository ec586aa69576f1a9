/** The terminal text of `pnpm course mutants`: a table of lessons, then each lesson's survivors. */
import { describeMutant } from "./identify.ts";
import type { LessonMutants, MutantsReport } from "./run.ts";

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** One line per lesson: killed / total, score, survivors, equivalents, errors, time. */
export function renderTable(lessons: readonly LessonMutants[], totalSeconds?: number, minWidth = 6): string {
  const width = Math.max(minWidth, ...lessons.map((l) => l.lesson.length));
  const head = `${pad("lesson", width)}  ${pad("killed/total", 12, true)}  ${pad("score", 6, true)}  ${pad("surv", 4, true)}  ${pad("equiv", 5, true)}  ${pad("err", 3, true)}  ${pad("time", 7, true)}`;
  const rows = lessons.map((l) =>
    l.failure
      ? `${pad(l.lesson, width)}  run failed: ${l.failure.split("\n")[0]}`
      : `${pad(l.lesson, width)}  ${pad(`${l.killed}/${l.total}`, 12, true)}  ${pad(`${l.score.toFixed(1)}%`, 6, true)}  ${pad(String(l.survived), 4, true)}  ${pad(String(l.equivalent), 5, true)}  ${pad(String(l.errors), 3, true)}  ${pad(`${l.seconds.toFixed(1)} s`, 7, true)}`,
  );
  const killed = lessons.reduce((s, l) => s + l.killed, 0);
  const total = lessons.reduce((s, l) => s + l.total, 0);
  const survived = lessons.reduce((s, l) => s + l.survived, 0);
  const equivalent = lessons.reduce((s, l) => s + l.equivalent, 0);
  const errors = lessons.reduce((s, l) => s + l.errors, 0);
  const seconds = totalSeconds ?? lessons.reduce((s, l) => s + l.seconds, 0);
  const score = total === 0 ? 100 : Math.round((killed / total) * 1000) / 10;
  const foot = `${pad("all", width)}  ${pad(`${killed}/${total}`, 12, true)}  ${pad(`${score.toFixed(1)}%`, 6, true)}  ${pad(String(survived), 4, true)}  ${pad(String(equivalent), 5, true)}  ${pad(String(errors), 3, true)}  ${pad(`${seconds.toFixed(1)} s`, 7, true)}`;
  return [head, ...rows, foot].join("\n");
}

/** The survivors of one lesson (and its equivalents and errors, more briefly). */
export function renderSurvivors(lesson: LessonMutants): string {
  const out: string[] = [];
  const survivors = lesson.mutants.filter((m) => m.outcome === "survived");
  out.push(
    `${lesson.lesson}: ${survivors.length} survivor${survivors.length === 1 ? "" : "s"} (${lesson.file}, line Mutator: original → replacement)`,
  );
  for (const m of survivors) out.push(`  ${describeMutant(m).slice(lesson.file.length + 1)}`);
  const equivalents = lesson.mutants.filter((m) => m.outcome === "equivalent");
  if (equivalents.length > 0) {
    out.push(`  equivalent (listed in grader/mutants/equivalent.json): ${equivalents.length}`);
    for (const m of equivalents) out.push(`    ${describeMutant(m).slice(lesson.file.length + 1)}`);
  }
  const errors = lesson.mutants.filter((m) => m.outcome === "error");
  for (const m of errors)
    out.push(`  error: ${describeMutant(m).slice(lesson.file.length + 1)} (${m.detail})`);
  return out.join("\n");
}

/** The whole report: table, then survivors lesson by lesson. */
export function renderReport(report: MutantsReport): string {
  return [
    renderTable(report.lessons, report.seconds),
    "",
    ...report.lessons.filter((l) => !l.failure).map((l) => `${renderSurvivors(l)}\n`),
  ].join("\n");
}
