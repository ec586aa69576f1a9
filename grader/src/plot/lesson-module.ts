/**
 * What figure code sees of a lesson file: its exports, and nothing else. The learner's file is untrusted
 * and will run in the sandbox the grader is getting; figure code must never import it directly.
 */

/** The learner's (or the reference's) exports. Calls are synchronous and may throw; values are plain data. */
export type LessonModule = Readonly<Record<string, unknown>>;
export type OpenLesson = (lessonId: string, sourceFile: string) => LessonModule;

/**
 * What the plot command accepts: the sandbox client's synchronous {@link OpenLesson}, or today's
 * temporary dynamic import, which can only be asynchronous. The command awaits either.
 */
export type OpenLessonLike = (lessonId: string, sourceFile: string) => LessonModule | Promise<LessonModule>;
