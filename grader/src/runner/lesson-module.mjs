// @ts-check
/**
 * `@lesson/<id>` as the hidden suites see it: a virtual module whose exports are proxies into the
 * lesson's sandbox (sandbox/client.ts). One home for the module text, used by a grading run
 * (child.mjs) and by a mutation run (course/mutants/vitest.config.ts).
 *
 * Plain JavaScript on purpose: child.mjs loads it without a TypeScript loader.
 */

const PREFIX = "@lesson/";
/**
 * The global through which a keyed suite file (run-suites.ts) hands its sandbox's configuration to
 * `@lesson/<id>`; cleared before every suite file (fresh-modules.ts).
 */
export const KEYED_SANDBOX_GLOBAL = "__calcmlKeyedSandbox";
const VIRTUAL = "\0calcml-lesson:";

/**
 * The vite plugin.
 * @param {object} options
 * @param {string} options.client  absolute path of sandbox/client.ts
 * @param {Readonly<Record<string, readonly string[]>>} options.exports  lesson id → names its module offers
 * @param {string} [options.keyedSandbox]  the global a keyed suite file sets to its sandbox's
 *   configuration (run-suites.ts): when set, the module opens that sandbox instead of the lesson's own
 */
export function lessonModules({ client, exports, keyedSandbox }) {
  return {
    name: "calcml:lesson-in-sandbox",
    enforce: /** @type {const} */ ("pre"),
    /** @param {string} id */
    resolveId(id) {
      return id.startsWith(PREFIX) ? VIRTUAL + id.slice(PREFIX.length) : null;
    },
    /** @param {string} id */
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const lesson = id.slice(VIRTUAL.length);
      // A module that offered `then` would be a thenable: importing it would call learner code.
      const names = (exports[lesson] ?? []).filter(
        (n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== "default" && n !== "then",
      );
      const open = keyedSandbox
        ? [
            `import { openLesson, openSandbox } from ${JSON.stringify(client)};`,
            `const keyed = globalThis[${JSON.stringify(keyedSandbox)}];`,
            `if (keyed && keyed.lessonId !== ${JSON.stringify(lesson)}) throw new Error(${JSON.stringify(`the grader's keyed sandbox is not for ${lesson}`)});`,
            `const lesson = keyed ? openSandbox(keyed) : openLesson(${JSON.stringify(lesson)});`,
          ]
        : [
            `import { openLesson } from ${JSON.stringify(client)};`,
            `const lesson = openLesson(${JSON.stringify(lesson)});`,
          ];
      return [...open, ...names.map((n) => `export const ${n} = lesson[${JSON.stringify(n)}];`)].join("\n");
    },
  };
}
