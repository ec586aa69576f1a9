/**
 * The server behind `pnpm watch <lesson> --page`: the lesson's page on http://127.0.0.1:<port>/, redrawn
 * in the open tab each time the learner saves. node:http only, bound to 127.0.0.1 (never another
 * interface), answering only requests addressed to 127.0.0.1 or localhost (a web page elsewhere cannot
 * reach it through DNS rebinding). The page loads one script from here, /live.js, which listens to
 * /events (Server-Sent Events) and, on "update", fetches the page again and swaps its body in place.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { contentPolicy } from "../report/html.ts";

/** What the open tab runs: follow the events, swap the page in place, say when it is busy or cut off. */
export const LIVE_SCRIPT = `"use strict";
(() => {
  const status = (text, kind) => {
    const banner = document.getElementById("live-status");
    if (!banner) return;
    banner.textContent = text;
    banner.className = "live" + (kind ? " " + kind : "");
  };
  let chain = Promise.resolve();
  const refresh = () => {
    chain = chain.then(async () => {
      const response = await fetch("/", { cache: "no-store" });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      const y = window.scrollY;
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
      document.documentElement.dataset.version = next.documentElement.dataset.version || "";
      window.scrollTo(0, y);
    }).catch((error) => status("Could not redraw the page: " + error.message, "lost"));
  };
  const events = new EventSource("/events");
  events.addEventListener("hello", (event) => {
    if (event.data !== document.documentElement.dataset.version) refresh();
  });
  events.addEventListener("update", () => refresh());
  events.addEventListener("busy", (event) => status(event.data, "busy"));
  events.addEventListener("error", () =>
    status("Lost the connection to pnpm watch: is it still running? This page reconnects by itself.", "lost"),
  );
})();
`;

export interface LiveServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  port: number;
  /** Serves `html` from now on and tells every open tab to fetch it (`version` is its data-version). */
  update(html: string, version: number): void;
  /** Tells every open tab that a new page is on its way (shown in its banner). */
  busy(text: string): void;
  /** How many tabs are listening. */
  listeners(): number;
  /** Ends every event stream and stops the server. */
  close(): Promise<void>;
}

export interface LiveServerOptions {
  /** 0: any free port. */
  port: number;
  /** The page until the first update. */
  html: string;
  version?: number;
}

/** One Server-Sent Event; `data` on one line per line of text. */
function event(name: string, data: string): string {
  return `event: ${name}\n${data
    .split(/\r?\n/)
    .map((line) => `data: ${line}`)
    .join("\n")}\n\n`;
}

const HEARTBEAT_MS = 15_000;

export function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  let html = options.html;
  let version = options.version ?? 0;
  const streams = new Set<ServerResponse>();
  let port = options.port;

  const allowedHost = (req: IncomingMessage) => {
    const host = (req.headers.host ?? "").toLowerCase();
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  };

  const server = createServer((req, res) => {
    const common = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    if (!allowedHost(req)) {
      res.writeHead(403, { ...common, "Content-Type": "text/plain; charset=utf-8" });
      res.end("Only for 127.0.0.1 and localhost.\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...common, Allow: "GET, HEAD" });
      res.end();
      return;
    }
    const route = (req.url ?? "/").split("?")[0];
    if (route === "/" || route === "/index.html") {
      res.writeHead(200, {
        ...common,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": contentPolicy(true),
      });
      res.end(req.method === "HEAD" ? undefined : html);
    } else if (route === "/live.js") {
      res.writeHead(200, { ...common, "Content-Type": "text/javascript; charset=utf-8" });
      res.end(req.method === "HEAD" ? undefined : LIVE_SCRIPT);
    } else if (route === "/events") {
      res.writeHead(200, {
        ...common,
        "Content-Type": "text/event-stream; charset=utf-8",
        Connection: "keep-alive",
      });
      res.write(`retry: 1000\n\n${event("hello", String(version))}`);
      streams.add(res);
      req.on("close", () => streams.delete(res));
    } else {
      res.writeHead(404, { ...common, "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found.\n");
    }
  });
  // Some proxies and browsers drop an event stream that stays silent: a comment now and then.
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(": still here\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const broadcast = (text: string) => {
    for (const stream of streams) stream.write(text);
  };

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        update(next, nextVersion) {
          html = next;
          version = nextVersion;
          broadcast(event("update", String(version)));
        },
        busy(text) {
          broadcast(event("busy", text));
        },
        listeners: () => streams.size,
        close() {
          clearInterval(heartbeat);
          for (const stream of streams) stream.end();
          streams.clear();
          return new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}
