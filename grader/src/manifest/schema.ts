import { z } from "zod";

/** A lesson id is a two-digit number and a kebab-case slug: `04-gradient-descent`. */
export const LESSON_ID_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const TASK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const IDENTIFIER_PATTERN = /^[A-Za-z_$][\w$]*$/;

export const TaskSchema = z
  .strictObject({
    id: z
      .string()
      .regex(TASK_ID_PATTERN, "use kebab-case, e.g. central-difference")
      .describe("Task id; the hidden suite's top-level describe() name"),
    title: z.string().min(1).describe("What the learner builds, in a few words"),
    points: z.number().int().positive().describe("Points for passing every test of the task"),
    functions: z
      .array(z.string().regex(IDENTIFIER_PATTERN, "must be an exported identifier"))
      .min(1)
      .describe("Exported names the task grades; used in messages and for forbidden imports"),
    buildsOn: z
      .array(z.string().regex(TASK_ID_PATTERN))
      .optional()
      .describe(
        "Earlier tasks of this lesson whose functions this task relies on: while one of them fails, this task's feedback says to fix that one first",
      ),
  })
  .describe("One graded task of a lesson");

export const LessonSchema = z
  .strictObject({
    id: z.string().regex(LESSON_ID_PATTERN, "use NN-slug, e.g. 04-gradient-descent"),
    title: z.string().min(1),
    timeLimitSeconds: z
      .number()
      .positive()
      .max(120)
      .optional()
      .describe("Wall-clock limit for one run of the lesson's hidden suite (default from `defaults`)"),
    forbiddenImports: z
      .record(z.string(), z.array(z.string()))
      .default({})
      .describe(
        'Names the learner file may not import, per module: { "@calcml/math": ["numericalGradient"] } ("*" forbids the module)',
      ),
    tasks: z.array(TaskSchema).min(1),
  })
  .describe("One lesson: a folder exercises/<id>/ with <slug>.ts, README.md, HINTS.md and visible tests");

export const CourseSchema = z
  .strictObject({
    $schema: z.string().optional(),
    title: z.string().min(1),
    defaults: z.strictObject({
      timeLimitSeconds: z.number().positive().max(120).describe("Per-lesson wall-clock limit"),
      memoryLimitMb: z
        .number()
        .int()
        .min(64)
        .max(8192)
        .describe("Heap cap of the worker that runs learner code"),
      seed: z.number().int().nonnegative().describe("Seed of the probe points when --seed is not given"),
    }),
    lessons: z.array(LessonSchema).min(1),
  })
  .superRefine((course, ctx) => {
    const seen = new Set<string>();
    course.lessons.forEach((lesson, index) => {
      if (seen.has(lesson.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["lessons", index, "id"],
          message: `duplicate lesson id "${lesson.id}"`,
        });
      }
      seen.add(lesson.id);
      const expectedNumber = String(index).padStart(2, "0");
      if (!lesson.id.startsWith(`${expectedNumber}-`)) {
        ctx.addIssue({
          code: "custom",
          path: ["lessons", index, "id"],
          message: `lesson ${index} must be numbered ${expectedNumber}- (lessons are listed in order, from 00)`,
        });
      }
      const taskIds = new Set<string>();
      lesson.tasks.forEach((task, taskIndex) => {
        if (taskIds.has(task.id)) {
          ctx.addIssue({
            code: "custom",
            path: ["lessons", index, "tasks", taskIndex, "id"],
            message: `duplicate task id "${task.id}" in lesson ${lesson.id}`,
          });
        }
        taskIds.add(task.id);
        for (const earlier of task.buildsOn ?? [])
          if (!lesson.tasks.slice(0, taskIndex).some((t) => t.id === earlier))
            ctx.addIssue({
              code: "custom",
              path: ["lessons", index, "tasks", taskIndex, "buildsOn"],
              message: `task ${task.id} builds on "${earlier}", which is not an earlier task of lesson ${lesson.id}`,
            });
      });
    });
  });

export type Task = z.infer<typeof TaskSchema>;
export type Lesson = z.infer<typeof LessonSchema>;
export type Course = z.infer<typeof CourseSchema>;
