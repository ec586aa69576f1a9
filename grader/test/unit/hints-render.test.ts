import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseHints } from "../../src/course/hints.ts";
import { REPO_ROOT } from "../../src/course/paths.ts";
import { latexToUnicode, renderHint } from "../../src/course/render-math.ts";

describe("latexToUnicode", () => {
  it.each([
    ["\\sum_k A[i][k] \\cdot B[k][j]", "Σₖ A[i][k] · B[k][j]"],
    ["\\prod_i x_i", "∏ᵢ xᵢ"],
    ["a\\times b", "a × b"],
    ["\\nabla f(x)^\\top p", "∇f(x)ᵀ p"],
    ["\\partial a/\\partial z", "∂a/∂z"],
    ["\\partial\\text{loss}/\\partial a", "∂loss/∂a"],
    ["x^T A x", "xᵀ A x"],
    ["x^2 + y^{10}", "x² + y¹⁰"],
    ["A^{-1}", "A⁻¹"],
    ["e^{x}", "eˣ"],
    ["e^{-z}", "e⁻ᶻ"],
    ["e^{q}", "e^q"],
    ["e^{z_j}", "e^(zⱼ)"],
    ["e^{z_i - c}", "e^(zᵢ - c)"],
    ["x_i + x_{ij} + x_{i+1}", "xᵢ + xᵢⱼ + xᵢ₊₁"],
    ["\\sum_{i,j} A_{ij}", "Σᵢ,ⱼ Aᵢⱼ"],
    ["J_G \\cdot J_F", "J_G · J_F"],
    ["z_{c1}", "z_(c1)"],
    ["x_{\\alpha\\beta}", "x_(αβ)"],
    ["\\lambda_{\\max}", "λₘₐₓ"],
    ["\\sqrt{x}", "√x"],
    ["\\sqrt{a^2 + b^2}", "√(a² + b²)"],
    ["\\sqrt[3]{x}", "∛x"],
    ["\\frac{a}{b}", "a/b"],
    ["\\frac{a + 1}{b}", "(a + 1)/b"],
    ["\\tfrac12 x", "½ x"],
    ["\\frac2n \\sum_i r_i", "2/n Σᵢ rᵢ"],
    ["\\frac{1}{n}\\sum r", "(1/n)Σ r"],
    ["-\\log \\dfrac{e^{z_c}}{\\sum_j e^{z_j}}", "-log (e^(z_c)/(Σⱼ e^(zⱼ)))"],
    ["a \\le b \\leq c \\ge d \\geq e \\ne f \\neq g \\approx h", "a ≤ b ≤ c ≥ d ≥ e ≠ f ≠ g ≈ h"],
    ["x \\to 0, x \\rightarrow \\infty, u \\mapsto u^2", "x → 0, x → ∞, u ↦ u²"],
    ["\\alpha\\beta\\gamma\\delta\\epsilon\\varepsilon\\eta\\theta\\lambda\\sigma\\omega", "αβγδεεηθλσω"],
    ["\\Gamma\\Delta\\Theta\\Lambda\\Sigma\\Phi\\Omega", "ΓΔΘΛΣΦΩ"],
    ["\\|x\\| = \\lVert x \\rVert_2", "‖x‖ = ‖x‖₂"],
    ["\\lvert r \\rvert + |x|", "|r| + |x|"],
    ["\\left( \\frac{a}{b} \\right)", "(a/b)"],
    ["\\mathbf{x} + \\mathrm{d}x + \\text{loss}", "x + dx + loss"],
    ["\\log \\sigma(z) = -\\log(1 + e^{-z})", "log σ(z) = -log(1 + e⁻ᶻ)"],
    ["r\\cos\\theta + \\sin x + \\exp(x) + \\tanh(x)", "r cos θ + sin x + exp(x) + tanh(x)"],
    ["\\max(1, \\max|\\lambda|) \\min_i x_i", "max(1, max|λ|) minᵢ xᵢ"],
    ["\\hat y_i - \\bar v", "ŷᵢ - v̄"],
    ["100\\,u^2", "100 u²"],
    ["k = 0, 1, \\dots,", "k = 0, 1, …,"],
    ["\\pm\\delta", "±δ"],
    ["\\mathbb{R}^n", "ℝⁿ"],
    ["\\{x\\}", "{x}"],
  ])("%s → %s", (latex, unicode) => {
    expect(latexToUnicode(latex)).toBe(unicode);
  });

  it("keeps an unknown command readable, without its backslash, and reports it", () => {
    const unknown = new Set<string>();
    expect(latexToUnicode("\\foo x + \\binom{n}{k}", unknown)).toBe("foo x + binom(n, k)");
    expect([...unknown]).toEqual(["foo", "binom"]);
  });

  it("survives unbalanced braces and a trailing ^ or backslash", () => {
    expect(latexToUnicode("{a + b")).toBe("a + b");
    expect(latexToUnicode("a} + b")).toBe("a + b");
    expect(latexToUnicode("x^")).toBe("x");
    expect(() => latexToUnicode("x \\")).not.toThrow();
  });
});

describe("renderHint", () => {
  it("renders $…$ and $$…$$ math, and leaves code spans and their backticks alone", () => {
    expect(renderHint("Entry `[i][j]` of `A·B` is $\\sum_k A[i][k] \\cdot B[k][j]$.")).toBe(
      "Entry `[i][j]` of `A·B` is Σₖ A[i][k] · B[k][j].",
    );
    expect(renderHint("$$x^2$$ and `$\\alpha$` and ``a ` $b$``")).toBe("x² and `$\\alpha$` and ``a ` $b$``");
  });

  it("makes **bold** plain, or bold with colour, and never touches ** inside code", () => {
    expect(renderHint("a **new** array, not `x ** 2`")).toBe("a new array, not `x ** 2`");
    expect(renderHint("a **new** array", { color: true })).toBe("a \u001b[1mnew\u001b[22m array");
    expect(renderHint("2 ** 3 is odd")).toBe("2 ** 3 is odd");
    expect(renderHint("**use `dot`**")).toBe("use `dot`");
  });

  it("keeps a dollar that opens no math, and markdown escapes as their character", () => {
    expect(renderHint("costs $5 and $ 6, or \\$7")).toBe("costs $5 and $ 6, or $7");
    expect(renderHint("\\*not bold\\* and \\`not code\\`")).toBe("*not bold* and `not code`");
  });

  it("renders math across a line break inside one hint", () => {
    expect(renderHint("is $a +\nb^2$.")).toBe("is a + b².");
  });
});

/** Every hint of every lesson, as `pnpm hint` prints it. */
function everyHint(): { where: string; raw: string; rendered: string; unknown: Set<string> }[] {
  const exercises = path.join(REPO_ROOT, "exercises");
  const lessons = readdirSync(exercises).filter((d) => /^\d{2}-/.test(d));
  return lessons.flatMap((lesson) => {
    const file = path.join(exercises, lesson, "HINTS.md");
    let markdown: string;
    try {
      markdown = readFileSync(file, "utf8");
    } catch {
      return [];
    }
    return parseHints(markdown).flatMap((task) =>
      task.hints.map((raw, i) => {
        const unknown = new Set<string>();
        const rendered = renderHint(raw, { unknown });
        return {
          where: `exercises/${lesson}/HINTS.md, task ${task.number}, hint ${i + 1}`,
          raw,
          rendered,
          unknown,
        };
      }),
    );
  });
}

describe("every exercises/*/HINTS.md", () => {
  const hints = everyHint();

  it("has hints to check", () => {
    expect(hints.length).toBeGreaterThan(50);
  });

  // If this fails after a HINTS.md change: teach grader/src/course/render-math.ts the new command, or write
  // the math differently. A literal dollar outside code needs a code span (`$5`).
  it.each(hints.map((h) => [h.where, h] as const))("%s renders without LaTeX left over", (_, hint) => {
    const prose = hint.rendered.replace(/(`+)[\s\S]*?\1/g, "");
    expect([...hint.unknown], "LaTeX commands the converter does not know").toEqual([]);
    expect(prose, "a $ math delimiter survived").not.toContain("$");
    expect(prose, "a backslash command survived").not.toMatch(/\\[a-zA-Z]/);
    expect(prose, "braces of a LaTeX group survived").not.toMatch(/[_^]\{/);
  });
});
