import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { BACKEND_PATHS, SESSION_ENDED_CLOSE_CODE } from "../../shared/protocol/backend.js";
import { SESSION_PATHS } from "../../shared/protocol/session.js";
import { SIMULATOR_PATHS } from "../../shared/protocol/simulator.js";
import { startTestBackend, type TestBackend } from "../backend/backend-harness.js";
import { signInAs } from "../../scripts/lib/backend-session.js";

/** What an outsider on the network tries against a backend, and what an operator's session may not do. */
let t: TestBackend;
const at = () => new Date().toISOString();
let counter = 0;
const key = () => `sec-${Date.now().toString(36)}-${(counter++).toString(36)}`;
const ack = (alarmId: string, operatorId: string) => ({ idempotencyKey: key(), operatorId, at: at(), command: { type: "acknowledge", target: { kind: "alarm", id: alarmId } } });

function raw(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return fetch(`${t.backend.url}${path}`, { ...init, headers });
}

async function alarmState(alarmId: string): Promise<{ state: string; acknowledgedBy: string | null }> {
  const db = new Database(join(t.dataDir, "ioc-backend.sqlite"), { readonly: true });
  try {
    const row = db.prepare("SELECT data FROM entities WHERE kind = 'alarm' AND id = ?").get(alarmId) as { data: string };
    return JSON.parse(row.data) as { state: string; acknowledgedBy: string | null };
  } finally {
    db.close();
  }
}

function openStream(token: string | null, origin?: string): Promise<{ status: number | "open"; ws: WebSocket }> {
  const headers: Record<string, string> = {};
  if (token !== null) headers["authorization"] = `Bearer ${token}`;
  if (origin !== undefined) headers["origin"] = origin;
  const ws = new WebSocket(`${t.backend.url.replace(/^http/, "ws")}${BACKEND_PATHS.stream}?after=0`, { headers });
  return new Promise((resolve) => {
    ws.on("open", () => resolve({ status: "open", ws }));
    ws.on("unexpected-response", (_req, res) => resolve({ status: res.statusCode ?? 0, ws }));
    ws.on("error", () => undefined);
  });
}

beforeAll(async () => {
  t = await startTestBackend({ consoleOrigins: ["http://127.0.0.1:8421"] });
});
afterAll(async () => {
  await t.stop();
});

describe("no credentials", () => {
  it("reads and changes nothing: every route but sign-in and health answers 401", async () => {
    const before = await alarmState("alm-0001");
    const attempts: Array<[string, RequestInit]> = [
      [BACKEND_PATHS.hello, {}],
      [`${BACKEND_PATHS.changes}?after=0`, {}],
      [BACKEND_PATHS.actions, { method: "POST", body: JSON.stringify(ack("alm-0001", "op-01")) }],
      [BACKEND_PATHS.actionsBatch, { method: "POST", body: JSON.stringify({ requests: [ack("alm-0001", "op-01")] }) }],
      ["/api/v1/handovers", { method: "POST", body: JSON.stringify({ note: "forged", summary: { openIncidents: [], shelvedAlarms: [], unacknowledgedCritical: [] } }) }],
      ["/api/v1/handovers/pending", {}],
      [SESSION_PATHS.sessions, {}],
      [BACKEND_PATHS.auditVerify, {}],
      [SIMULATOR_PATHS.alarms, { method: "POST", body: JSON.stringify({ count: 10 }) }],
      ["/hls/cam-01/index.m3u8", {}],
    ];
    for (const [path, init] of attempts) {
      const response = await raw(path, init);
      expect(response.status, path).toBe(401);
      expect(await response.json(), path).toMatchObject({ ok: false, error: { kind: "unauthenticated" } });
    }
    // A made-up token is no better than none.
    expect((await raw(BACKEND_PATHS.hello, { token: "x".repeat(43) })).status).toBe(401);
    expect(await alarmState("alm-0001")).toEqual(before);
    expect((await raw(SESSION_PATHS.health)).status).toBe(200);
  });

  it("opens no change stream, and a session's stream refuses a foreign browser origin", async () => {
    expect((await openStream(null)).status).toBe(401);
    const { token } = await signInAs(t.backend.url, "op-01", "desk-stream");
    const foreign = await openStream(token, "https://evil.example");
    expect(foreign.status).toBe(403);
    const own = await openStream(token, "http://127.0.0.1:8421");
    expect(own.status).toBe("open");
    own.ws.close();
    const core = await openStream(token);
    expect(core.status).toBe("open");
    core.ws.close();
  });
});

describe("a session acts only as its own operator, within its role", () => {
  it("refuses an action claimed for another operator (forged operatorId) and changes nothing", async () => {
    const { token } = await signInAs(t.backend.url, "op-01", "desk-forge");
    const response = await raw(BACKEND_PATHS.actions, { method: "POST", token, body: JSON.stringify(ack("alm-0002", "op-02")) });
    expect(response.status).toBe(403);
    expect((await alarmState("alm-0002")).acknowledgedBy).toBeNull();
    const batch = await raw(BACKEND_PATHS.actionsBatch, { method: "POST", token, body: JSON.stringify({ requests: [ack("alm-0002", "op-02")] }) });
    expect(await batch.json()).toMatchObject({ results: [{ ok: false, error: { kind: "forbidden" } }] });
    expect((await alarmState("alm-0002")).acknowledgedBy).toBeNull();
  });

  it("a viewer's session reads, but may not act, list sessions or drive the simulator", async () => {
    const { token } = await signInAs(t.backend.url, "view-01", "desk-viewer");
    expect((await raw(`${BACKEND_PATHS.changes}?after=0&limit=1`, { token })).status).toBe(200);
    expect((await raw(BACKEND_PATHS.actions, { method: "POST", token, body: JSON.stringify(ack("alm-0003", "view-01")) })).status).toBe(403);
    expect((await raw(SESSION_PATHS.sessions, { token })).status).toBe(403);
    expect((await raw(SIMULATOR_PATHS.alarms, { method: "POST", token, body: "{}" })).status).toBe(403);
    expect((await raw(BACKEND_PATHS.auditVerify, { token })).status).toBe(403);
    expect((await alarmState("alm-0003")).acknowledgedBy).toBeNull();
  });

  it("a handover is written in the session's operator's name, whatever the body says", async () => {
    const { token } = await signInAs(t.backend.url, "op-02", "desk-handover");
    const summary = { openIncidents: [], shelvedAlarms: [], unacknowledgedCritical: [] };
    const written = await raw("/api/v1/handovers", { method: "POST", token, body: JSON.stringify({ operatorId: "sup-01", note: "Ca chiều", summary }) });
    expect(await written.json()).toMatchObject({ fromOperatorId: "op-02" });
  });
});

describe("sessions end", () => {
  it("at sign-out: the token opens nothing after, and its change stream is closed", async () => {
    const { token } = await signInAs(t.backend.url, "op-01", "desk-out");
    const stream = await openStream(token);
    expect(stream.status).toBe("open");
    const closed = new Promise<number>((resolve) => stream.ws.on("close", (code) => resolve(code)));
    expect((await raw(SESSION_PATHS.signOut, { method: "POST", token, body: "{}" })).status).toBe(200);
    expect(await closed).toBe(SESSION_ENDED_CLOSE_CODE);
    expect(await (await raw(BACKEND_PATHS.hello, { token })).json()).toMatchObject({ error: { kind: "unauthenticated", message: expect.stringContaining("signed out") } });
  });

  it("when a supervisor revokes it, and only a supervisor may", async () => {
    const lan = await signInAs(t.backend.url, "op-01", "desk-revoke");
    const minh = await signInAs(t.backend.url, "op-02", "desk-revoke-2");
    expect((await raw(SESSION_PATHS.revoke(lan.sessionId), { method: "POST", token: minh.token, body: "{}" })).status).toBe(403);
    const sup = await signInAs(t.backend.url, "sup-01", "desk-sup");
    const listed = (await (await raw(SESSION_PATHS.sessions, { token: sup.token })).json()) as { sessions: Array<{ id: string; operatorId: string }> };
    expect(listed.sessions.some((s) => s.id === lan.sessionId && s.operatorId === "op-01")).toBe(true);
    expect(await (await raw(SESSION_PATHS.revoke(lan.sessionId), { method: "POST", token: sup.token, body: "{}" })).json()).toEqual({ revoked: true });
    expect((await raw(BACKEND_PATHS.hello, { token: lan.token })).status).toBe(401);
    expect((await raw(BACKEND_PATHS.hello, { token: minh.token })).status).toBe(200);
  });

  it("when another operator signs in at the same workstation (a handover of the desk)", async () => {
    const lan = await signInAs(t.backend.url, "op-01", "desk-shared");
    await signInAs(t.backend.url, "op-02", "desk-shared");
    expect((await raw(BACKEND_PATHS.hello, { token: lan.token })).status).toBe(401);
  });

  it("when the shift is handed over: the incoming operator's acknowledgement ends the outgoing one's sessions", async () => {
    const lan = await signInAs(t.backend.url, "op-01", "desk-handover-out");
    const minh = await signInAs(t.backend.url, "op-02", "desk-handover-in");
    const summary = { openIncidents: [], shelvedAlarms: [], unacknowledgedCritical: [] };
    const written = (await (await raw("/api/v1/handovers", { method: "POST", token: lan.token, body: JSON.stringify({ note: "Hết ca", summary }) })).json()) as { id: string };
    expect((await raw(BACKEND_PATHS.hello, { token: lan.token })).status).toBe(200);
    const taken = await raw(`/api/v1/handovers/${written.id}/acknowledge`, { method: "POST", token: minh.token, body: "{}" });
    expect(taken.status).toBe(200);
    expect(await (await raw(BACKEND_PATHS.hello, { token: lan.token })).json()).toMatchObject({ error: { kind: "unauthenticated", message: expect.stringContaining("handed over") } });
    expect((await raw(BACKEND_PATHS.hello, { token: minh.token })).status).toBe(200);
  });

  it("at the end of its shift: an expired session is refused with a clear reason", async () => {
    const lan = await signInAs(t.backend.url, "op-01", "desk-expired");
    const db = new Database(join(t.dataDir, "ioc-backend.sqlite"));
    try {
      db.prepare("UPDATE sessions SET expires_at = ? WHERE id = ?").run(new Date(Date.now() - 1000).toISOString(), lan.sessionId);
    } finally {
      db.close();
    }
    const response = await raw(BACKEND_PATHS.actions, { method: "POST", token: lan.token, body: JSON.stringify(ack("alm-0004", "op-01")) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { kind: "unauthenticated", message: expect.stringContaining("expired") } });
    expect((await alarmState("alm-0004")).acknowledgedBy).toBeNull();
  });
});

describe("guessing passwords", () => {
  it("backs off per operator id and per address after a few failures, even for the right password then", async () => {
    const tryOnce = (operatorId: string, password: string) =>
      raw(SESSION_PATHS.signIn, { method: "POST", body: JSON.stringify({ operatorId, password, workstationId: "desk-guess" }) });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await tryOnce("op-02", `guess-${i}`)).status);
    // Five mistakes cost nothing; the sixth starts the back-off, which doubles with each one after.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const right = await tryOnce("op-02", "uongbi-op-02");
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await right.json()).toMatchObject({ error: { kind: "rate_limited", message: expect.stringContaining("try again in") } });
    // The same address trying another operator waits too: guessing across ids gains nothing.
    expect((await tryOnce("op-01", "uongbi-op-01")).status).toBe(429);
  });
});

describe("the simulator's controls", () => {
  it("do not exist on a backend started without --simulator-api", async () => {
    const plain = await startTestBackend({ simulatorApi: false });
    try {
      const { token } = await signInAs(plain.backend.url, "sup-01", "desk-sim");
      const response = await fetch(`${plain.backend.url}${SIMULATOR_PATHS.alarms}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ count: 10_000 }) });
      expect(response.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});

describe("CORS", () => {
  it("answers camera streams' preflights for configured console origins only, never for the API, never private-network", async () => {
    const preflight = (path: string, origin: string) =>
      fetch(`${t.backend.url}${path}`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Private-Network": "true" },
      });
    const foreign = await preflight("/hls/cam-01/index.m3u8", "https://evil.example");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    expect(foreign.headers.get("access-control-allow-private-network")).toBeNull();
    const own = await preflight("/hls/cam-01/index.m3u8", "http://127.0.0.1:8421");
    expect(own.status).toBe(204);
    expect(own.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:8421");
    expect(own.headers.get("access-control-allow-private-network")).toBeNull();
    const api = await preflight(BACKEND_PATHS.changes, "http://127.0.0.1:8421");
    expect(api.headers.get("access-control-allow-origin")).toBeNull();
  });
});
