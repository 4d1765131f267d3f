import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { PAGE_SECRET_META, PAGE_SECRET_PROTOCOL_PREFIX } from "../../shared/protocol/wire.js";
import { PageSecrets, socketRefusal } from "../../electron/web/page-secrets.js";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
import { startTestBackend, startTestConsole, tempDir } from "../e2e/harness/stack.js";

/** A web page elsewhere in the operator's browser tries to drive the browser console. */
let backend: BackendProcess;
let app: ConsoleProcess;

beforeAll(async () => {
  backend = await startTestBackend();
  app = await startTestConsole(backend.url, tempDir("console-origin"));
}, 60_000);
afterAll(async () => {
  await app?.stop();
  await backend?.stop();
});

async function pageSecret(): Promise<string> {
  const page = await fetch(`${app.url}/?role=alarms`);
  expect(page.headers.get("cache-control")).toBe("no-store");
  const html = await page.text();
  const secret = new RegExp(`<meta name="${PAGE_SECRET_META}" content="([A-Za-z0-9_-]+)"`).exec(html)?.[1];
  if (secret === undefined) throw new Error("no page secret in the console's page");
  return secret;
}

type Attempt = { status: number | "open"; ws: WebSocket };

function connect(options: { origin?: string; secret?: string; host?: string }): Promise<Attempt> {
  const url = `${app.url.replace(/^http/, "ws")}/console-api`;
  const headers: Record<string, string> = {};
  if (options.origin !== undefined) headers["origin"] = options.origin;
  if (options.host !== undefined) headers["host"] = options.host;
  const protocols = options.secret === undefined ? [] : [`${PAGE_SECRET_PROTOCOL_PREFIX}${options.secret}`];
  const ws = new WebSocket(url, protocols, { headers });
  return new Promise((resolve) => {
    ws.on("open", () => resolve({ status: "open", ws }));
    ws.on("unexpected-response", (_req, res) => resolve({ status: res.statusCode ?? 0, ws }));
    ws.on("error", () => undefined);
  });
}

function request(ws: WebSocket, body: unknown): Promise<{ ok: boolean; value?: unknown }> {
  return new Promise((resolve) => {
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as { kind: string; id?: number; result?: { ok: boolean; value?: unknown } };
      if (message.kind === "response" && message.id === 1 && message.result) resolve(message.result);
    });
    ws.send(JSON.stringify({ kind: "request", id: 1, request: body }));
  });
}

describe("the browser console's API socket", () => {
  it("refuses a foreign origin, no origin, a wrong host, no secret and a made-up secret", async () => {
    const own = new URL(app.url).origin;
    const secret = await pageSecret();
    expect((await connect({ origin: "http://evil.example", secret })).status).toBe(403);
    expect((await connect({ secret })).status).toBe(403);
    expect((await connect({ origin: "http://rebound.example:1", host: "rebound.example:1", secret })).status).toBe(403);
    expect((await connect({ origin: own })).status).toBe(403);
    expect((await connect({ origin: own, secret: "x".repeat(43) })).status).toBe(403);
  });

  it("opens for the console's own page with its secret, which answers requests", async () => {
    const own = new URL(app.url).origin;
    const attempt = await connect({ origin: own, secret: await pageSecret() });
    expect(attempt.status).toBe("open");
    const answer = await request(attempt.ws, { type: "selection.get" });
    expect(answer.ok).toBe(true);
    attempt.ws.close();
  });
});

describe("page secrets", () => {
  it("expire unused after their time, live on once used, and stay bounded", () => {
    const secrets = new PageSecrets({ maxSecrets: 2, unusedTtlMs: 1000, usedTtlMs: 10_000 });
    const a = secrets.issue(0);
    expect(secrets.accept(a, 500)).toBe(true);
    expect(secrets.accept(a, 9_000)).toBe(true);
    const b = secrets.issue(0);
    expect(secrets.accept(b, 2000)).toBe(false);
    const c = secrets.issue(0);
    secrets.issue(0);
    expect(secrets.accept(c, 10)).toBe(true);
    expect(secrets.accept("made-up", 10)).toBe(false);
  });

  it("the upgrade check wants this host, its own page's origin and a known secret", () => {
    const hosts = new Set(["127.0.0.1:8421", "localhost:8421"]);
    const ok = (s: string) => s === "good";
    const p = (secret: string) => [`${PAGE_SECRET_PROTOCOL_PREFIX}${secret}`];
    expect(socketRefusal({ host: "127.0.0.1:8421", origin: "http://127.0.0.1:8421", protocols: p("good") }, hosts, ok, PAGE_SECRET_PROTOCOL_PREFIX)).toBeNull();
    expect(socketRefusal({ host: "localhost:8421", origin: "http://127.0.0.1:8421", protocols: p("good") }, hosts, ok, PAGE_SECRET_PROTOCOL_PREFIX)).not.toBeNull();
    expect(socketRefusal({ host: "evil:8421", origin: "http://evil:8421", protocols: p("good") }, hosts, ok, PAGE_SECRET_PROTOCOL_PREFIX)).not.toBeNull();
    expect(socketRefusal({ host: "127.0.0.1:8421", origin: "http://127.0.0.1:8421", protocols: p("bad") }, hosts, ok, PAGE_SECRET_PROTOCOL_PREFIX)).not.toBeNull();
  });
});
