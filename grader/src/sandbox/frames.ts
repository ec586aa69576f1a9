/**
 * The wire between the trusted side and the sandbox: frames of UTF-8 JSON, each preceded by its length
 * as a 4-byte little-endian integer. One constant home for the limits both sides enforce.
 */

/** The largest frame either side accepts (a bigger one is "a message too large", never a crash). */
export const MAX_FRAME_BYTES = 32 * 1024 * 1024;
/** Console output kept per learner call: lines, then bytes of each line. */
export const CONSOLE_LINES_PER_CALL = 20;
export const CONSOLE_BYTES_PER_LINE = 2000;

/** A request from one side to the other, or the answer to one. */
export type Frame =
  | { t: "apply"; fn: unknown; self: unknown; args: unknown }
  | { t: "construct"; fn: unknown; args: unknown }
  | { t: "get"; obj: unknown; key: string }
  | { t: "set"; obj: unknown; key: string; value: unknown }
  | { t: "has"; obj: unknown; key: string }
  | { t: "keys"; obj: unknown }
  | { t: "proto"; obj: unknown }
  | { t: "ret"; v: unknown; log?: string[] }
  | { t: "throw"; v: unknown; log?: string[] }
  | { t: "ready"; v: unknown; log?: string[] }
  | { t: "load-error"; v: unknown; log?: string[] }
  | { t: "exit"; code: unknown; log?: string[] };

export function frameBytes(frame: Frame): Buffer {
  const body = Buffer.from(JSON.stringify(frame), "utf8");
  const out = Buffer.allocUnsafe(4 + body.length);
  out.writeUInt32LE(body.length, 0);
  body.copy(out, 4);
  return out;
}
