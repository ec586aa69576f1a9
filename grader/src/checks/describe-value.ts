/** How many entries of an array (or keys of an object) a message shows before it says "…". */
const MAX_ENTRIES = 8;
const MAX_ROWS = 4;
/**
 * How deep a message looks into nested objects, and into nested arrays (a list of matrices inside an
 * object is four deep). With the caps above, describing any value costs at most some 8⁵ entries,
 * however the learner's arrays share and nest (an array holding itself 40 deep, four times a level,
 * would otherwise take longer than any deadline, on the trusted side, where no deadline runs).
 */
const MAX_OBJECT_DEPTH = 2;
const MAX_ARRAY_DEPTH = 4;
/** How much of a string (or of a bigint's digits) a message shows. */
const MAX_STRING = 200;
const LABEL = Symbol.for("calcml.label");

type Labelled = { [LABEL]?: string };

/**
 * Gives a function (or an object: a generator, an Rng) a readable name for failure messages:
 * `labelled("x ↦ x³", x => x ** 3)`, `labelled("createRng(7)", createRng(7))`.
 * Returns the same value, so call counting and identity still work.
 */
export function labelled<F extends object>(label: string, fn: F): F {
  Object.defineProperty(fn, LABEL, { value: label, enumerable: false });
  return fn;
}

/** A number as a learner wants to read it: short, yet exact enough to see a difference. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x) || Number.isInteger(x)) return String(x);
  const short = Number(x.toPrecision(10));
  return Math.abs(short) < 1e-4 || Math.abs(short) >= 1e9 ? short.toExponential() : String(short);
}

/** Renders any value for a failure message, truncating long arrays and never dumping whole matrices. */
export function describeValue(value: unknown, depth = 0): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string")
    return JSON.stringify(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
  if (typeof value === "bigint") {
    const text = value.toString();
    return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…n (${text.length} digits)` : `${text}n`;
  }
  if (typeof value === "function") {
    const label = (value as Labelled)[LABEL];
    return label ?? (value.name ? `${value.name} (a function)` : "a function");
  }
  if (value === undefined || value === null || typeof value !== "object") return String(value);
  const label = (value as Labelled)[LABEL];
  if (typeof label === "string") return label;
  if (Array.isArray(value)) return depth > MAX_ARRAY_DEPTH ? "[…]" : describeArray(value, depth);
  if (depth > MAX_OBJECT_DEPTH) return "{…}";
  const keys = Object.keys(value);
  const entries = keys
    .slice(0, MAX_ENTRIES)
    .map((key) => `${key}: ${describeValue((value as Record<string, unknown>)[key], depth + 1)}`);
  if (keys.length > MAX_ENTRIES) entries.push(`… (${keys.length} keys)`);
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

function describeArray(values: readonly unknown[], depth: number): string {
  const isMatrix = values.length > 0 && values.every(Array.isArray);
  const limit = isMatrix ? MAX_ROWS : MAX_ENTRIES;
  const shown = values.slice(0, limit).map((v) => describeValue(v, depth + 1));
  if (values.length > limit) shown.push(`… (${values.length} ${isMatrix ? "rows" : "entries"})`);
  return `[${shown.join(", ")}]`;
}

/** `name(arg1, arg2)` with every argument described. */
export function describeCall(name: string, args: readonly unknown[]): string {
  return `${name}(${args.map((arg) => describeValue(arg)).join(", ")})`;
}
