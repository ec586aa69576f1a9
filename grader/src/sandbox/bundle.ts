/**
 * Turns a learner file into what the sandbox runs: one plain ESM file holding the learner's code and the
 * parts of `@calcml/math` / `@calcml/optim` it may use, bundled by esbuild. Every import is resolved to
 * the file it would load and judged there, so no spelling of a path (absolute, `file:`, `/proc/self/cwd`,
 * a symlink, a deep path into a package) reaches what the lesson forbids. The packages are offered
 * through a gate that exports only the names the lesson allows, so a forbidden function is missing
 * however it is asked for (by name, through `import *`, by a computed key).
 */

import { readFileSync, realpathSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import * as esbuild from "esbuild";
import { GRADER_SRC, REPO_ROOT } from "../course/paths.ts";
import type { Lesson } from "../manifest/schema.ts";
import { ALLOWED_NODE_MODULES } from "./node-modules.ts";

/** The publishable packages a learner file may import, by their public entry. */
export const COURSE_PACKAGES: Record<string, string> = {
  "@calcml/math": path.join(REPO_ROOT, "packages/math/src/index.ts"),
  "@calcml/optim": path.join(REPO_ROOT, "packages/optim/src/index.ts"),
};
/** Files larger than this are refused before parsing (a solution is about 10 KB). */
export const MAX_SOURCE_BYTES = 256 * 1024;
/** Brackets or unary operators nested deeper than this are refused before parsing. */
export const MAX_NESTING = 1000;
const GATE = "calcml-allowed";
/** Marks a forbidden name in the bundle (see the gate below). */
const FORBIDDEN_MARK = "calcml-forbidden:";

/** What esbuild is told when an import is refused; it adds the file and line of the import. */
export const BUNDLE_MESSAGES = {
  outside: (spec: string, file: string) =>
    `imports ${spec}, which loads ${file}: outside your lesson's folder. A learner file may import only files in its own folder, @calcml/math and @calcml/optim.`,
  deep: (spec: string) =>
    `imports ${spec}, a file inside a course package; import from "@calcml/math" or "@calcml/optim" instead.`,
  nodeModule: (spec: string) =>
    `imports ${spec}; learner files may not use the test framework or Node's file, process and network modules.`,
  forbiddenModule: (spec: string) => `imports ${spec}, which this lesson does not allow. Remove the import.`,
  unknownPackage: (spec: string) =>
    `imports ${spec}, which is not a package this course offers (only @calcml/math and @calcml/optim).`,
  forbiddenName: (where: string, name: string, module: string) =>
    `${where}: uses \`${name}\` from ${module}, which this lesson asks you to write yourself. Remove it and write it.`,
  glob: (where: string) =>
    `${where}: uses import.meta.glob, which the grader does not run; import files by name.`,
  computed: (where: string) =>
    `${where}: loads a module whose name is computed at run time (import(…) of a variable); import modules by their literal name.`,
  tooLarge: (bytes: number) =>
    `is too large (${Math.round(bytes / 1024)} KB); the grader reads files of at most ${MAX_SOURCE_BYTES / 1024} KB (a lesson file is about 10 KB).`,
  tooDeep: (depth: number) =>
    `nests brackets or operators ${depth} levels deep; the grader parses at most ${MAX_NESTING} levels.`,
} as const;

export interface BundleViolation {
  message: string;
  /** The forbidden name, when the problem is one (to charge only its task). */
  name?: string;
}

export interface BundleResult {
  /** The bundled code, when the file could be bundled. */
  code?: string;
  /** What the bundle exports. */
  exports?: string[];
  /** Problems with what the file imports: each blocks the tasks named, or all. */
  violations: BundleViolation[];
  /** A syntax error, with file:line:col and the line. */
  syntax?: { message: string; where: string; line: string };
}

let packageNames: Promise<Record<string, string[]>> | undefined;

/** The public names of each course package: what its barrel exports at run time (types need no gate). */
function publicNames(): Promise<Record<string, string[]>> {
  packageNames ??= Promise.all([import("@calcml/math"), import("@calcml/optim")]).then(([math, optim]) => ({
    "@calcml/math": Object.keys(math),
    "@calcml/optim": Object.keys(optim),
  }));
  return packageNames;
}

function inside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function isNodeBuiltin(spec: string): boolean {
  const bare = spec.replace(/^node:/, "");
  return spec.startsWith("node:") || builtinModules.includes(bare);
}

/**
 * Bundles `file` for lesson `lesson`. `trustedDirs` are folders a course-owned file (a fixture, a
 * solution) may also import from; a learner file gets none. `outfile` is where the code will be written.
 */
export async function bundleLearnerFile(
  file: string,
  lesson: Lesson,
  trustedDirs: readonly string[] = [],
  outfile = path.join(path.dirname(file), "bundle.mjs"),
): Promise<BundleResult> {
  const names = await publicNames();
  const lessonDir = realpathSync(path.dirname(file));
  const allowedDirs = [lessonDir, ...trustedDirs.map((d) => realpathSync(d))];
  const packageDirs = Object.values(COURSE_PACKAGES).map((entry) => path.dirname(path.dirname(entry)));
  const violations: BundleViolation[] = [];
  const plugin: esbuild.Plugin = {
    name: "calcml-judge",
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData === "inner") return undefined;
        if (args.namespace === GATE) return undefined;
        const fromPackage = packageDirs.some((dir) => inside(args.importer, dir));
        if (fromPackage) return undefined;
        const spec = args.path;
        if (spec in COURSE_PACKAGES) {
          if (lesson.forbiddenImports[spec]?.includes("*"))
            return { errors: [{ text: BUNDLE_MESSAGES.forbiddenModule(spec) }] };
          return { path: spec, namespace: GATE };
        }
        if (isNodeBuiltin(spec)) {
          if (!ALLOWED_NODE_MODULES.has(spec.replace(/^node:/, "")))
            return { errors: [{ text: BUNDLE_MESSAGES.nodeModule(spec) }] };
          return { path: spec, external: true };
        }
        const resolved = await build.resolve(spec, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: "inner",
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const real = resolved.path ? realpathSync(resolved.path) : "";
        if (packageDirs.some((dir) => inside(real, dir)))
          return { errors: [{ text: BUNDLE_MESSAGES.deep(spec) }] };
        if (!/^[./]|^file:/.test(spec) && !path.isAbsolute(spec))
          return { errors: [{ text: BUNDLE_MESSAGES.unknownPackage(spec) }] };
        if (!allowedDirs.some((dir) => inside(real, dir)))
          return {
            errors: [{ text: BUNDLE_MESSAGES.outside(spec, path.relative(REPO_ROOT, real) || real) }],
          };
        return { path: real };
      });
      // Before esbuild parses a file: refuse one so large or so deeply nested that the parser itself
      // could fail (esbuild's service is shared by every lesson of the run).
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        if (packageDirs.some((dir) => inside(args.path, dir))) return undefined;
        const bytes = statSync(args.path).size;
        if (bytes > MAX_SOURCE_BYTES)
          return {
            errors: [{ text: `${path.relative(REPO_ROOT, args.path)} ${BUNDLE_MESSAGES.tooLarge(bytes)}` }],
          };
        const depth = nestingDepth(readFileSync(args.path, "utf8"));
        if (depth > MAX_NESTING)
          return {
            errors: [{ text: `${path.relative(REPO_ROOT, args.path)} ${BUNDLE_MESSAGES.tooDeep(depth)}` }],
          };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: GATE }, (args) => {
        const banned = new Set(lesson.forbiddenImports[args.path] ?? []);
        const all = names[args.path] ?? [];
        const allowed = all.filter((n) => !banned.has(n));
        const entry = JSON.stringify(COURSE_PACKAGES[args.path]);
        // A forbidden name is a function that refuses to run, marked so that the bundle shows it was
        // used, however it was reached (by name, through import *, by a computed key).
        const refusals = all
          .filter((n) => banned.has(n))
          .map(
            (n) => `export const ${n} = /* @__PURE__ */ refuse(${JSON.stringify(`${FORBIDDEN_MARK}${n}`)});`,
          );
        return {
          contents: [
            allowed.length > 0 ? `export { ${allowed.join(", ")} } from ${entry};` : "",
            "function refuse(mark) { return () => { throw new Error(mark.slice(mark.indexOf(':') + 1) + ' is one of this lesson\\'s own answers: write it yourself'); }; }",
            ...refusals,
          ].join("\n"),
          loader: "js",
          resolveDir: REPO_ROOT,
        };
      });
    },
  };
  let result: esbuild.BuildResult<{ write: false; metafile: true }>;
  try {
    result = await esbuild.build({
      entryPoints: [file],
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      target: "node20",
      sourcemap: "inline",
      sourcesContent: false,
      metafile: true,
      logLevel: "silent",
      plugins: [plugin],
      // Where the bundle will live: its source map then points stack traces at the learner's own file.
      outfile,
    });
  } catch (error) {
    return fromFailure(error, file, violations);
  }
  const code = result.outputFiles[0]?.text ?? "";
  const exports = Object.values(result.metafile.outputs).flatMap((o) => o.exports);
  const used = new Set([...code.matchAll(new RegExp(`${FORBIDDEN_MARK}([\\w$]+)`, "g"))].map((m) => m[1]!));
  for (const name of used) {
    const module =
      Object.keys(COURSE_PACKAGES).find((p) => lesson.forbiddenImports[p]?.includes(name)) ?? "the course";
    violations.push({ message: BUNDLE_MESSAGES.forbiddenName(firstMention(file, name), name, module), name });
  }
  if (/import\.meta\.glob/.test(code))
    violations.push({ message: BUNDLE_MESSAGES.glob(path.relative(REPO_ROOT, file)) });
  return { code, exports, violations };
}

/**
 * How deep brackets and runs of unary operators go, roughly (strings and comments are not skipped: a
 * file only needs to be refused when it is absurd, and an honest file is nowhere near the limit).
 */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 41 || c === 93 || c === 125) depth = Math.max(0, depth - 1);
    // ! ~ - + repeated: each is one more level for a recursive parser.
    if (c === 33 || c === 126 || c === 45 || c === 43) deepest = Math.max(deepest, ++run);
    else if (c !== 32) run = 0;
  }
  return deepest;
}

/** `file:line` of the first line of the learner's file that names `name` (or just the file). */
function firstMention(file: string, name: string): string {
  const shown = path.relative(REPO_ROOT, file);
  try {
    const lines = readFileSync(file, "utf8").split("\n");
    const index = lines.findIndex((line) => new RegExp(`\\b${name}\\b`).test(line));
    return index >= 0 ? `${shown}:${index + 1}` : shown;
  } catch {
    return shown;
  }
}

function location(message: esbuild.Message, fallback: string): string {
  const loc = message.location;
  if (!loc) return path.relative(REPO_ROOT, fallback);
  return `${path.relative(REPO_ROOT, path.resolve(REPO_ROOT, loc.file))}:${loc.line}`;
}

function fromFailure(error: unknown, file: string, violations: BundleViolation[]): BundleResult {
  const failure = error as { errors?: esbuild.Message[] };
  for (const message of failure.errors ?? []) {
    const where = location(message, file);
    if (message.pluginName === "calcml-judge" || /Could not resolve|No matching export/.test(message.text)) {
      violations.push({ message: `${where}: ${message.text}` });
    } else if (message.location) {
      const loc = message.location;
      return {
        violations,
        syntax: {
          message: message.text,
          where: `${path.relative(REPO_ROOT, path.resolve(REPO_ROOT, loc.file))}:${loc.line}:${loc.column + 1}`,
          line: loc.lineText,
        },
      };
    } else {
      violations.push({ message: `${path.relative(REPO_ROOT, file)}: ${message.text}` });
    }
  }
  if (violations.length === 0)
    violations.push({ message: `${path.relative(REPO_ROOT, file)}: ${String(error)}` });
  return { violations };
}

let hostCode: Promise<string> | undefined;

/** The sandbox's host script (host.ts with the codec), bundled once per grader process. */
export function hostScript(): Promise<string> {
  hostCode ??= esbuild
    .build({
      entryPoints: [path.join(GRADER_SRC, "sandbox", "host.ts")],
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
    })
    .then((r) => r.outputFiles[0]!.text);
  return hostCode;
}
