import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { SandboxLevel } from "./config.ts";

/** The uid and gid learner code runs as in strict mode when the grader is root: Debian's `nobody`. */
const NOBODY = 65534;
/** Where unshare lives (CALCML_UNSHARE points elsewhere, e.g. to test the refusal of `--sandbox strict`). */
const UNSHARE = process.env.CALCML_UNSHARE ?? "/usr/bin/unshare";
const SETPRIV = "/usr/bin/setpriv";
const PRLIMIT = "/usr/bin/prlimit";
/**
 * Open files a sandbox may hold: Node needs about twenty; thousands of sockets would hold kernel memory
 * that no resident-memory watch sees.
 */
const MAX_OPEN_FILES = 64;

/** `prlimit --nofile` where util-linux has it (Linux), else nothing. */
function fileLimit(): string[] {
  return existsSync(PRLIMIT) ? [PRLIMIT, `--nofile=${MAX_OPEN_FILES}:${MAX_OPEN_FILES}`, "--"] : [];
}
/** How long the probe for strict mode may take. */
const PROBE_TIMEOUT_MS = 10_000;

/** What the user asked for: `--sandbox strict|basic|auto` (auto: strict when the OS allows it). */
export type SandboxRequest = SandboxLevel | "auto";

export interface Isolation {
  level: SandboxLevel;
  /** The wrapper that puts node into its namespaces, or [] in basic mode. */
  prefix: string[];
  /** Why strict mode is not available (for `--sandbox strict`'s refusal and the report). */
  whyNotStrict?: string;
}

/** Node's permission flag: `--permission` from 22.13 on, `--experimental-permission` before. */
export function permissionFlag(version = process.versions.node): string {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 13) ? "--permission" : "--experimental-permission";
}

/** `--allow-fs-read` for exactly these files, one flag each (Node 20.20+ refuses a comma-joined list). */
export function readOnlyFlags(files: readonly string[]): string[] {
  return files.map((f) => `--allow-fs-read=${f}`);
}

function strictPrefix(asRoot: boolean): string[] {
  const namespaces = ["--net", "--pid", "--fork", "--mount-proc", "--kill-child"];
  if (asRoot) {
    return [
      UNSHARE,
      ...namespaces,
      SETPRIV,
      `--reuid=${NOBODY}`,
      `--regid=${NOBODY}`,
      "--clear-groups",
      "--no-new-privs",
      ...fileLimit(),
    ];
  }
  return [UNSHARE, "--user", "--map-root-user", ...namespaces, ...fileLimit()];
}

let probed: Isolation | undefined;

/** True when `file` and every folder above it can be reached and run by any user (mode o+x). */
function runnableByOthers(file: string): boolean {
  for (let at = file; ; at = path.dirname(at)) {
    try {
      if ((statSync(at).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    if (path.dirname(at) === at) return true;
  }
}

/**
 * Finds the strongest isolation this machine allows, by starting node in it once: own PID and network
 * namespaces, and (as root) the uid `nobody`. Cached for the life of the process.
 */
export function detectIsolation(): Isolation {
  if (probed) return probed;
  if (process.platform !== "linux") {
    probed = {
      level: "basic",
      prefix: [],
      whyNotStrict: `strict mode needs Linux namespaces (this is ${process.platform})`,
    };
    return probed;
  }
  if (!existsSync(UNSHARE)) {
    probed = {
      level: "basic",
      prefix: fileLimit(),
      whyNotStrict: `${UNSHARE} is missing (install util-linux)`,
    };
    return probed;
  }
  const asRoot = process.getuid?.() === 0;
  if (asRoot && !existsSync(SETPRIV)) {
    probed = {
      level: "basic",
      prefix: fileLimit(),
      whyNotStrict: `${SETPRIV} is missing (install util-linux)`,
    };
    return probed;
  }
  const prefix = strictPrefix(asRoot);
  if (asRoot && !runnableByOthers(process.execPath)) {
    probed = {
      level: "basic",
      prefix: fileLimit(),
      whyNotStrict: `${process.execPath} cannot be run by the unprivileged user strict mode uses (install Node where every user can run it)`,
    };
    return probed;
  }
  // The namespaces and the uid change themselves, tried with a program that starts in milliseconds.
  const result = spawnSync(prefix[0]!, [...prefix.slice(1), "/bin/sh", "-c", "exit 0"], {
    env: {},
    timeout: PROBE_TIMEOUT_MS,
    encoding: "utf8",
  });
  if (result.status === 0) {
    probed = { level: "strict", prefix };
  } else {
    const detail = (result.stderr || result.error?.message || `exit ${result.status}`).trim().split("\n")[0];
    probed = {
      level: "basic",
      prefix: fileLimit(),
      whyNotStrict: asRoot
        ? `namespaces could not be created (${detail})`
        : `this user cannot create namespaces (${detail}); run as root (in CI: sudo) or enable unprivileged user namespaces`,
    };
  }
  return probed;
}

/** The isolation to grade under, or an error message when `strict` was demanded and is not available. */
export function chooseIsolation(request: SandboxRequest): Isolation | string {
  if (request === "basic") return { level: "basic", prefix: fileLimit() };
  const found = detectIsolation();
  if (request === "strict" && found.level !== "strict")
    return `--sandbox strict: strict mode is not available here: ${found.whyNotStrict}. Grade with --sandbox basic, or fix that.`;
  return found;
}
