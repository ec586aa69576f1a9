/**
 * Bench of @calcml/math, in one run:
 * 1. gradcheck cost: calls of f for n = 10, 100, 1 000, 10 000 in full mode (every coordinate) and in
 *    sampled mode (10 coordinates + 3 random directions), with CPU time per check;
 * 2. solve and eigSym against ml-matrix (the reference library, same matrices, same process, alternating
 *    rounds) for n = 10, 50, 200: CPU time per call and the ratio ours / ml-matrix. The ml-matrix figures
 *    include converting arrays to and from its Matrix class, which is what using it behind our API costs.
 *
 * Run from packages/math: `pnpm bench` (or `node --import tsx bench/index.ts`).
 * Options: `--ms M` per timing round (default 200), `--rounds R` (default 5).
 */
import { parseArgs } from "node:util";
import { EigenvalueDecomposition, Matrix, solve as mlSolve } from "ml-matrix";
import { createRng, eigSym, gradcheck, matvec, solve, type Vector } from "../src/index.ts";
import { compare, cpuSecondsPerCall, formatSeconds, median } from "./timing.ts";

const { values } = parseArgs({
  options: { ms: { type: "string", default: "200" }, rounds: { type: "string", default: "5" } },
});
const ms = Number(values.ms);
const rounds = Number(values.rounds);
const pad = (v: unknown): string => String(v).padEnd(15);
const row = (cells: unknown[]): void => console.log(cells.map(pad).join(""));

console.log(
  `@calcml/math bench (Node ${process.version}; CPU time per call, median of ${rounds} rounds of ${ms} ms)\n`,
);

// 1. gradcheck on an O(n) function with an exact gradient.
const f = (x: Vector): number => x.reduce((s, v, i) => s + Math.sin(v) * (1 + (i % 3)), 0);
const grad = (x: Vector): number[] => x.map((v, i) => Math.cos(v) * (1 + (i % 3)));
console.log(
  "gradcheck: calls of f and time, full (every coordinate) vs sampled (10 coordinates + 3 directions)",
);
row(["n", "full calls", "full time", "sampled calls", "sampled time", "calls saved"]);
for (const n of [10, 100, 1000, 10000]) {
  const x = createRng(n).normalVector(n);
  const g = grad(x);
  const full = gradcheck(f, g, x, { fullCheckLimit: n });
  const sampled = gradcheck(f, g, x, { fullCheckLimit: 0 });
  if (!full.ok || !sampled.ok) throw new Error(`bench: gradcheck failed on a correct gradient at n = ${n}`);
  const fullRounds = n >= 10000 ? 1 : rounds;
  // JIT warm-up, discarded (the full check at n = 10 000 is its own warm-up: one call takes seconds).
  if (n < 10000) cpuSecondsPerCall(() => gradcheck(f, g, x, { fullCheckLimit: n }), ms);
  cpuSecondsPerCall(() => gradcheck(f, g, x, { fullCheckLimit: 0 }), ms);
  const time = (limit: number, k: number): number =>
    median(
      Array.from({ length: k }, () =>
        cpuSecondsPerCall(() => gradcheck(f, g, x, { fullCheckLimit: limit }), ms),
      ),
    );
  const saved = `${(full.evaluations / sampled.evaluations).toFixed(1)}×`;
  row([
    n,
    full.evaluations,
    formatSeconds(time(n, fullRounds)),
    sampled.evaluations,
    formatSeconds(time(0, rounds)),
    saved,
  ]);
}

// 2. solve and eigSym against ml-matrix on the same well-conditioned symmetric positive-definite matrices.
console.log("\nsolve and eigSym: CPU time per call, ours vs ml-matrix (ratio < 1: ours is faster)");
row(["n", "solve ours", "solve ml", "ratio", "eigSym ours", "eig ml", "ratio"]);
for (const n of [10, 50, 200]) {
  const rng = createRng(1000 + n);
  const B = Array.from({ length: n }, () => rng.uniformVector(n, -1, 1));
  const A = B.map((bi, i) => B.map((bj, j) => bi.reduce((s, v, k) => s + v * bj[k]!, 0) + (i === j ? n : 0)));
  const b = matvec(A, rng.normalVector(n));
  const mlEig = () => new EigenvalueDecomposition(new Matrix(A), { assumeSymmetric: true });
  const solved = compare(
    () => solve(A, b),
    () => mlSolve(new Matrix(A), Matrix.columnVector(b)).getColumn(0),
    ms,
    rounds,
  );
  const eig = compare(
    () => eigSym(A),
    () => {
      const e = mlEig();
      return [e.realEigenvalues, e.eigenvectorMatrix.to2DArray()];
    },
    ms,
    rounds,
  );
  // A fast but wrong answer must not win: eigenvalues agree to 1e-10·max(1, ‖A‖_F) (docs/numerics.md).
  const ours = eigSym(A).values;
  const theirs = [...mlEig().realEigenvalues].sort((p, q) => p - q);
  const frob = Math.sqrt(A.flat().reduce((s, v) => s + v * v, 0));
  const gap = Math.max(...ours.map((v, i) => Math.abs(v - theirs[i]!)));
  if (gap > 1e-10 * Math.max(1, frob))
    throw new Error(`bench: eigenvalues disagree with ml-matrix at n = ${n} (${gap})`);
  row([
    n,
    formatSeconds(solved.a),
    formatSeconds(solved.b),
    solved.ratio.toFixed(2),
    formatSeconds(eig.a),
    formatSeconds(eig.b),
    eig.ratio.toFixed(2),
  ]);
}
