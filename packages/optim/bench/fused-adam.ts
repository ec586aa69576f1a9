/**
 * Hand-fused Adam, the bench's baselines: one loop computes `m`, `v` and the result, with the same
 * equations, arithmetic and purity as `adam()` (fresh arrays out, inputs untouched).
 *
 * - `fusedAdamUpdate` returns the updates `−γ·m̂/(√v̂ + ε)`, like `adam().update`: comparing the two
 *   isolates the cost of `chain` composition.
 * - `fusedAdamStep` also adds them to the parameters in the same loop, like PyTorch's fused step:
 *   comparing it with `adam().update` + `applyUpdates` also charges the separate `applyUpdates` pass.
 */
export interface FusedAdamState {
  readonly count: number;
  readonly m: readonly number[];
  readonly v: readonly number[];
}

const LR = 1e-3;
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

export function fusedAdamInit(n: number): FusedAdamState {
  return { count: 0, m: new Array<number>(n).fill(0), v: new Array<number>(n).fill(0) };
}

/** One fused Adam update: returns the updates and the next state. */
export function fusedAdamUpdate(grads: readonly number[], state: FusedAdamState): [number[], FusedAdamState] {
  return fused(grads, state, undefined);
}

/** One fused Adam step: returns the new parameters and the next state. */
export function fusedAdamStep(
  params: readonly number[],
  grads: readonly number[],
  state: FusedAdamState,
): [number[], FusedAdamState] {
  return fused(grads, state, params);
}

function fused(
  grads: readonly number[],
  state: FusedAdamState,
  params: readonly number[] | undefined,
): [number[], FusedAdamState] {
  const n = grads.length;
  const t = state.count + 1;
  const stepSize = LR / (1 - BETA1 ** t);
  const invSqrtBc2 = 1 / Math.sqrt(1 - BETA2 ** t);
  const { m, v } = state;
  const nextM = new Array<number>(n);
  const nextV = new Array<number>(n);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const g = grads[i]!;
    const mi = BETA1 * m[i]! + (1 - BETA1) * g;
    const vi = BETA2 * v[i]! + (1 - BETA2) * g * g;
    nextM[i] = mi;
    nextV[i] = vi;
    const u = (-stepSize * mi) / (Math.sqrt(vi) * invSqrtBc2 + EPS);
    out[i] = params === undefined ? u : params[i]! + u;
  }
  return [out, { count: t, m: nextM, v: nextV }];
}
