/**
 * `@lesson/<id>` as the grader resolves it for the hidden suites: a virtual module whose exports are the
 * proxies `openLesson` makes (sandbox/client.ts). The same module text as grader/src/runner/child.mjs
 * generates in a grading run, for the mutation runs' vitest configuration.
 */
import type { Plugin } from "vitest/config";

const PREFIX = "@lesson/";
const VIRTUAL = "\0calcml-lesson:";

/** The vite plugin: `client` is the absolute path of sandbox/client.ts; `exports` lesson id → names. */
export function lessonModules(client: string, exports: Readonly<Record<string, readonly string[]>>): Plugin {
  return {
    name: "calcml:lesson-in-sandbox",
    enforce: "pre",
    resolveId(id) {
      return id.startsWith(PREFIX) ? VIRTUAL + id.slice(PREFIX.length) : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const lesson = id.slice(VIRTUAL.length);
      const names = (exports[lesson] ?? []).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== "default");
      return [
        `import { openLesson } from ${JSON.stringify(client)};`,
        `const lesson = openLesson(${JSON.stringify(lesson)});`,
        ...names.map((n) => `export const ${n} = lesson[${JSON.stringify(n)}];`),
      ].join("\n");
    },
  };
}
