/**
 * Label of flat (row-major) index `k` in an array of the given shape: `[3]` for a vector,
 * `[1][2]` for a matrix. Falls back to `[k]` when the shape does not cover `k`.
 *
 * @example
 * componentLabel(6, [2, 4]); // "[1][2]"
 */
export function componentLabel(k: number, shape: readonly number[]): string {
  const size = shape.reduce((p, d) => p * d, 1);
  if (shape.length === 0 || k >= size) return `[${k}]`;
  const parts: number[] = [];
  let rest = k;
  for (let d = shape.length - 1; d >= 0; d--) {
    const dim = shape[d] as number;
    parts.unshift(rest % dim);
    rest = Math.floor(rest / dim);
  }
  return parts.map((p) => `[${p}]`).join("");
}

/**
 * Shape as people write it: `[3][4]`, or `[]` for a scalar.
 *
 * @example
 * formatShape([3, 4]); // "[3][4]"
 */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? "[]" : shape.map((d) => `[${d}]`).join("");
}
