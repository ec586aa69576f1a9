/**
 * Reference optimisers written straight from docs/numerics.md in PyTorch's own style (in-place loops over
 * plain arrays, `lerp` for Adam's first moment, the `step_size / denom` form), independent of the
 * package's transforms. Each returns the iterates x₀, x₁, …, x_steps.
 */
type V = readonly number[];
type Grad = (x: V) => readonly number[];

function run(x0: V, steps: number, grad: Grad, step: (x: number[], g: readonly number[], t: number) => void) {
  const x = x0.slice();
  const path = [x.slice()];
  for (let t = 1; t <= steps; t++) {
    step(x, grad(x), t);
    path.push(x.slice());
  }
  return path;
}

/** `θ ← θ − γ_t g`, with `γ_t = lr(t − 1)` (schedules count from 0). */
export function refSgd(x0: V, steps: number, grad: Grad, lr: number | ((t: number) => number)) {
  const rate = typeof lr === "number" ? () => lr : lr;
  return run(x0, steps, grad, (x, g, t) => {
    const gamma = rate(t - 1);
    for (let i = 0; i < x.length; i++) x[i]! -= gamma * g[i]!;
  });
}

/** torch.optim.SGD(momentum=μ, dampening=0, nesterov): the buffer starts as a copy of g. */
export function refMomentum(x0: V, steps: number, grad: Grad, lr: number, mu: number, nesterov: boolean) {
  let buf: number[] | null = null;
  return run(x0, steps, grad, (x, g) => {
    if (buf === null) buf = g.slice();
    else for (let i = 0; i < x.length; i++) buf[i] = mu * buf[i]! + g[i]!;
    for (let i = 0; i < x.length; i++) x[i]! -= lr * (nesterov ? g[i]! + mu * buf[i]! : buf[i]!);
  });
}

/** torch.optim.Adagrad(lr_decay=0, initial_accumulator_value=0). */
export function refAdagrad(x0: V, steps: number, grad: Grad, lr: number, eps: number) {
  const s = x0.map(() => 0);
  return run(x0, steps, grad, (x, g) => {
    for (let i = 0; i < x.length; i++) {
      s[i]! += g[i]! * g[i]!;
      x[i]! -= (lr * g[i]!) / (Math.sqrt(s[i]!) + eps);
    }
  });
}

/** torch.optim.RMSprop(centered=False, momentum=0). */
export function refRmsprop(x0: V, steps: number, grad: Grad, lr: number, alpha: number, eps: number) {
  const v = x0.map(() => 0);
  return run(x0, steps, grad, (x, g) => {
    for (let i = 0; i < x.length; i++) {
      v[i] = v[i]! * alpha + (1 - alpha) * g[i]! * g[i]!;
      x[i]! -= (lr * g[i]!) / (Math.sqrt(v[i]!) + eps);
    }
  });
}

/** torch.optim.Adam / AdamW (single-tensor path); `weightDecay > 0` gives AdamW's decoupled decay. */
export function refAdam(
  x0: V,
  steps: number,
  grad: Grad,
  {
    lr,
    beta1,
    beta2,
    eps,
    weightDecay = 0,
  }: { lr: number; beta1: number; beta2: number; eps: number; weightDecay?: number },
) {
  const m = x0.map(() => 0);
  const v = x0.map(() => 0);
  return run(x0, steps, grad, (x, g, t) => {
    const bc1 = 1 - beta1 ** t;
    const bc2 = 1 - beta2 ** t;
    const stepSize = lr / bc1;
    for (let i = 0; i < x.length; i++) {
      x[i]! *= 1 - lr * weightDecay;
      m[i]! += (g[i]! - m[i]!) * (1 - beta1); // lerp
      v[i] = v[i]! * beta2 + (1 - beta2) * g[i]! * g[i]!;
      const denom = Math.sqrt(v[i]!) / Math.sqrt(bc2) + eps;
      x[i]! -= (stepSize * m[i]!) / denom;
    }
  });
}
