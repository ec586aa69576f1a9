/** Sweeps of implicit QL allowed per eigenvalue before giving up (convergence is cubic: ~2 are typical). */
const MAX_ITERATIONS = 60;

/**
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by the implicit QL algorithm with
 * Wilkinson-style shifts (EISPACK `tql2` as translated in JAMA, public domain). Enters with the
 * output of `tridiagonalize` (`d` diagonal, `e` subdiagonal, `V` the accumulated Q) and leaves with
 * `d` the (unsorted) eigenvalues and the columns of `V` the eigenvectors of the original matrix.
 * A subdiagonal entry counts as zero when `|eₘ| ≤ ε · max(|dₗ| + |eₗ|)` over the columns seen so far.
 *
 * @throws Error when an eigenvalue does not converge (not seen on finite input).
 * @example
 * // internal: used by eigSym
 */
export function tridiagonalQL(V: number[][], d: number[], e: number[]): void {
  const n = d.length;
  for (let i = 1; i < n; i++) e[i - 1] = e[i] as number;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l] as number) + Math.abs(e[l] as number));
    let m = l;
    while (m < n - 1 && Math.abs(e[m] as number) > eps * tst1) m++;
    if (m > l) {
      let iterations = 0;
      do {
        if (++iterations > MAX_ITERATIONS) throw new Error("eigSym: the QL iteration did not converge");
        // Implicit shift from the leading 2×2 block.
        let g = d[l] as number;
        let p = ((d[l + 1] as number) - g) / (2 * (e[l] as number));
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = (e[l] as number) / (p + r);
        d[l + 1] = (e[l] as number) * (p + r);
        const dl1 = d[l + 1] as number;
        let h = g - (d[l] as number);
        for (let i = l + 2; i < n; i++) d[i] = (d[i] as number) - h;
        f += h;
        // QL sweep of Givens rotations from the bottom of the block up to l.
        p = d[m] as number;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1] as number;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * (e[i] as number);
          h = c * p;
          r = Math.hypot(p, e[i] as number);
          e[i + 1] = s * r;
          s = (e[i] as number) / r;
          c = p / r;
          p = c * (d[i] as number) - s * g;
          d[i + 1] = h + s * (c * g + s * (d[i] as number));
          for (const row of V) {
            h = row[i + 1] as number;
            row[i + 1] = s * (row[i] as number) + c * h;
            row[i] = c * (row[i] as number) - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * (e[l] as number)) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l] as number) > eps * tst1);
    }
    d[l] = (d[l] as number) + f;
    e[l] = 0;
  }
}
