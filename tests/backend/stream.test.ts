import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { BACKEND_PATHS, ChangeSchema, type StreamMessage } from "../../shared/protocol/backend.js";
import type { CentreLink } from "../../shared/protocol/province.js";
import { SIMULATOR_PATHS } from "../../shared/protocol/simulator.js";
import { attachChangeStream } from "../../backend/http/change-stream.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";
import { startTestBackend, StreamClient, type TestBackend } from "./backend-harness.js";
import { decodeChangeLines } from "../../electron/core/sync/decode-change-lines.js";
import { backendFetch, sessionOf } from "../../scripts/lib/backend-session.js";
import { SessionAuthority } from "../../backend/auth/session-authority.js";
import { ensureDemoPasswords } from "../../backend/seed/operator-accounts.js";
import { SEED_OPERATORS } from "../../backend/seed/operators.js";

let t: TestBackend;
let wsBase: string;
let token: string;

beforeAll(async () => {
  t = await startTestBackend();
  token = (await sessionOf(t.backend.url, "op-01")).token;
  wsBase = `${t.backend.url.replace(/^http/, "ws")}${BACKEND_PATHS.stream}`;
});
afterAll(async () => {
  await t.stop();
});

const seqOf = (m: StreamMessage) => (m.type === "change" ? ChangeSchema.parse(m.change).seq : null);
const changeSeqs = (messages: readonly StreamMessage[]) => messages.flatMap((m) => (m.type === "change" ? [seqOf(m) ?? -1] : []));
const headSeq = async () => (await t.get(BACKEND_PATHS.hello)).body as { headSeq: number };

describe("change stream", () => {
  it("sends the backlog, then ready, then live changes", async () => {
    const { headSeq: head } = await headSeq();
    const client = new StreamClient(`${wsBase}?after=0`, token);
    const ready = await client.waitFor((m) => m.type === "ready");
    expect(ready).toEqual({ type: "ready", headSeq: head });
    expect(changeSeqs(client.messages)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(client.messages.at(-1)?.type).toBe("ready");

    await t.post(SIMULATOR_PATHS.alarms, { count: 2 });
    await client.waitFor((m) => seqOf(m) === head + 2);
    expect(changeSeqs(client.messages).slice(-2)).toEqual([head + 1, head + 2]);
    client.close();
  });

  it("resumes after a cursor", async () => {
    const { headSeq: head } = await headSeq();
    const client = new StreamClient(`${wsBase}?after=${head - 3}`, token);
    await client.waitFor((m) => m.type === "ready");
    expect(changeSeqs(client.messages)).toEqual([head - 2, head - 1, head]);
    client.close();
  });

  it("tells a client whose cursor is ahead of this backend the real head", async () => {
    const { headSeq: head } = await headSeq();
    const client = new StreamClient(`${wsBase}?after=${head + 100}`, token);
    expect(await client.waitFor((m) => m.type === "ready")).toEqual({ type: "ready", headSeq: head });
    expect(changeSeqs(client.messages)).toEqual([]);
    client.close();
  });

  it("misses nothing and repeats nothing while changes commit during catch-up", async () => {
    const writers = Array.from({ length: 12 }, (_, i) =>
      new Promise((resolve) => setTimeout(resolve, i * 3)).then(() => t.post(SIMULATOR_PATHS.alarms, { count: 200 })),
    );
    const clients = Array.from({ length: 4 }, () => new StreamClient(`${wsBase}?after=0`, token));
    await Promise.all(writers);
    const { headSeq: head } = await headSeq();
    for (const client of clients) {
      await client.waitFor((m) => seqOf(m) === head, 15_000);
      expect(changeSeqs(client.messages)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
      expect(client.messages.filter((m) => m.type === "ready")).toHaveLength(1);
      client.close();
    }
  });

  it("refuses a malformed cursor before upgrading", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${wsBase}?after=minus-one`);
      ws.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      ws.on("open", () => reject(new Error("should not open")));
      ws.on("error", () => undefined);
    });
    expect(status).toBe(400);
  });
});

describe("heartbeats", () => {
  let server: Server;
  it("come every interval with the server time and head seq", async () => {
    const store = openSqliteStore({ filename: ":memory:" });
    await store.commit([{ entity: "ward", op: "upsert", id: "w", data: {} }]);
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    await store.commit(SEED_OPERATORS.map((op) => ({ entity: "operator", op: "upsert", id: op.id, data: op })));
    await ensureDemoPasswords(store, new Date());
    const authority = new SessionAuthority(store);
    const signedIn = await authority.signIn("op-01", "uongbi-op-01", "desk", "127.0.0.1", new Date());
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const stream = await attachChangeStream({ server, store, logger: pino({ enabled: false }), heartbeatMs: 50, authority, allowedOrigins: [] });
    const port = (server.address() as AddressInfo).port;
    const client = new StreamClient(`ws://127.0.0.1:${port}${BACKEND_PATHS.stream}`, signedIn.value.session.token);
    const beat = await client.waitFor((m) => m.type === "heartbeat", 2000);
    expect(beat).toMatchObject({ type: "heartbeat", headSeq: await store.headSeq(), serverTime: expect.any(String) });
    expect(stream.clientCount()).toBe(1);
    client.close();
    await stream.close();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });
});

describe("links between centres", () => {
  it("are told at once when one changes state, not only with the next heartbeat", async () => {
    const store = openSqliteStore({ filename: ":memory:" });
    await store.commit(SEED_OPERATORS.map((op) => ({ entity: "operator", op: "upsert", id: op.id, data: op })));
    await ensureDemoPasswords(store, new Date());
    const authority = new SessionAuthority(store);
    const signedIn = await authority.signIn("op-01", "uongbi-op-01", "desk", "127.0.0.1", new Date());
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    let state: CentreLink["state"] = "up";
    const links = (): CentreLink[] => [{ id: "province", name: "Quảng Ninh", state, since: null }];
    // Heartbeats an hour apart: a message about the link can only come from the watch.
    const stream = await attachChangeStream({ server, store, logger: pino({ enabled: false }), heartbeatMs: 3_600_000, linkWatchMs: 20, links, authority, allowedOrigins: [] });
    const port = (server.address() as AddressInfo).port;
    const client = new StreamClient(`ws://127.0.0.1:${port}${BACKEND_PATHS.stream}`, signedIn.value.session.token);
    await client.waitFor((m) => m.type === "ready", 2000);
    state = "down";
    const told = await client.waitFor((m) => m.type === "heartbeat", 2000);
    expect(told).toMatchObject({ type: "heartbeat", links: [{ id: "province", state: "down" }] });
    client.close();
    await stream.close();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });
});

describe("catch-up pages as change lines", () => {
  it("serves the same changes as the JSON page, each line decodable by the console", async () => {
    const json = (await (await backendFetch(`${t.backend.url}${BACKEND_PATHS.changes}?after=0&limit=50`)).json()) as { changes: unknown[]; headSeq: number; hasMore: boolean };
    const response = await backendFetch(`${t.backend.url}${BACKEND_PATHS.changes}?after=0&limit=50&format=lines`);
    expect(response.headers.get("content-type")).toContain("application/x-ioc-change-lines");
    const decoded = decodeChangeLines(await response.text());
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.quarantined).toEqual([]);
    expect(decoded.value.hasMore).toBe(json.hasMore);
    expect(decoded.value.rows.map((r) => [r.seq, r.entity, r.id, r.dataJson === null ? null : JSON.parse(r.dataJson)])).toEqual(
      json.changes.map((c) => ChangeSchema.parse(c)).map((c) => [c.seq, c.entity, c.id, c.data]),
    );
    expect((await backendFetch(`${t.backend.url}${BACKEND_PATHS.changes}?format=xml`)).status).toBe(400);
  });
});
