import { describe, expect, it, vi } from "vitest";
import type { ClientProblem, ConsoleClient, LinkState } from "../../renderer/src/api/console-client.js";
import { connectionView } from "../../renderer/src/store/connection-display.js";
import { addProblems, applyEvent, applySnapshot, INITIAL_STATE, MAX_PROBLEMS, upsertAlarm } from "../../renderer/src/store/live-state.js";
import { LiveStore } from "../../renderer/src/store/live-store.js";
import type {
  ConsoleEvent,
  ConsoleRequest,
  ConsoleRequestType,
  ConsoleResponse,
  RequestOf,
} from "../../shared/protocol/console-api.js";
import type { Result } from "../../shared/result.js";
import { alarm, camera, snapshot, status, ward } from "./fixtures.js";

describe("live state reducers", () => {
  it("replaces everything from a snapshot, keyed by id (wards by code)", () => {
    const state = applySnapshot(INITIAL_STATE, snapshot());
    expect(state.hasSnapshot).toBe(true);
    expect([...state.wards.keys()]).toEqual(["06808"]);
    expect(state.alarms.get("alm-1")?.place).toBe("Chợ trung tâm Uông Bí");
    expect(state.operator?.name).toBe("Nguyễn Thị Lan");
  });

  it("upserts and removes on changed events, leaving untouched collections identical", () => {
    const start = applySnapshot(INITIAL_STATE, snapshot());
    const next = applyEvent(start, { type: "changed", alarms: [alarm({ id: "alm-2" })], removed: { alarm: ["alm-1"] } });
    expect([...next.alarms.keys()]).toEqual(["alm-2"]);
    expect(next.cameras).toBe(start.cameras);
    expect(next.wards).toBe(start.wards);
  });

  it("replaying raced events never regresses an alarm to an older version", () => {
    const newer = alarm({ state: "acknowledged", updatedAt: "2026-11-25T10:05:00.000Z" });
    const state = applySnapshot(INITIAL_STATE, snapshot({ alarms: [newer] }));
    const older: ConsoleEvent = { type: "changed", alarms: [alarm({ updatedAt: "2026-11-25T10:01:00.000Z" })] };
    expect(applyEvent(state, older, true).alarms.get("alm-1")?.state).toBe("acknowledged");
    // Live (not replayed) events are taken as they come: a reseeded backend may legitimately go back.
    expect(applyEvent(state, older).alarms.get("alm-1")?.state).toBe("unacknowledged");
  });

  it("records refusals and status", () => {
    let state = applyEvent(INITIAL_STATE, { type: "action.refused", target: { kind: "alarm", id: "alm-1" }, error: { kind: "conflict", message: "first" } });
    expect(state.refusal).toEqual({ target: { kind: "alarm", id: "alm-1" }, error: { kind: "conflict", message: "first" } });
    state = applyEvent(state, { type: "status", status: status({ state: "offline" }) });
    expect(state.status?.state).toBe("offline");
  });

  it("keeps the page's own problems across snapshots and caps the list", () => {
    let state = addProblems(INITIAL_STATE, [{ id: -1, at: "2026-11-25T10:00:00.000Z", source: "console-api", message: "bad" }]);
    state = applySnapshot(state, snapshot({ problems: [{ id: 4, at: "2026-11-25T09:00:00.000Z", source: "sync", message: "q" }] }));
    expect(state.problems.map((p) => p.id)).toEqual([4, -1]);
    const many = Array.from({ length: MAX_PROBLEMS + 20 }, (_, i) => ({
      id: 100 + i,
      at: new Date(Date.UTC(2026, 10, 25, 11, 0, i)).toISOString(),
      source: "sync",
      message: String(i),
    }));
    expect(addProblems(state, many).problems).toHaveLength(MAX_PROBLEMS);
  });

  it("upsertAlarm ignores an answer older than what an event already brought", () => {
    const state = applySnapshot(INITIAL_STATE, snapshot({ alarms: [alarm({ updatedAt: "2026-11-25T10:05:00.000Z", state: "normal" })] }));
    expect(upsertAlarm(state, alarm({ updatedAt: "2026-11-25T10:01:00.000Z" })).alarms.get("alm-1")?.state).toBe("normal");
  });
});

describe("connectionView", () => {
  it("puts the page's own link first", () => {
    expect(connectionView("closed", status(), true, false)).toEqual({ state: "offline", coreUnreachable: true });
    expect(connectionView("connecting", null, false, false).state).toBe("connecting");
    expect(connectionView("open", status(), false, true).state).toBe("connecting");
    expect(connectionView("open", status(), true, true).state).toBe("syncing");
    expect(connectionView("open", status({ state: "offline" }), true, false).state).toBe("offline");
    expect(connectionView("open", null, true, false).state).toBe("connecting");
  });
});

/** A console client driven by the test: it decides when the link opens and what requests answer. */
class ScriptedClient implements ConsoleClient {
  readonly transport = "websocket" as const;
  readonly endpoint = "ws://test";
  requests: { req: ConsoleRequest; resolve: (r: Result<unknown>) => void }[] = [];
  private eventListeners = new Set<(e: ConsoleEvent) => void>();
  private linkListeners = new Set<(s: LinkState) => void>();
  private link: LinkState = "connecting";

  request<T extends ConsoleRequestType>(req: RequestOf<T>): Promise<Result<ConsoleResponse<T>>> {
    // The test settles each request with whatever shape it wants.
    return new Promise((resolve) => this.requests.push({ req, resolve: (r) => resolve(r as Result<ConsoleResponse<T>>) }));
  }
  onEvent(l: (e: ConsoleEvent) => void) {
    this.eventListeners.add(l);
    return () => this.eventListeners.delete(l);
  }
  onConnection(l: (s: LinkState) => void) {
    this.linkListeners.add(l);
    l(this.link);
    return () => this.linkListeners.delete(l);
  }
  onProblem(_l: (p: ClientProblem) => void) {
    return () => undefined;
  }
  close() {}
  setLink(s: LinkState) {
    this.link = s;
    for (const l of this.linkListeners) l(s);
  }
  emit(e: ConsoleEvent) {
    for (const l of this.eventListeners) l(e);
  }
}

const immediate = (flush: () => void) => flush;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("LiveStore", () => {
  it("asks for the snapshot when the link opens and again after a reconnect", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    store.start();
    expect(client.requests).toHaveLength(0);
    client.setLink("open");
    expect(client.requests.map((r) => r.req.type)).toEqual(["snapshot"]);
    client.requests[0]!.resolve({ ok: true, value: snapshot() });
    await tick();
    expect(store.getState().hasSnapshot).toBe(true);

    client.setLink("closed");
    client.setLink("open");
    expect(client.requests.map((r) => r.req.type)).toEqual(["snapshot", "snapshot"]);
    expect(store.getState().loadingSnapshot).toBe(true);
  });

  it("replays events that raced the snapshot on top of it", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    store.start();
    client.setLink("open");
    client.emit({ type: "changed", cameras: [camera({ id: "cam-09" })] });
    client.requests[0]!.resolve({ ok: true, value: snapshot({ wards: [ward()] }) });
    await tick();
    expect([...store.getState().cameras.keys()].sort()).toEqual(["cam-01", "cam-09"]);
  });

  it("reloads once after a burst of bulk changes, not once per page", async () => {
    vi.useFakeTimers();
    try {
      const client = new ScriptedClient();
      const store = new LiveStore(client, immediate);
      store.start();
      client.setLink("open");
      client.requests[0]!.resolve({ ok: true, value: snapshot() });
      await vi.advanceTimersByTimeAsync(0);
      for (let page = 0; page < 20; page++) client.emit({ type: "bulk.changed", count: 1000 });
      await vi.advanceTimersByTimeAsync(1000);
      expect(client.requests.map((r) => r.req.type)).toEqual(["snapshot", "snapshot"]);
      client.requests[1]!.resolve({ ok: true, value: snapshot({ alarms: [alarm({ id: "alm-bulk" })] }) });
      await vi.advanceTimersByTimeAsync(0);
      expect(store.getState().alarms.has("alm-bulk")).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("drops a snapshot answer that arrives after the link closed", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    store.start();
    client.setLink("open");
    client.setLink("closed");
    client.requests[0]!.resolve({ ok: true, value: snapshot() });
    await tick();
    expect(store.getState().hasSnapshot).toBe(false);
  });

  it("shows a refused acknowledgement and clears it on the next attempt", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    store.start();
    client.setLink("open");
    client.requests[0]!.resolve({ ok: true, value: snapshot() });
    await tick();

    const first = store.acknowledge("alm-1");
    client.requests[1]!.resolve({ ok: false, error: { kind: "conflict", message: "Already acknowledged by Trần Văn Minh" } });
    await first;
    expect(store.getState().refusal?.error.kind).toBe("conflict");

    void store.acknowledge("alm-1");
    expect(store.getState().refusal).toBeNull();
  });

  it("notifies subscribers through the scheduler", async () => {
    const client = new ScriptedClient();
    let flushes = 0;
    const store = new LiveStore(client, (flush) => () => {
      flushes += 1;
      flush();
    });
    let seen = 0;
    store.subscribe(() => (seen += 1));
    store.start();
    client.setLink("open");
    expect(seen).toBe(flushes);
    expect(seen).toBeGreaterThan(0);
  });
});
