import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "../course/paths.ts";
import type { Lesson } from "../manifest/schema.ts";

/**
 * Modules a learner file may never import: the test framework it shares a process with, and the
 * parts of Node that reach outside the process. (Node's permission flags back this up at run time.)
 */
export const ALWAYS_FORBIDDEN = [
  /^vitest(\/|$)/,
  /^@vitest\//,
  /^chai(\/|$)/,
  /^(node:)?(child_process|worker_threads|cluster|vm|inspector|fs|fs\/promises|net|http|https|module)$/,
];
/** Folders a learner file may not import from: the answers and the grader. */
const TRUSTED_DIRS = ["solutions", "grader"];

export const IMPORT_MESSAGES = {
  forbiddenName: (where: string, name: string, module: string) =>
    `${where}: imports \`${name}\` from ${module}, which this lesson asks you to write yourself. Remove the import and write it.`,
  forbiddenModule: (where: string, module: string) =>
    `${where}: imports ${module}, which this lesson does not allow. Remove the import.`,
  namespace: (where: string, module: string) =>
    `${where}: imports all of ${module} at once; this lesson forbids some of its functions, so import the ones you use by name.`,
  neverAllowed: (where: string, module: string) =>
    `${where}: imports ${module}; learner files may not use the test framework or Node's file, process and network modules.`,
  trusted: (where: string, module: string) =>
    `${where}: imports ${module} from the course's solutions or grader; your file must stand on its own.`,
  computed: (where: string) =>
    `${where}: loads a module whose name is computed at run time; import modules by their literal name.`,
} as const;

export interface ImportViolation {
  message: string;
  /** Task ids that score 0 because of it, or "all". */
  tasks: string[] | "all";
}

interface ImportSite {
  module: string | undefined;
  /** Named imports, or "*" for namespace/default/side-effect/re-export-all forms. */
  names: string[] | "*";
  line: number;
}

function importSites(sourceFile: ts.SourceFile): ImportSite[] {
  const sites: ImportSite[] = [];
  const lineOf = (node: ts.Node) =>
    sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  const literal = (node: ts.Node | undefined) =>
    node && ts.isStringLiteralLike(node) ? node.text : undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      const bindings = node.importClause?.namedBindings;
      const named = bindings && ts.isNamedImports(bindings) && !node.importClause?.name;
      const names = named
        ? bindings.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text)
        : "*";
      if (names === "*" || names.length > 0)
        sites.push({ module: literal(node.moduleSpecifier), names, line: lineOf(node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const clause = node.exportClause;
      const names =
        clause && ts.isNamedExports(clause)
          ? clause.elements.map((e) => (e.propertyName ?? e.name).text)
          : "*";
      sites.push({ module: literal(node.moduleSpecifier), names, line: lineOf(node) });
    } else if (ts.isCallExpression(node)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      if (isImport || isRequire)
        sites.push({ module: literal(node.arguments[0]), names: "*", line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return sites;
}

function isTrustedPath(module: string, file: string): boolean {
  if (!module.startsWith(".") && !path.isAbsolute(module)) return module.startsWith("@lesson/");
  const resolved = path.resolve(path.dirname(file), module);
  return TRUSTED_DIRS.some((dir) => resolved.startsWith(path.join(REPO_ROOT, dir) + path.sep));
}

/**
 * Finds the imports a lesson does not allow in a learner file. Static, so it also catches imports in
 * code that never runs; the hidden suite is the run-time check.
 */
export function checkImports(
  source: string,
  file: string,
  lesson: Lesson,
  options: { allowTrustedImports?: boolean } = {},
): ImportViolation[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const shown = path.relative(REPO_ROOT, file);
  const taskOf = (name: string) => lesson.tasks.filter((t) => t.functions.includes(name)).map((t) => t.id);
  const violations: ImportViolation[] = [];
  for (const site of importSites(sourceFile)) {
    const where = `${shown}:${site.line}`;
    const { module } = site;
    if (module === undefined) {
      violations.push({ message: IMPORT_MESSAGES.computed(where), tasks: "all" });
    } else if (ALWAYS_FORBIDDEN.some((pattern) => pattern.test(module))) {
      violations.push({ message: IMPORT_MESSAGES.neverAllowed(where, module), tasks: "all" });
    } else if (!options.allowTrustedImports && isTrustedPath(module, file)) {
      violations.push({ message: IMPORT_MESSAGES.trusted(where, module), tasks: "all" });
    } else {
      const forbidden = lesson.forbiddenImports[module];
      if (!forbidden || forbidden.length === 0) continue;
      if (forbidden.includes("*")) {
        violations.push({ message: IMPORT_MESSAGES.forbiddenModule(where, module), tasks: "all" });
      } else if (site.names === "*") {
        violations.push({ message: IMPORT_MESSAGES.namespace(where, module), tasks: "all" });
      } else {
        for (const name of site.names.filter((n) => forbidden.includes(n))) {
          const tasks = taskOf(name);
          violations.push({
            message: IMPORT_MESSAGES.forbiddenName(where, name, module),
            tasks: tasks.length ? tasks : "all",
          });
        }
      }
    }
  }
  return violations;
}

export const EXPORT_MESSAGES = {
  missing: (where: string, name: string, task: number) =>
    `${where} does not export \`${name}\` (task ${task}); keep the stub's \`export\` line and its exact name.`,
} as const;

/** The names a module exports by its own declarations, or undefined when it re-exports a whole module. */
function exportedNames(sourceFile: ts.SourceFile): Set<string> | undefined {
  const names = new Set<string>();
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!clause) return undefined;
      if (ts.isNamedExports(clause)) for (const element of clause.elements) names.add(element.name.text);
    } else if (exported(statement)) {
      if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
        names.add(statement.name.text);
      } else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations)
          if (ts.isIdentifier(d.name)) names.add(d.name.text);
      }
    }
  }
  return names;
}

/**
 * The functions the manifest grades that the learner file does not export (a renamed function, a
 * dropped `export`): each is named with its task, before any test says "is not a function".
 */
export function checkExports(source: string, file: string, lesson: Lesson): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names = exportedNames(sourceFile);
  if (!names) return [];
  const where = path.relative(REPO_ROOT, file);
  return lesson.tasks.flatMap((task, index) =>
    task.functions
      .filter((name) => !names.has(name))
      .map((name) => EXPORT_MESSAGES.missing(where, name, index + 1)),
  );
}
