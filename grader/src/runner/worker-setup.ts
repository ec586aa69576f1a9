/**
 * Runs in each process that runs a hidden suite, before the suite loads. That process is trusted: the
 * learner's code is in a sandboxed child (see ../sandbox/client.ts). This file tells the sandbox client
 * which test is running, so that learner time is charged to that test's task and a fault names the test,
 * and it ends the sandboxes when the suite is done.
 */
import { afterAll, beforeEach } from "vitest";
import { closeSandboxes, setCurrentTest } from "../sandbox/client.ts";

function testPath(task: { name: string; suite?: { name: string; suite?: unknown } | undefined }): string[] {
  const names = [task.name];
  let suite = task.suite as { name: string; suite?: unknown } | undefined;
  while (suite?.name) {
    names.unshift(suite.name);
    suite = suite.suite as typeof suite;
  }
  return names;
}

beforeEach((context) => {
  setCurrentTest(testPath(context.task as Parameters<typeof testPath>[0]));
});

afterAll(() => {
  setCurrentTest([]);
  closeSandboxes();
});
