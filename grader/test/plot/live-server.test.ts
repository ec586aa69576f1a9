// The server of `pnpm watch --page`: 127.0.0.1 only, the page with its policy, events to open tabs.
import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { watchCommand } from "../../src/cli/watch-command.ts";
import { type LiveServer, startLiveServer } from "../../src/plot/live-server.ts";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, route: string, host = `127.0.0.1:${port}`): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: route, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Reads an event stream until `until` is in it (at most 5 s), then hangs up. */
function events(port: number, until: string, act: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/events" }, (res) => {
      let text = "";
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error(`no "${until}" in:\n${text}`));
      }, 5000);
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const first = text === "";
        text += chunk;
        if (first) act();
        if (text.includes(until)) {
          clearTimeout(timer);
          req.destroy();
          resolve(text);
        }
      });
    });
    req.on("error", reject);
    req.end();
  });
}

let server: LiveServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the live page server", () => {
  it("serves the page on 127.0.0.1 with a policy that allows only its own script and events", async () => {
    server = await startLiveServer({ port: 0, html: "<p>first</p>" });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const page = await get(server.port, "/");
    expect(page.status).toBe(200);
    expect(page.body).toBe("<p>first</p>");
    expect(page.headers["content-security-policy"]).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'",
    );
    const script = await get(server.port, "/live.js");
    expect(script.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(script.body).toContain('new EventSource("/events")');
    expect((await get(server.port, "/elsewhere")).status).toBe(404);
    expect((await get(server.port, "/", `localhost:${server.port}`)).status).toBe(200);
  });

  it("refuses a request addressed to another host (DNS rebinding)", async () => {
    server = await startLiveServer({ port: 0, html: "<p>secret grade</p>" });
    const reply = await get(server.port, "/", "attacker.example:80");
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain("secret");
  });

  it("tells open tabs its version, then each update and when it is busy", async () => {
    const live = await startLiveServer({ port: 0, html: "<p>0</p>", version: 0 });
    server = live;
    const text = await events(live.port, "event: update", () => {
      live.busy("Saved: grading");
      live.update("<p>1</p>", 1);
    });
    expect(text).toContain("event: hello\ndata: 0\n\n");
    expect(text).toContain("event: busy\ndata: Saved: grading\n\n");
    expect(text).toContain("event: update\ndata: 1\n\n");
    expect((await get(live.port, "/")).body).toBe("<p>1</p>");
  });

  it("stops: the port no longer answers", async () => {
    const live = await startLiveServer({ port: 0, html: "x" });
    await live.close();
    await expect(get(live.port, "/")).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe("pnpm watch's page options", () => {
  it("are refused without --page, and --port takes a port number", async () => {
    await expect(watchCommand(["00", "--port", "5000"])).rejects.toThrow("--port goes with --page");
    await expect(watchCommand(["00", "--open"])).rejects.toThrow("--open goes with --page");
    await expect(watchCommand(["00", "--page", "--port", "http"])).rejects.toThrow(
      '--port takes a port number from 0 to 65535, not "http"',
    );
  });
});
