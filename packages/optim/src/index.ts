/**
 * `@calcml/optim`: composable optimisers as pure `{ init, update }` pairs (optax style), schedules,
 * line searches, Newton's method and a `minimize` loop. Equations follow PyTorch's forms.
 *
 * @packageDocumentation
 */

export { applyUpdates } from "./apply-updates.ts";
export { type ChainState, chain, type StatesOf } from "./chain.ts";
export { type ArmijoOptions, armijoBacktracking } from "./linesearch/armijo.ts";
export { type StrongWolfeOptions, type StrongWolfeResult, strongWolfe } from "./linesearch/strong-wolfe.ts";
export type { LineSearchOptions, LineSearchResult } from "./linesearch/types.ts";
export { type MinimizeOptions, minimize, type StepInfo } from "./minimize.ts";
export type { MinimizeResult, StopReason } from "./minimize-result.ts";
export { type NewtonDirection, type NewtonDirectionOptions, newtonDirection } from "./newton/direction.ts";
export {
  type NewtonMinimizeOptions,
  type NewtonMinimizeResult,
  type NewtonStepInfo,
  type NewtonStopReason,
  newtonMinimize,
} from "./newton/minimize.ts";
export { type AdagradOptimizerOptions, adagrad } from "./optimizers/adagrad.ts";
export { type AdamOptimizerOptions, type AdamwOptions, adam, adamw } from "./optimizers/adam.ts";
export { type RmspropOptions, rmsprop } from "./optimizers/rmsprop.ts";
export { type MomentumOptions, momentum, nesterov, type SgdOptions, sgd } from "./optimizers/sgd.ts";
export { constantSchedule } from "./schedules/constant.ts";
export { type CosineScheduleOptions, cosineSchedule } from "./schedules/cosine.ts";
export { type ExponentialScheduleOptions, exponentialSchedule } from "./schedules/exponential.ts";
export { type InverseTimeScheduleOptions, inverseTimeSchedule } from "./schedules/inverse-time.ts";
export { type StepScheduleOptions, stepSchedule } from "./schedules/step.ts";
export { type AddDecayedWeightsState, addDecayedWeights } from "./transforms/add-decayed-weights.ts";
export { type ClipByGlobalNormState, clipByGlobalNorm } from "./transforms/clip-by-global-norm.ts";
export { type ClipByValueState, clipByValue } from "./transforms/clip-by-value.ts";
export { type ScaleState, scale } from "./transforms/scale.ts";
export { type AdagradOptions, type AdagradState, scaleByAdagrad } from "./transforms/scale-by-adagrad.ts";
export { type AdamOptions, type AdamState, scaleByAdam } from "./transforms/scale-by-adam.ts";
export {
  type ScaleByLearningRateState,
  scaleByLearningRate,
} from "./transforms/scale-by-learning-rate.ts";
export { type RmsOptions, type RmsState, scaleByRms } from "./transforms/scale-by-rms.ts";
export { type TraceOptions, type TraceState, trace } from "./transforms/trace.ts";
export type { Gradient, GradientTransformation, Objective, Params, Schedule, StateOf } from "./types.ts";
