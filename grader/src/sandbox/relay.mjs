// @ts-check
/**
 * The trusted side's watchman: a worker thread of the process that runs a hidden suite. It starts the
 * sandboxed child and enforces what learner code must not be able to touch: the deadline of each call,
 * the resident-memory cap (heap and off-heap together), and the child's death. The suite's thread talks
 * to the child directly through two FIFOs and blocks in a read while the learner's code runs; this
 * thread's timers keep running meanwhile. When it ends a child it raises the fault word in shared memory
 * and writes one byte into the reply FIFO, so that the blocked read returns and sees the fault.
 *
 * Plain JavaScript: a worker thread starts from a file Node can load without a TypeScript loader.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

/** How often the deadline is checked, and resident memory every few checks. */
const TICK_MS = 5;
const MEMORY_EVERY_TICKS = 4;
/** How much of the child's stderr is kept to explain a crash (never used for credit). */
const STDERR_TAIL = 8000;

/** Shared words (see client.ts for the other side). */
const { shared } = /** @type {{ shared: SharedArrayBuffer }} */ (workerData);
const words = new Int32Array(shared, 0, 4);
const deadline = new Float64Array(shared, 16, 1);
const report = new Uint8Array(shared, 24);
const REPORT_LENGTH = 2;
const FAULT = 0;
const STARTED = 1;

/** Fault codes (client.ts turns them into messages). */
const CODES = { timeout: 1, memory: 2, crash: 3, closed: 4 };

/**
 * @typedef {object} Child
 * @property {import("node:child_process").ChildProcess} process
 * @property {number} wakeFd  the suite thread's reply FIFO, to unblock its read
 * @property {boolean} gone
 * @property {string} stderr
 * @property {number} memoryLimitBytes
 * @property {number} peakBytes
 * @property {{ code: number | null; signal: string | null } | undefined} exit
 */
/** @type {Child | undefined} */
let child;
let ticks = 0;

/** Ends the child and everything it started, and tells the suite's thread why. @param {Child} c @param {keyof typeof CODES} kind */
function fail(c, kind) {
  if (c.gone) return;
  c.gone = true;
  killTree(c.process);
  // How the child ended and its stderr's tail, for the message the learner sees.
  const text = Buffer.from(
    JSON.stringify({ stderr: c.stderr, exit: c.exit ?? null, peakMb: Math.round(c.peakBytes / 2 ** 20) }),
  ).subarray(0, report.length);
  report.set(text);
  Atomics.store(words, REPORT_LENGTH, text.length);
  Atomics.store(words, FAULT, CODES[kind]);
  try {
    writeSync(c.wakeFd, Buffer.of(0));
  } catch {}
  Atomics.notify(words, FAULT);
}

/** @param {import("node:child_process").ChildProcess} p */
function killTree(p) {
  if (p.pid === undefined) return;
  for (const pid of descendants(p.pid).reverse()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
}

/** The process and its descendants, from /proc (Linux); elsewhere just the process. @param {number} pid */
function descendants(pid) {
  const all = [pid];
  for (let i = 0; i < all.length && all.length < 64; i++) {
    try {
      const text = readFileSync(`/proc/${all[i]}/task/${all[i]}/children`, "utf8");
      for (const c of text.split(" ")) if (c.trim()) all.push(Number(c));
    } catch {}
  }
  return all;
}

/** Resident memory of the child's process tree, in bytes (0 where /proc is missing). @param {number} pid */
function residentBytes(pid) {
  let total = 0;
  for (const p of descendants(pid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (match) total += Number(match[1]) * 1024;
    } catch {}
  }
  return total;
}

setInterval(() => {
  const c = child;
  if (!c || c.gone) return;
  const due = deadline[0] ?? 0;
  if (due > 0 && Date.now() > due) return fail(c, "timeout");
  if (++ticks % MEMORY_EVERY_TICKS !== 0 || c.process.pid === undefined) return;
  const rss = residentBytes(c.process.pid);
  c.peakBytes = Math.max(c.peakBytes, rss);
  if (rss > c.memoryLimitBytes) fail(c, "memory");
}, TICK_MS);

/** @param {{ command: string; args: string[]; memoryLimitMb: number; wakeFd: number }} message */
function start(message) {
  if (child) fail(child, "closed");
  Atomics.store(words, FAULT, 0);
  const p = spawn(message.command, message.args, { stdio: ["ignore", "pipe", "pipe"], env: {} });
  /** @type {Child} */
  const c = {
    process: p,
    wakeFd: message.wakeFd,
    gone: false,
    stderr: "",
    memoryLimitBytes: message.memoryLimitMb * 2 ** 20,
    peakBytes: 0,
    exit: undefined,
  };
  child = c;
  p.stdout?.on("data", () => {});
  p.stderr?.on("data", (chunk) => {
    c.stderr = (c.stderr + chunk.toString()).slice(-STDERR_TAIL);
  });
  p.on("error", () => fail(c, "crash"));
  // "close" comes after the child's stderr is complete: an out-of-memory message is in it.
  p.on("close", (code, signal) => {
    c.exit = { code, signal };
    fail(c, "crash");
  });
  Atomics.store(words, STARTED, 1);
  Atomics.notify(words, STARTED);
}

parentPort?.on("message", (message) => {
  if (message.type === "spawn") return start(message);
  if (message.type === "kill" && child) fail(child, "closed");
});
