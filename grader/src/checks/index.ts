/**
 * What hidden suites use to check learner code and to explain failures. See grader/AUTHORING.md.
 */

export { runInSandbox } from "../sandbox/client.ts";
export { portable, portableRng } from "../sandbox/portable.ts";
export {
  callLearner,
  expectRangeError,
  MUTATION_WHY,
  TODO_PREFIX,
  wrapLearnerError,
} from "./call-learner.ts";
export { CheckError, check, explained, type Failure, fail, renderFailure } from "./check-error.ts";
export {
  type CloseOptions,
  DEFAULT_ATOL,
  DEFAULT_RTOL,
  expectClose,
  expectMatrixClose,
  expectVectorClose,
  isClose,
} from "./close.ts";
export { type Counted, countCalls } from "./count-calls.ts";
export { type DerivativeCheck, expectGradient, expectHessian, expectJacobian } from "./derivative-checks.ts";
export { describeCall, describeValue, formatNumber, labelled } from "./describe-value.ts";
export { frozen } from "./frozen.ts";
export { type Call, type LearnerCall, type LearnerCalls, learnerCalls } from "./learner.ts";
export { type MiniBatchRun, orderedPartitions, replayMiniBatchRun } from "./mini-batch-replay.ts";
export {
  dot,
  identity,
  matmul,
  matvec,
  maxAbs,
  norm,
  randomOrthogonal,
  randomSpd,
  transpose,
  withSpectrum,
} from "./oracles.ts";
export { awayFromKinks, KINK_MARGIN, probePoints } from "./probe-points.ts";
export { expectForAll, type ForAllOptions, fc, finite, PROPERTY_RUNS } from "./property.ts";
export { SEED_VARIABLE, suiteRng, suiteSeed } from "./seed.ts";
export { expectSeedControl } from "./seed-control.ts";
export { SUSPECT_RTOL, type Suspect, whyFrom } from "./suspects.ts";
export { task } from "./task.ts";
export { expectZeroModel } from "./zero-model.ts";
