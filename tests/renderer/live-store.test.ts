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
import type { WallView } from "../../shared/domain/wall-view.js";
import type { SharedSelection } from "../../shared/protocol/workstation-api.js";
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
  /** The requests of one type, in order (the store also asks for the selection and the views). */
  of(type: ConsoleRequestType) {
    return this.requests.filter((r) => r.req.type === type);
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
    expect(client.of("snapshot")).toHaveLength(1);
    client.of("snapshot")[0]!.resolve({ ok: true, value: snapshot() });
    await tick();
    expect(store.getState().hasSnapshot).toBe(true);

    client.setLink("closed");
    client.setLink("open");
    expect(client.of("snapshot")).toHaveLength(2);
    expect(store.getState().loadingSnapshot).toBe(true);
  });

  it("sends a command on one target and answers with that target, or an internal error for another kind", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    const answered = store.commandOn("alarm", "alm-1", { type: "comment", text: "checked on camera" });
    const sent = client.of("command")[0]!;
    expect(sent.req).toEqual({ type: "command", command: { type: "comment", text: "checked on camera", target: { kind: "alarm", id: "alm-1" } } });
    sent.resolve({ ok: true, value: { kind: "alarm", entity: alarm({ id: "alm-1" }) } });
    expect(await answered).toMatchObject({ ok: true, value: { id: "alm-1" } });
    expect(store.getState().alarms.get("alm-1")?.id).toBe("alm-1");

    const mismatched = store.commandOn("alarm", "alm-2", { type: "unshelve" });
    client.of("command")[1]!.resolve({ ok: true, value: { kind: "camera", entity: camera({ id: "cam-09" }) } });
    expect(await mismatched).toMatchObject({ ok: false, error: { kind: "internal" } });
  });

  it("replays events that raced the snapshot on top of it", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    store.start();
    client.setLink("open");
    client.emit({ type: "changed", cameras: [camera({ id: "cam-09" })] });
    client.of("snapshot")[0]!.resolve({ ok: true, value: snapshot({ wards: [ward()] }) });
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
      client.of("snapshot")[0]!.resolve({ ok: true, value: snapshot() });
      await vi.advanceTimersByTimeAsync(0);
      for (let page = 0; page < 20; page++) client.emit({ type: "bulk.changed", count: 1000 });
      // Behind the cache from the first page on, though the reload waits for the burst to end.
      expect(store.getState().loadingSnapshot).toBe(true);
      expect(client.of("snapshot")).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(client.of("snapshot")).toHaveLength(2);
      client.of("snapshot")[1]!.resolve({ ok: true, value: snapshot({ alarms: [alarm({ id: "alm-bulk" })] }) });
      await vi.advanceTimersByTimeAsync(0);
      expect(store.getState().alarms.has("alm-bulk")).toBe(true);
      expect(store.getState().loadingSnapshot).toBe(false);
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
    client.of("snapshot")[0]!.resolve({ ok: true, value: snapshot() });
    await tick();
    expect(store.getState().hasSnapshot).toBe(false);
  });

  it("shows a refused acknowledgement and clears it on the next attempt", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    store.start();
    client.setLink("open");
    client.of("snapshot")[0]!.resolve({ ok: true, value: snapshot() });
    await tick();

    const first = store.acknowledge("alm-1");
    client.of("command")[0]!.resolve({ ok: false, error: { kind: "conflict", message: "Already acknowledged by Trần Văn Minh" } });
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

function view(patch: Partial<WallView> = {}): WallView {
  return { id: "v-1", operatorId: "op-01", name: "Chợ", layout: "2x2", tiles: [], tour: null, updatedAt: "2026-11-25T10:00:00.000Z", ...patch };
}

function sharedSelection(patch: Partial<SharedSelection> = {}): SharedSelection {
  return { alarmId: null, wardCode: null, cameraRequest: null, version: 1, ...patch };
}

async function openWithSnapshot(client: ScriptedClient, store: LiveStore): Promise<void> {
  store.start();
  client.setLink("open");
  client.of("snapshot").at(-1)!.resolve({ ok: true, value: snapshot() });
  await tick();
}

describe("LiveStore slices: the selection, saved views and window focus, from its one subscription", () => {
  it("shows a selection at once, sends it to the core, and lets the core's newer answer win", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    await openWithSnapshot(client, store);
    client.of("selection.get")[0]!.resolve({ ok: true, value: sharedSelection({ version: 3 }) });
    await tick();

    store.selectAlarm("alm-1");
    expect(store.getState().selection.alarmId).toBe("alm-1");
    expect(client.of("selection.set")[0]!.req).toEqual({ type: "selection.set", patch: { alarmId: "alm-1" } });
    // Another window's change arrives while ours is in flight: held back, so the view does not flicker.
    client.emit({ type: "selection", selection: sharedSelection({ alarmId: "alm-2", version: 4 }) });
    expect(store.getState().selection.alarmId).toBe("alm-1");
    client.of("selection.set")[0]!.resolve({ ok: true, value: sharedSelection({ alarmId: "alm-1", version: 5 }) });
    await tick();
    expect(store.getState().selection.alarmId).toBe("alm-1");
    // An older echo is ignored; a newer one wins.
    client.emit({ type: "selection", selection: sharedSelection({ alarmId: "alm-old", version: 2 }) });
    expect(store.getState().selection.alarmId).toBe("alm-1");
    client.emit({ type: "selection", selection: sharedSelection({ alarmId: "alm-3", wardCode: "06808", version: 6 }) });
    expect(store.getState().selection).toMatchObject({ alarmId: "alm-3", wardCode: "06808" });

    store.clearSelection();
    expect(store.getState().selection).toMatchObject({ alarmId: null, wardCode: null });
  });

  it("keeps camera requests local while the link is down, and gives a core that restarted empty this window's selection", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    store.start();
    store.requestCamera("cam-07");
    store.selectWard("06808");
    expect(store.getState().selection.cameraRequest?.cameraId).toBe("cam-07");
    expect(client.of("selection.set")).toHaveLength(0);

    client.setLink("open");
    client.of("selection.get")[0]!.resolve({ ok: true, value: sharedSelection({ version: 0 }) });
    await tick();
    expect(client.of("selection.set")[0]!.req).toEqual({ type: "selection.set", patch: { alarmId: null, wardCode: "06808" } });
  });

  it("loads the operator's views after the snapshot and keeps only theirs from the change feed", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    await openWithSnapshot(client, store);
    client.of("view.list")[0]!.resolve({ ok: true, value: [view({ id: "v-2", name: "Quốc lộ 18" }), view()] });
    await tick();
    expect(store.getState().views.map((v) => v.name)).toEqual(["Chợ", "Quốc lộ 18"]);

    client.emit({ type: "changed", views: [view({ id: "v-3", name: "Bến xe" }), view({ id: "v-9", operatorId: "op-02", name: "Not mine" })], removed: { view: ["v-1"] } });
    expect(store.getState().views.map((v) => v.id)).toEqual(["v-3", "v-2"]);

    const saving = store.saveView({ id: "v-4", name: "x", layout: "1x1", tiles: [], tour: null });
    client.of("view.save")[0]!.resolve({ ok: false, error: { kind: "forbidden", message: "Viewers cannot save views." } });
    await saving;
    expect(store.getState().viewsError?.kind).toBe("forbidden");

    client.emit({ type: "session", session: { ...snapshot().session, state: "signed_out", operator: null } });
    expect(store.getState().views).toEqual([]);
  });

  it("turns each request to bring a role forward into a new focus request, and does not replay it after a snapshot", async () => {
    const client = new ScriptedClient();
    const store = new LiveStore(client, immediate);
    await openWithSnapshot(client, store);
    client.emit({ type: "workstation.focus", role: "wall" });
    const first = store.getState().focusRequest;
    expect(first?.role).toBe("wall");
    client.emit({ type: "workstation.focus", role: "wall" });
    expect(store.getState().focusRequest?.seq).toBe(first!.seq + 1);

    client.emit({ type: "bulk.changed", count: 1 });
    await new Promise((r) => setTimeout(r, 600));
    client.emit({ type: "workstation.focus", role: "map" });
    const before = store.getState().focusRequest;
    client.of("snapshot").at(-1)!.resolve({ ok: true, value: snapshot() });
    await tick();
    expect(store.getState().focusRequest).toEqual(before);
  });

  it("subscribes to the core's events once, whatever the slices", () => {
    const client = new ScriptedClient();
    const onEvent = vi.spyOn(client, "onEvent");
    const store = new LiveStore(client, immediate);
    store.start();
    expect(onEvent).toHaveBeenCalledTimes(1);
  });
});

describe("LiveStore notifications", () => {
  it("tells subscribers of a selection at once, even while other changes wait for the coalesced flush", () => {
    const client = new ScriptedClient();
    const pending: (() => void)[] = [];
    const store = new LiveStore(client, (flush) => () => void pending.push(flush));
    let seen = 0;
    store.subscribe(() => (seen += 1));
    store.start();
    client.emit({ type: "changed", alarms: [alarm({ id: "alm-flood" })] });
    const beforeSelection = seen;
    store.selectAlarm("alm-flood");
    expect(seen).toBe(beforeSelection + 1);
    expect(store.getState().selection.alarmId).toBe("alm-flood");
    // The flood's own change still waits for its flush.
    expect(pending.length).toBeGreaterThan(0);
  });
});
