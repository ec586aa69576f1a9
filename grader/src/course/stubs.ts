import ts from "typescript";

/** Marks the learner's part of a solution; the text after the colon becomes the stub's TODO line. */
export const BEGIN_SOLUTION = /^(\s*)\/\/ BEGIN SOLUTION(?::\s*(.*))?$/;
export const END_SOLUTION = /^\s*\/\/ END SOLUTION\s*$/;
/** Lines between these markers are dropped from the stub entirely (helpers the learner writes). */
export const BEGIN_HIDE = /^\s*\/\/ BEGIN HIDE\s*$/;
export const END_HIDE = /^\s*\/\/ END HIDE\s*$/;

export const STUB_ERRORS = {
  unclosed: (file: string, line: number, marker: string) =>
    `${file}:${line}: "${marker}" is never closed; add the matching END marker`,
  stray: (file: string, line: number, marker: string) =>
    `${file}:${line}: "${marker}" has no opening marker before it`,
  noTodo: (file: string, line: number) =>
    `${file}:${line}: BEGIN SOLUTION needs a TODO text for the learner: "// BEGIN SOLUTION: what to do"`,
  outsideFunction: (file: string, line: number) =>
    `${file}:${line}: BEGIN SOLUTION must sit inside a function or method body`,
  noMarkers: (file: string) => `${file}: no "// BEGIN SOLUTION" marker; the stub would give the answer away`,
} as const;

/** Thrown when a solution's markers are malformed; the message names the file and line. */
export class StubError extends Error {
  override name = "StubError";
}

/**
 * Generates the learner's stub from a solution: each `// BEGIN SOLUTION: text` … `// END SOLUTION`
 * region becomes `// TODO: text` and `throw new Error("TODO: <function>")`; `BEGIN HIDE` regions vanish.
 * Everything else (imports, types, TSDoc, signatures) is copied, so stubs cannot drift from solutions.
 */
export function generateStub(source: string, file: string): string {
  const lines = source.split("\n");
  const out: string[] = [];
  let open: { kind: "solution" | "hide"; line: number } | undefined;
  let regions = 0;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const begin = BEGIN_SOLUTION.exec(line);
    if (begin || BEGIN_HIDE.test(line)) {
      if (open)
        throw new StubError(
          STUB_ERRORS.unclosed(file, open.line, open.kind === "solution" ? "BEGIN SOLUTION" : "BEGIN HIDE"),
        );
      open = { kind: begin ? "solution" : "hide", line: lineNo };
      if (begin) {
        regions += 1;
        const [, indent = "", todo] = begin;
        if (!todo) throw new StubError(STUB_ERRORS.noTodo(file, lineNo));
        const name = enclosingFunctionName(source, lineStart(lines, index), file, lineNo);
        out.push(`${indent}// TODO: ${todo}`, `${indent}throw new Error("TODO: implement ${name}");`);
      }
      return;
    }
    if (END_SOLUTION.test(line) || END_HIDE.test(line)) {
      const kind = END_SOLUTION.test(line) ? "solution" : "hide";
      if (open?.kind !== kind)
        throw new StubError(
          STUB_ERRORS.stray(file, lineNo, kind === "solution" ? "END SOLUTION" : "END HIDE"),
        );
      open = undefined;
      return;
    }
    if (!open) out.push(line);
  });
  if (open)
    throw new StubError(
      STUB_ERRORS.unclosed(file, open.line, open.kind === "solution" ? "BEGIN SOLUTION" : "BEGIN HIDE"),
    );
  if (regions === 0) throw new StubError(STUB_ERRORS.noMarkers(file));
  // A removed HIDE block leaves blank lines on both sides; keep one, as the formatter would.
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}

function lineStart(lines: readonly string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += (lines[i]?.length ?? 0) + 1;
  return offset;
}

/** `square`, `Value.add`, `Value constructor`: the innermost named function around `position`. */
function enclosingFunctionName(source: string, position: number, file: string, lineNo: number): string {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.getStart(sourceFile) || position >= node.getEnd()) return;
    const name = functionName(node);
    if (name) found = name;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (!found) throw new StubError(STUB_ERRORS.outsideFunction(file, lineNo));
  return found;
}

function functionName(node: ts.Node): string | undefined {
  const className = (member: ts.Node) =>
    ts.isClassDeclaration(member.parent) && member.parent.name ? `${member.parent.name.text}.` : "";
  if (ts.isFunctionDeclaration(node) && node.name) return node.name.text;
  if (ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) {
    return `${className(node)}${node.name.getText()}`;
  }
  if (ts.isConstructorDeclaration(node))
    return `${className(node)}constructor`.replace(/\.constructor$/, " constructor");
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent)) {
    return node.parent.name.getText();
  }
  return undefined;
}
