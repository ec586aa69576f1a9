/**
 * Second solution of lesson 05, written from the README and the stub only: it must earn full marks.
 * Rows of the numerical Jacobian are filled directly (no transpose at the end), the steps are made
 * exactly representable, and softmax divides by a sum taken in a loop.
 */
import type { Matrix, Vector, VectorField } from "@calcml/math";

export function numericalJacobian(F: VectorField, x: Vector, h = 1e-5): number[][] {
  const n = x.length;
  if (n === 0) throw new RangeError("numericalJacobian: x is empty");
  let J: number[][] = [];
  for (let j = 0; j < n; j++) {
    const xj = x[j]!;
    const s = xj + h * Math.max(1, Math.abs(xj)) - xj;
    const plus = x.slice();
    const minus = x.slice();
    plus[j] = xj + s;
    minus[j] = xj - s;
    const up = F(plus);
    const down = F(minus);
    if (j === 0) J = up.map(() => new Array<number>(n).fill(0));
    for (let i = 0; i < up.length; i++) J[i]![j] = (up[i]! - down[i]!) / (2 * s);
  }
  return J;
}

export function polarToCartesianJacobian(p: Vector): number[][] {
  if (p.length !== 2)
    throw new RangeError(`polarToCartesianJacobian: p must be [r, θ] (got ${p.length} entries)`);
  const [r, theta] = p as [number, number];
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return [
    [c, -r * s],
    [s, r * c],
  ];
}

export function jacobianDeterminant2x2(J: Matrix): number {
  if (J.length !== 2 || J[0]!.length !== 2 || J[1]!.length !== 2)
    throw new RangeError("jacobianDeterminant2x2: J must be a 2×2 matrix");
  const [[a, b], [c, d]] = J as [[number, number], [number, number]];
  return a * d - c * b;
}

export function softmax(z: Vector): number[] {
  if (z.length === 0) throw new RangeError("softmax: z is empty");
  let top = Number.NEGATIVE_INFINITY;
  for (const zi of z) if (zi > top) top = zi;
  const e: number[] = [];
  let total = 0;
  for (const zi of z) {
    const v = Math.exp(zi - top);
    e.push(v);
    total += v;
  }
  return e.map((v) => v / total);
}

export function softmaxJacobian(z: Vector): number[][] {
  const s = softmax(z);
  return s.map((si, i) => s.map((sj, j) => (i === j ? si * (1 - si) : -si * sj)));
}

export function jvp(F: VectorField, x: Vector, v: Vector, h = 1e-5): number[] {
  if (x.length !== v.length) throw new RangeError(`jvp: x has ${x.length} entries but v has ${v.length}`);
  // Another sensible scaling the README allows: Euclidean norms instead of max-norms.
  const vLen = Math.hypot(...v);
  const xLen = Math.hypot(...x);
  if (vLen === 0) return F(x).map(() => 0);
  const t = (h * Math.max(1, xLen)) / vLen;
  const ahead = F(x.map((xi, i) => xi + t * v[i]!));
  const behind = F(x.map((xi, i) => xi - t * v[i]!));
  return ahead.map((a, i) => (a - behind[i]!) / (2 * t));
}

export function vjp(J: Matrix, u: Vector): number[] {
  if (J.length === 0) throw new RangeError("vjp: J is empty");
  if (u.length !== J.length)
    throw new RangeError(`vjp: u has ${u.length} entries but J has ${J.length} rows`);
  const out = new Array<number>(J[0]!.length).fill(0);
  for (let i = 0; i < J.length; i++) {
    const row = J[i]!;
    for (let j = 0; j < out.length; j++) out[j]! += u[i]! * row[j]!;
  }
  return out;
}

export function chainJacobians(Jouter: Matrix, Jinner: Matrix): number[][] {
  const m = Jinner.length;
  if (Jouter.some((row) => row.length !== m))
    throw new RangeError(`chainJacobians: Jouter needs ${m} columns, one per row of Jinner`);
  const n = m === 0 ? 0 : Jinner[0]!.length;
  return Jouter.map((row) => {
    const out = new Array<number>(n).fill(0);
    row.forEach((a, k) => {
      const inner = Jinner[k]!;
      for (let j = 0; j < n; j++) out[j]! += a * inner[j]!;
    });
    return out;
  });
}
