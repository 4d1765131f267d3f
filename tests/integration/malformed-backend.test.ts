import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startConsoleCore, type ConsoleCore } from "../../electron/core/console-core.js";
import { MemorySettingsStore } from "../../electron/core/settings/memory-settings-store.js";
import type { ConsoleEvent, Snapshot } from "../../shared/protocol/console-api.js";
import { makeAlarm } from "../shared/fixtures.js";
import { FakeBackend } from "./fake-backend.js";
import { until } from "../shared/until.js";

const WAIT_MS = 10_000;
const POLL_MS = 20;

const AT = "2026-11-25T10:00:00.000Z";
const alarmChange = (seq: number, id: string, patch = {}) => ({ seq, entity: "alarm", op: "upsert", id, at: AT, data: makeAlarm({ id, ...patch }) });

describe("console core against a misbehaving backend", () => {
  let fake: FakeBackend;
  let core: ConsoleCore | null = null;
  const events: ConsoleEvent[] = [];

  async function start(): Promise<ConsoleCore> {
    const settings = new MemorySettingsStore({ backendUrl: fake.url, language: "vi", operatorId: "op-01" });
    core = startConsoleCore({ dataDir: mkdtempSync(join(tmpdir(), "ioc-core-")), settings, demo: true, autoSignIn: "op-01" });
    core.service.onEvent((e) => events.push(e));
    return core;
  }
  const snapshot = async () => {
    const r = await core!.handle({ type: "snapshot" });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Snapshot;
  };

  afterEach(async () => {
    core?.close();
    core = null;
    events.length = 0;
    await fake.stop();
  });

  it("quarantines malformed changes in a page and applies the ones after them", async () => {
    fake = await new FakeBackend().start();
    fake.changes = [alarmChange(1, "a1"), { seq: 2, entity: "alarm", op: "upsert", id: "a2", at: AT, data: { broken: true } }, { seq: 3, nonsense: "x" }, alarmChange(4, "a4")];
    fake.headSeq = 4;
    await start();
    await until(() => core!.service.getStatus().state === "online", "online", WAIT_MS, POLL_MS);
    const snap = await snapshot();
    expect(snap.alarms.map((a) => a.id).sort()).toEqual(["a1", "a4"]);
    expect(snap.problems.map((p) => p.message).join("\n")).toMatch(/Malformed alarm a2 \(change 2\)/);
    expect(snap.problems).toHaveLength(2);
    expect(snap.status.cursor).toBe(4);
  });

  it("survives garbage on the live stream, applies the good changes and re-pulls after a gap", async () => {
    fake = await new FakeBackend().start();
    fake.changes = [alarmChange(1, "a1")];
    fake.headSeq = 1;
    await start();
    await until(() => core!.service.getStatus().state === "online", "online", WAIT_MS, POLL_MS);
    fake.push("{not json");
    fake.push(JSON.stringify({ type: "mystery" }));
    fake.push(JSON.stringify({ type: "change", change: { seq: 2, entity: "alarm", op: "upsert", id: "bad", at: AT, data: 42 } }));
    fake.push(JSON.stringify({ type: "change", change: alarmChange(3, "a3") }));
    await until(() => events.some((e) => e.type === "changed" && e.alarms?.some((a) => a.id === "a3")), "a3 applied", WAIT_MS, POLL_MS);
    expect((await snapshot()).problems.length).toBe(3);

    // Change 5 arrives without 4: the console must pull again rather than skip 4.
    fake.changes.push(alarmChange(4, "a4"), alarmChange(5, "a5"));
    fake.headSeq = 5;
    fake.push(JSON.stringify({ type: "change", change: alarmChange(5, "a5") }));
    await until(() => core!.service.getStatus().cursor === 5, "cursor 5", WAIT_MS, POLL_MS);
    expect((await snapshot()).alarms.map((a) => a.id).sort()).toEqual(["a1", "a3", "a4", "a5"]);
  });

  it("says plainly when the backend speaks another protocol version", async () => {
    fake = await new FakeBackend().start();
    fake.helloStatus = 426;
    fake.helloBody = { ok: false, error: { kind: "protocol_mismatch", message: "This console speaks sync protocol 1; this backend accepts 2–3. Update the console." } };
    await start();
    await until(() => /Update the console/.test(core!.service.getStatus().lastError ?? ""), "an error", WAIT_MS, POLL_MS);
    expect(core!.service.getStatus().state).toBe("offline");
    expect(core!.service.getStatus().lastError).toMatch(/Update the console/);
  });

  it("answers malformed console API calls with invalid_request and keeps working", async () => {
    fake = await new FakeBackend().start();
    await start();
    for (const bad of [null, 42, "snapshot", { type: "nope" }, { type: "alarm.acknowledge" }, { type: "command", command: { type: "comment", target: { kind: "alarm", id: "a" }, text: "" } }]) {
      const r = await core!.handle(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe("invalid_request");
    }
    expect((await core!.handle({ type: "snapshot" })).ok).toBe(true);
  });

  it("keeps an action queued when the backend's answer is unreadable, and shows it as pending", async () => {
    fake = await new FakeBackend().start();
    fake.changes = [alarmChange(1, "a1")];
    fake.headSeq = 1;
    fake.actionAnswer = () => ({ status: 200, body: "<html>proxy error</html>" });
    await start();
    await until(() => core!.service.getStatus().state === "online", "online", WAIT_MS, POLL_MS);
    const r = await core!.handle({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: "a1" } } });
    expect(r.ok).toBe(true);
    const snap = await snapshot();
    expect(snap.status.pendingActions).toBe(1);
    expect(snap.alarms[0]!.state).toBe("acknowledged");
    expect(fake.actionBodies.length).toBeGreaterThanOrEqual(1);
  });
});
