/**
 * The only Node modules learner code may use: plain computation. Everything else (files, processes,
 * sockets, workers, vm, crypto's thread pool, the inspector) is refused when the file is bundled
 * (bundle.ts) and again at run time (host.ts filters `process.getBuiltinModule`).
 */
export const ALLOWED_NODE_MODULES: ReadonlySet<string> = new Set([
  "assert",
  "assert/strict",
  "buffer",
  "events",
  "path",
  "path/posix",
  "perf_hooks",
  "string_decoder",
  "url",
  "util",
]);
