import { describe, expect, it } from "vitest";
import { suiteFile } from "../../src/course/paths.ts";
import { endSuitesProcess, runSuites, startSuitesProcess } from "../../src/runner/run-suites.ts";
import type { SandboxConfig } from "../../src/sandbox/config.ts";

const sandbox: SandboxConfig = {
  lessonId: "00-welcome",
  command: "/bin/false",
  args: [],
  timeLimitMs: 1000,
  memoryLimitMb: 64,
  memoryHeadroomMb: 64,
  level: "basic",
  fifos: { toLearner: "/nonexistent/a", toGrader: "/nonexistent/b" },
  exports: [],
};

describe("runSuites", () => {
  it("reports a suites' process that died before the run began as crashed, instead of waiting forever", async () => {
    const early = startSuitesProcess();
    endSuitesProcess(early);
    await early.closed;
    const [run] = await runSuites(
      [{ lessonId: "00-welcome", suiteFile: suiteFile("00-welcome"), sandbox, exports: [], taskCount: 2 }],
      1,
      1,
      early,
    );
    expect(run?.outcome).toBe("crashed");
    expect(run?.stderr).toMatch(/the suites' process ended with code null, signal SIGKILL/);
  });
});
