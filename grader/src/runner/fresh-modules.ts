/**
 * The first setup file of every hidden suite file in a grading run (child.mjs). A worker of the suites'
 * process runs many suite files one after another (vitest's `isolate: false`: no new process per file),
 * so this file gives each one what a process of its own would: nothing of the file before it.
 *
 * - The sandboxes the last file opened are closed, even when that file never ran its `afterAll`
 *   (a suite whose import failed runs no hooks).
 * - A keyed suite file's sandbox (run-suites.ts) is forgotten: only the file that sets it uses it.
 * - Every module the suites load is evaluated afresh: the suite, the checks, the sandbox client (its
 *   sandboxes, budgets and current test) and `@lesson/<id>`, which then opens this file's sandbox.
 *   Vitest's own modules stay, and so do packages Node loads itself (fast-check, zod), which the
 *   suites use without state of their own.
 *
 * Learner code never runs in this process (it runs in the sandboxed children), so what a file leaves
 * here was made by trusted code; clearing it keeps one student's grade independent of the files graded
 * before it in the same worker.
 */
import { vi } from "vitest";
import { KEYED_SANDBOX_GLOBAL } from "./lesson-module.mjs";

const { closeSandboxes } = await import("../sandbox/client.ts");
closeSandboxes();
delete (globalThis as Record<string, unknown>)[KEYED_SANDBOX_GLOBAL];
vi.resetModules();
