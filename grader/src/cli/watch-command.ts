import { watch } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { lessonFile } from "../course/paths.ts";
import { gradeCourse } from "../grade/grade-course.ts";
import { loadCourse } from "../manifest/load.ts";
import type { Lesson } from "../manifest/schema.ts";
import type { LessonModule, OpenLessonLike } from "../plot/lesson-module.ts";
import type { LiveServer } from "../plot/live-server.ts";
import { terminalPicture } from "../report/picture.ts";
import type { GradeReport } from "../report/schema.ts";
import { renderTerminal, useColor } from "../report/terminal.ts";
import { readLastGrades, saveLastGrades } from "../report/write.ts";
import { CLI_MESSAGES } from "./messages.ts";
import { resolveLesson, UsageError } from "./resolve-lesson.ts";

/** Editors save in bursts (write, rename, touch): wait this long after the last event before grading. */
const DEBOUNCE_MS = 300;
/** Where the page is served unless --port says otherwise (a fixed port keeps an open tab working across restarts). */
const DEFAULT_PORT = 4178;

export const WATCH_MESSAGES = {
  /** For the CLI's usage text (cli/messages.ts). */
  usage: `Usage: pnpm watch [lesson] [--source <file>] [--page [--port <n>] [--open]]
  Grades the lesson, then again every time you save its file, until Ctrl-C.
  --page        also serve the lesson's page (its figures and your grade) on http://127.0.0.1:<port>/,
                redrawn in the open tab each time you save
  --port <n>    the page's port (default ${DEFAULT_PORT}; 0 picks a free one)
  --open        open the page in your browser`,
  badPort: (given: string) => `--port takes a port number from 0 to 65535, not "${given}".`,
  pageOnly: (option: string) => `${option} goes with --page, e.g. pnpm watch 04 --page ${option}.`,
  serving: (url: string) => `Page: ${url} (redrawn each time you save; keep the tab open)`,
  portTaken: (port: number) => `Port ${port} is taken; serving the page on another one.`,
  grading: "Saved: grading and drawing again…",
  firstGrade: "Grading and drawing for the first time…",
} as const;

/** The lesson to watch: the one named, else the first whose last grade is not complete. */
function chooseLesson(lessons: readonly Lesson[], last: ReturnType<typeof readLastGrades>): Lesson {
  return lessons.find((l) => last.get(l.id)?.status !== "complete") ?? (lessons[0] as Lesson);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535) throw new UsageError(WATCH_MESSAGES.badPort(raw));
  return port;
}

/** The lesson's live page: the server, and how to redraw it from a fresh grade. */
interface Page {
  server: LiveServer;
  redraw(report: GradeReport, open: OpenLessonLike): Promise<void>;
  close(): Promise<void>;
}

async function startPage(lesson: Lesson, file: string, port: number): Promise<Page> {
  const [{ startLiveServer }, { lessonPageHtml }, { drawLesson, relativeToRepo }, { closeLessons }] =
    await Promise.all([
      import("../plot/live-server.ts"),
      import("../report/html.ts"),
      import("../plot/page.ts"),
      import("../plot/open-lesson.ts"),
    ]);
  const command = `pnpm watch ${lesson.id.slice(0, 2)} --page`;
  const page = (
    version: number,
    figures: Parameters<typeof lessonPageHtml>[0]["figures"],
    report?: GradeReport,
  ) =>
    lessonPageHtml({
      lesson: { id: lesson.id, title: lesson.title },
      mode: "yours",
      source: relativeToRepo(file),
      figures,
      report,
      generatedAt: new Date().toISOString(),
      live: { version, command },
    });
  const first = page(0, []).replace("<main>", `<main><p>${WATCH_MESSAGES.firstGrade}</p>`);
  let server: LiveServer;
  try {
    server = await startLiveServer({ port, html: first });
  } catch (error) {
    if ((error as { code?: string }).code !== "EADDRINUSE" || port === 0) throw error;
    console.log(WATCH_MESSAGES.portTaken(port));
    server = await startLiveServer({ port: 0, html: first });
  }
  let version = 0;
  return {
    server,
    async redraw(report, open) {
      const figures = await drawLesson(lesson.id, "yours", { learner: file, reference: file }, open);
      server.update(page(++version, figures, report), version);
    },
    async close() {
      closeLessons();
      await server.close();
    },
  };
}

/** Starts the platform's opener for a URL (the same as `pnpm plot --open`). */
async function openUrl(url: string): Promise<void> {
  const { openInBrowser } = await import("./plot-command.ts");
  await openInBrowser(url);
}

/**
 * `pnpm watch [lesson] [--source file] [--page [--port n] [--open]]`: grades the lesson, then again every
 * time its file is saved, until Ctrl-C. With --page, also serves the lesson's page and redraws it.
 */
export async function watchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      source: { type: "string" },
      page: { type: "boolean", default: false },
      port: { type: "string" },
      open: { type: "boolean", default: false },
    },
  });
  if (!values.page && values.port !== undefined) throw new UsageError(WATCH_MESSAGES.pageOnly("--port"));
  if (!values.page && values.open) throw new UsageError(WATCH_MESSAGES.pageOnly("--open"));
  const port = parsePort(values.port);
  const course = loadCourse();
  const lesson = positionals[0]
    ? resolveLesson(course, positionals[0])
    : chooseLesson(course.lessons, readLastGrades());
  const file = values.source ? path.resolve(values.source) : lessonFile(lesson.id, "exercises");
  const sources = values.source ? { [lesson.id]: file } : {};
  const page = values.page ? await startPage(lesson, file, port) : undefined;
  let running = false;
  let again = false;
  const grade = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      page?.server.busy(WATCH_MESSAGES.grading);
      const report = await gradeCourse({
        course,
        lessons: [lesson],
        target: "exercises",
        seed: course.defaults.seed,
        sources,
      });
      saveLastGrades(report);
      // The picture and the page load the file once, in one sandbox.
      const { openLesson, closeLessons } = await import("../plot/open-lesson.ts");
      const loaded = new Map<string, Promise<LessonModule>>();
      const open: OpenLessonLike = (id, source) => {
        const key = `${id}\u0000${source}`;
        if (!loaded.has(key)) loaded.set(key, Promise.resolve(openLesson(id, source)));
        return loaded.get(key)!;
      };
      try {
        const picture = await terminalPicture(report, { open });
        console.clear();
        console.log(renderTerminal(report, useColor(), { picture }));
        console.log(`\n${CLI_MESSAGES.watching(file)}`);
        if (page) console.log(WATCH_MESSAGES.serving(page.server.url));
        await page?.redraw(report, open);
      } finally {
        closeLessons();
      }
    } catch (error) {
      console.error(CLI_MESSAGES.couldNotGrade(error instanceof Error ? error.message : String(error)));
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      await grade();
    }
  };
  if (page) console.log(WATCH_MESSAGES.serving(page.server.url));
  if (page && values.open) await openUrl(page.server.url);
  await grade();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(file, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void grade(), DEBOUNCE_MS);
  });
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  clearTimeout(timer);
  watcher.close();
  await page?.close();
  return 0;
}
