/**
 * Hints as a terminal shows them: the LaTeX between `$…$` in Unicode (`$\sum_k A_{ik}$` → `Σₖ Aᵢₖ`),
 * `**bold**` plain (or bold when colour is on), code spans and their backticks untouched.
 */

/** Commands the converter does not know are printed without their backslash and collected here. */
export type UnknownCommands = Set<string>;

const GREEK: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  vartheta: "ϑ",
  iota: "ι",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  omicron: "ο",
  pi: "π",
  varpi: "ϖ",
  rho: "ρ",
  varrho: "ϱ",
  sigma: "σ",
  varsigma: "ς",
  tau: "τ",
  upsilon: "υ",
  phi: "φ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Xi: "Ξ",
  Pi: "Π",
  Sigma: "Σ",
  Upsilon: "Υ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
};

/** Symbols printed as they are, with the spacing the source has. */
const SYMBOLS: Record<string, string> = {
  ...GREEK,
  sum: "Σ",
  prod: "∏",
  int: "∫",
  oint: "∮",
  infty: "∞",
  pm: "±",
  mp: "∓",
  dots: "…",
  ldots: "…",
  cdots: "…",
  prime: "′",
  ell: "ℓ",
  forall: "∀",
  exists: "∃",
  emptyset: "∅",
  neg: "¬",
  top: "ᵀ",
  intercal: "ᵀ",
  star: "⋆",
  ast: "∗",
  checkmark: "✓",
  "|": "‖",
  vert: "|",
  Vert: "‖",
  "{": "{",
  "}": "}",
  $: "$",
  "%": "%",
  "&": "&",
  "#": "#",
  _: "_",
};

/** Prefix operators: the spaces after them are dropped, as LaTeX does (`\partial x` → `∂x`). */
const PREFIX: Record<string, string> = { partial: "∂", nabla: "∇" };

/** Binary operators and relations: one space on each side. */
const BINARY: Record<string, string> = {
  cdot: "·",
  times: "×",
  div: "÷",
  circ: "∘",
  le: "≤",
  leq: "≤",
  ge: "≥",
  geq: "≥",
  ne: "≠",
  neq: "≠",
  approx: "≈",
  equiv: "≡",
  sim: "∼",
  propto: "∝",
  ll: "≪",
  gg: "≫",
  to: "→",
  rightarrow: "→",
  leftarrow: "←",
  gets: "←",
  Rightarrow: "⇒",
  implies: "⇒",
  iff: "⇔",
  mapsto: "↦",
  in: "∈",
  notin: "∉",
  subset: "⊂",
  subseteq: "⊆",
  cup: "∪",
  cap: "∩",
  land: "∧",
  lor: "∨",
};

/** Opening delimiters drop the spaces after them, closing ones the spaces before them: `\lvert r \rvert` → `|r|`. */
const OPENING: Record<string, string> = { lvert: "|", lVert: "‖", langle: "⟨", lfloor: "⌊", lceil: "⌈" };
const CLOSING: Record<string, string> = { rvert: "|", rVert: "‖", rangle: "⟩", rfloor: "⌋", rceil: "⌉" };

/** Printed as words, kept apart from the letters around them: `r\cos\theta` → `r cos θ`. */
const OPERATOR_NAMES = new Set([
  "log",
  "ln",
  "lg",
  "exp",
  "sin",
  "cos",
  "tan",
  "sinh",
  "cosh",
  "tanh",
  "arcsin",
  "arccos",
  "arctan",
  "max",
  "min",
  "sup",
  "inf",
  "lim",
  "arg",
  "det",
  "dim",
  "sgn",
]);

/** Their argument is printed as it is: `\text{loss}` → `loss`. */
const TEXT_COMMANDS = new Set([
  "text",
  "textrm",
  "textit",
  "textbf",
  "mbox",
  "emph",
  "mathrm",
  "mathbf",
  "mathit",
  "mathsf",
  "mathtt",
  "mathcal",
  "mathscr",
  "mathfrak",
  "boldsymbol",
  "bm",
  "operatorname",
]);

const BLACKBOARD: Record<string, string> = { R: "ℝ", N: "ℕ", Z: "ℤ", Q: "ℚ", C: "ℂ", E: "𝔼", P: "ℙ" };

/** Combining marks: `\hat y` → `ŷ`. */
const ACCENTS: Record<string, string> = {
  hat: "\u0302",
  widehat: "\u0302",
  bar: "\u0304",
  overline: "\u0304",
  tilde: "\u0303",
  widetilde: "\u0303",
  vec: "\u20D7",
  dot: "\u0307",
  ddot: "\u0308",
};

/** Spacing commands. */
const SPACES: Record<string, string> = {
  ",": " ",
  ";": " ",
  ":": " ",
  ">": " ",
  " ": " ",
  "!": "",
  "\\": " ",
  quad: " ",
  qquad: " ",
};

/** Sizing and style commands that change nothing in a terminal. */
const IGNORED = new Set([
  "left",
  "right",
  "big",
  "Big",
  "bigg",
  "Bigg",
  "bigl",
  "bigr",
  "Bigl",
  "Bigr",
  "biggl",
  "biggr",
  "displaystyle",
  "textstyle",
  "limits",
  "nolimits",
]);

const FRACTIONS = new Set(["frac", "dfrac", "tfrac", "cfrac"]);
const VULGAR: Record<string, string> = { "1/2": "½", "1/3": "⅓", "2/3": "⅔", "1/4": "¼", "3/4": "¾" };

function charMap(pairs: string): Map<string, string> {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  for (const value of [...map.values()]) map.set(value, value);
  return map;
}

/** Letters and signs with a Unicode superscript (no q, and of the capitals only T, as in xᵀ). */
const SUPERSCRIPTS = charMap(
  "0⁰1¹2²3³4⁴5⁵6⁶7⁷8⁸9⁹+⁺-⁻−⁻=⁼(⁽)⁾aᵃbᵇcᶜdᵈeᵉfᶠgᵍhʰiⁱjʲkᵏlˡmᵐnⁿoᵒpᵖrʳsˢtᵗuᵘvᵛwʷxˣyʸzᶻTᵀ′′**",
);

/** Letters and signs with a Unicode subscript; a comma stays as it is (`\sum_{i,j}` → `Σᵢ,ⱼ`). */
const SUBSCRIPTS = charMap("0₀1₁2₂3₃4₄5₅6₆7₇8₈9₉+₊-₋−₋=₌(₍)₎aₐeₑhₕiᵢjⱼkₖlₗmₘnₙoₒpₚrᵣsₛtₜuᵤvᵥxₓ,,");

/** One thing with no operator outside brackets: `x`, `f(x)`, `e^(z_c)`; `a + b` and `-z` are not. */
function isAtomic(text: string): boolean {
  if (text === "" || /\s/.test(text)) return false;
  let depth = 0;
  for (const ch of text) {
    if ("([{⟨".includes(ch)) depth++;
    else if (")]}⟩".includes(ch)) depth--;
    else if (depth === 0 && "+-−=<>≤≥≠≈/·×,±→".includes(ch)) return false;
  }
  return true;
}

function parenthesize(text: string): string {
  return isAtomic(text) ? text : `(${text})`;
}

/** `x^2` → `x²`, `e^{q}` → `e^q`, `e^{z_j}` → `e^(zⱼ)`: one character bare, more in brackets. */
function script(argument: string, map: Map<string, string>, mark: "^" | "_"): string {
  const text = argument.trim();
  const compact = [...text.replace(/\s+/g, "")];
  if (compact.length === 0) return "";
  if (compact.every((ch) => map.has(ch))) return compact.map((ch) => map.get(ch)).join("");
  return compact.length === 1 ? `${mark}${text}` : `${mark}(${text})`;
}

/** Reads LaTeX math from left to right; every `read…` method consumes what it renders. */
class MathReader {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly unknown: UnknownCommands,
  ) {}

  render(): string {
    let out = "";
    while (this.pos < this.src.length) {
      out = this.readSequence(out);
      if (this.src[this.pos] === "}") this.pos++; // an unbalanced `}` is dropped
    }
    return out;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private skipSpaces(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  /** Appends what comes until the end or an unmatched `}` (left for the caller) to `out`. */
  private readSequence(out: string): string {
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === "}") break;
      if (c === "{") out += this.readGroup();
      else if (c === "^" || c === "_") {
        this.pos++;
        out += script(this.readArgument(), c === "^" ? SUPERSCRIPTS : SUBSCRIPTS, c);
      } else if (c === "\\") out = this.readCommand(out);
      else {
        this.pos++;
        out += c === "~" || c === "&" || /\s/.test(c) ? " " : c;
      }
    }
    return out;
  }

  /** `{…}`, without its braces. */
  private readGroup(): string {
    this.pos++;
    const inner = this.readSequence("");
    if (this.peek() === "}") this.pos++;
    return inner;
  }

  /** The argument of `^`, `_` or a command: a group, a command or one character. */
  private readArgument(): string {
    this.skipSpaces();
    const c = this.peek();
    if (c === undefined) return "";
    if (c === "{") return this.readGroup();
    if (c === "\\") return this.readCommand("");
    this.pos++;
    return c;
  }

  private readName(): string {
    const letters = /^[a-zA-Z]+/.exec(this.src.slice(this.pos))?.[0];
    const name = letters ?? this.src[this.pos] ?? "";
    this.pos += name.length;
    return name;
  }

  /** Renders the command at `\` and returns `out` with it appended. */
  private readCommand(out: string): string {
    this.pos++; // the backslash
    const name = this.readName();
    if (name in SPACES) return out + SPACES[name];
    if (IGNORED.has(name)) {
      if ((name === "left" || name === "right") && this.peek() === ".") this.pos++;
      return out;
    }
    if (name in SYMBOLS) return out + SYMBOLS[name];
    if (name in PREFIX) {
      this.skipSpaces();
      return out + PREFIX[name];
    }
    if (name in OPENING) {
      this.skipSpaces();
      return out + OPENING[name];
    }
    if (name in CLOSING) return out.trimEnd() + CLOSING[name];
    if (name in BINARY) {
      this.skipSpaces();
      const before = out.trimEnd();
      return `${before}${before ? " " : ""}${BINARY[name]} `;
    }
    if (OPERATOR_NAMES.has(name)) {
      const space = /[\p{L}\p{N})\]]$/u.test(out) ? " " : "";
      const after = /^[a-zA-Z\\]/.test(this.peek() ?? "") ? " " : "";
      return `${out}${space}${name}${after}`;
    }
    if (TEXT_COMMANDS.has(name)) return out + this.readArgument();
    if (name === "mathbb") {
      return out + [...this.readArgument()].map((ch) => BLACKBOARD[ch] ?? ch).join("");
    }
    if (name in ACCENTS) {
      const mark = ACCENTS[name]!;
      return out + [...this.readArgument()].map((ch) => (/\s/.test(ch) ? ch : ch + mark)).join("");
    }
    if (FRACTIONS.has(name)) return out + this.readFraction(out);
    if (name === "sqrt") return out + this.readRoot();
    if (name === "") return `${out}\\`; // a lone backslash at the very end
    this.unknown.add(name);
    const args: string[] = [];
    while (this.peek() === "{") args.push(this.readGroup().trim());
    return out + name + (args.length > 0 ? `(${args.join(", ")})` : "");
  }

  /** `\frac{a}{b}` → `a/b`, `(a + 1)/(b - 1)`, `½`; in brackets when a factor or a function comes before or after. */
  private readFraction(before: string): string {
    const numerator = this.readArgument().trim();
    const denominator = this.readArgument().trim();
    const vulgar = VULGAR[`${numerator}/${denominator}`];
    if (vulgar) return vulgar;
    const fraction = `${parenthesize(numerator)}/${parenthesize(denominator)}`;
    const sticks = /[\p{L}\p{N})\]]\s*$/u.test(before) || /^[\p{L}\p{N}(\\{]/u.test(this.peek() ?? "");
    return sticks ? `(${fraction})` : fraction;
  }

  /** `\sqrt{x}` → `√x`, `\sqrt{a + b}` → `√(a + b)`, `\sqrt[3]{x}` → `∛x`. */
  private readRoot(): string {
    let sign = "√";
    if (this.peek() === "[") {
      const end = this.src.indexOf("]", this.pos);
      const index = new MathReader(this.src.slice(this.pos + 1, end < 0 ? undefined : end), this.unknown)
        .render()
        .trim();
      this.pos = end < 0 ? this.src.length : end + 1;
      sign = index === "3" ? "∛" : index === "4" ? "∜" : `${script(index, SUPERSCRIPTS, "^")}√`;
    }
    return sign + parenthesize(this.readArgument().trim());
  }
}

/** LaTeX math (without its `$` delimiters) in Unicode; unknown commands lose their backslash. */
export function latexToUnicode(latex: string, unknown: UnknownCommands = new Set()): string {
  return new MathReader(latex, unknown)
    .render()
    .normalize("NFC")
    .replace(/ {2,}/g, " ")
    .replace(/([([{]) /g, "$1")
    .replace(/ ([)\]}])/g, "$1")
    .trim();
}

/** The index just after the `$` closing inline math that opens at `start`, or -1 (Pandoc's rules). */
function closingDollar(text: string, start: number): number {
  if (/\s/.test(text[start + 1] ?? " ")) return -1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") i++;
    else if (c === "\n" && text[i + 1] === "\n") return -1;
    else if (c === "$" && i > start + 1 && !/\s/.test(text[i - 1]!) && !/\d/.test(text[i + 1] ?? "")) {
      return i;
    }
  }
  return -1;
}

const BOLD_MARK = "\u0000";

/** Prose outside code spans: math, markdown escapes, and `**` as BOLD_MARK. */
function renderProse(text: string, unknown: UnknownCommands): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "\\" && next !== undefined && /[!-/:-@[-`{-~]/.test(next)) {
      out += next; // a markdown escape: \$ \* \_ …
      i++;
    } else if (c === "$" && next === "$") {
      const end = text.indexOf("$$", i + 2);
      if (end < 0) {
        out += "$$";
        i++;
      } else {
        out += latexToUnicode(text.slice(i + 2, end), unknown);
        i = end + 1;
      }
    } else if (c === "$") {
      const end = closingDollar(text, i);
      if (end < 0) out += c;
      else {
        out += latexToUnicode(text.slice(i + 1, end), unknown);
        i = end;
      }
    } else if (c === "*" && next === "*") {
      out += BOLD_MARK;
      i++;
    } else out += c;
  }
  return out;
}

export interface RenderOptions {
  /** `**bold**` in bold (ANSI) rather than plain. */
  color?: boolean;
  /** Collects the LaTeX commands the converter did not know. */
  unknown?: UnknownCommands;
}

/** A hint (markdown with `$…$` math) for a terminal. Code spans are kept verbatim, backticks included. */
export function renderHint(markdown: string, options: RenderOptions = {}): string {
  const unknown = options.unknown ?? new Set<string>();
  let out = "";
  let prose = "";
  for (let i = 0; i < markdown.length; ) {
    if (markdown[i] !== "`" || markdown[i - 1] === "\\") {
      prose += markdown[i];
      i++;
      continue;
    }
    const fence = /^`+/.exec(markdown.slice(i))![0];
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`, "g");
    close.lastIndex = i + fence.length;
    const end = close.exec(markdown);
    if (!end) {
      prose += fence; // a backtick that opens nothing is text
      i += fence.length;
      continue;
    }
    out += renderProse(prose, unknown) + markdown.slice(i, end.index + fence.length);
    prose = "";
    i = end.index + fence.length;
  }
  out += renderProse(prose, unknown);
  const marks = out.split(BOLD_MARK).length - 1;
  let seen = 0;
  return out.replaceAll(BOLD_MARK, () => {
    seen++;
    if (seen === marks && marks % 2 === 1) return "**"; // unmatched: literal
    if (!options.color) return "";
    return seen % 2 === 1 ? "\u001b[1m" : "\u001b[22m";
  });
}
