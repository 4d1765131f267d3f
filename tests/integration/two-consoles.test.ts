import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/free-port.js";
import { startBackend, type RunningBackend } from "../../backend/app.js";
import { startConsoleCore, type ConsoleCore } from "../../electron/core/console-core.js";
import { MemorySettingsStore } from "../../electron/core/settings/memory-settings-store.js";
import type { Alarm } from "../../shared/domain/alarm.js";
import type { ConsoleEvent, Snapshot } from "../../shared/protocol/console-api.js";
import { until } from "../shared/until.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";

const WAIT_MS = 15_000;

/** Real backend, real console cores (in process), on loopback: the sync protocol end to end. */

interface TestConsole {
  core: ConsoleCore;
  events: ConsoleEvent[];
  snapshot(): Promise<Snapshot>;
  alarm(id: string): Promise<Alarm>;
  online(): boolean;
}

function startConsole(backendUrl: string, operatorId: string, dataDir = mkdtempSync(join(tmpdir(), "ioc-console-"))): TestConsole {
  const core = startConsoleCore({
    dataDir,
    settings: new MemorySettingsStore({ backendUrl, language: "vi", operatorId }),
    demo: true,
    autoSignIn: operatorId,
  });
  const events: ConsoleEvent[] = [];
  core.service.onEvent((e) => events.push(e));
  const snapshot = async () => {
    const r = await core.handle({ type: "snapshot" });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Snapshot;
  };
  return {
    core,
    events,
    snapshot,
    alarm: async (id) => (await snapshot()).alarms.find((a) => a.id === id)!,
    online: () => core.service.getStatus().state === "online",
  };
}

describe("several consoles against one backend", () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup.length = 0;
  });

  async function backendOn(port: number, dataDir: string): Promise<RunningBackend> {
    const backend = await startBackend({ port, dataDir, log: false, video: { enabled: false }, simulator: { enabled: false }, demo: true, simulatorApi: true });
    return backend;
  }

  it("an acknowledgement on one console appears on the other; a second acknowledgement is refused naming the first", async () => {
    const backend = await backendOn(0, mkdtempSync(join(tmpdir(), "ioc-b-")));
    cleanup.push(() => backend.close());
    const lan = startConsole(backend.url, "op-01");
    const minh = startConsole(backend.url, "op-02");
    cleanup.push(() => lan.core.close(), () => minh.core.close());
    await until(() => lan.online() && minh.online(), "both online", WAIT_MS);

    const target = (await lan.snapshot()).alarms.find((a) => a.state === "unacknowledged")!;
    const first = await lan.core.handle({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: target.id } } });
    expect(first.ok).toBe(true);
    await until(async () => (await minh.alarm(target.id)).acknowledgedBy === "op-01", "Minh's console sees Lan's acknowledgement", WAIT_MS);

    // Minh's console already knows: the refusal is immediate and says who and when.
    const second = await minh.core.handle({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: target.id } } });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.kind).toBe("conflict");
      expect(second.error.message).toContain("Nguyễn Thị Lan");
    }
  });

  it("an offline acknowledgement that lost the race is refused after reconnect and the console's copy corrected", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "ioc-b-"));
    let backend = await backendOn(port, dataDir);
    const minhDir = mkdtempSync(join(tmpdir(), "ioc-console-"));
    const lan = startConsole(backend.url, "op-01");
    let minh = startConsole(backend.url, "op-02", minhDir);
    cleanup.push(() => lan.core.close());
    await until(() => lan.online() && minh.online(), "both online", WAIT_MS);
    const target = (await lan.snapshot()).alarms.find((a) => a.state === "unacknowledged")!;

    await backend.close();
    await until(() => !minh.online(), "Minh offline", WAIT_MS);
    const offlineAck = await minh.core.handle({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: target.id } } });
    expect(offlineAck.ok).toBe(true);
    expect((await minh.alarm(target.id)).acknowledgedBy).toBe("op-02");
    expect((await minh.snapshot()).status.pendingActions).toBe(1);
    // Minh's console is closed while offline, with the acknowledgement still in its outbox.
    minh.core.close();

    backend = await backendOn(port, dataDir);
    cleanup.push(() => backend.close());
    await until(() => lan.online(), "Lan online", WAIT_MS);
    const lanAck = await lan.core.handle({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: target.id } } });
    expect(lanAck.ok).toBe(true);

    minh = startConsole(backend.url, "op-02", minhDir);
    cleanup.push(() => minh.core.close());
    await until(async () => (await minh.snapshot()).status.pendingActions === 0, "Minh's outbox drained", 30_000);
    const refused = minh.events.find((e) => e.type === "action.refused");
    expect(refused && refused.type === "action.refused" && refused.error.kind).toBe("conflict");
    await until(async () => (await minh.alarm(target.id)).acknowledgedBy === "op-01", "Minh's copy corrected to Lan's acknowledgement", WAIT_MS);
  });

  it("actions taken offline are sent once after reconnect, in order, and survive a restart of the console", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "ioc-b-"));
    let backend = await backendOn(port, dataDir);
    const consoleDir = mkdtempSync(join(tmpdir(), "ioc-console-"));
    const settings = new MemorySettingsStore({ backendUrl: backend.url, language: "vi", operatorId: "op-01" });
    let core = startConsoleCore({ dataDir: consoleDir, settings, demo: true, autoSignIn: "op-01" });
    await until(() => core.service.getStatus().state === "online", "online", WAIT_MS);
    const snap = await core.handle({ type: "snapshot" });
    if (!snap.ok) throw new Error(snap.error.message);
    const target = (snap.value as Snapshot).alarms.find((a) => a.state === "unacknowledged")!;

    await backend.close();
    await until(() => core.service.getStatus().state !== "online", "offline", WAIT_MS);
    expect((await core.handle({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: target.id } } })).ok).toBe(true);
    expect((await core.handle({ type: "command", command: { type: "comment", target: { kind: "alarm", id: target.id }, text: "Đã gọi đội tuần tra" } })).ok).toBe(true);
    expect((await core.handle({ type: "command", command: { type: "comment", target: { kind: "alarm", id: target.id }, text: "Đội đã đến hiện trường" } })).ok).toBe(true);
    // The console restarts while still offline: the outbox is on disk.
    core.close();
    core = startConsoleCore({ dataDir: consoleDir, settings, demo: true, autoSignIn: "op-01" });
    cleanup.push(() => core.close());
    expect(core.service.getStatus().pendingActions).toBe(3);

    backend = await backendOn(port, dataDir);
    cleanup.push(() => backend.close());
    await until(() => core.service.getStatus().state === "online" && core.service.getStatus().pendingActions === 0, "drained", 30_000);

    const res = await backendFetch(`${backend.url}/api/v1/changes?after=0&limit=5000`);
    const page = (await res.json()) as { changes: { entity: string; id: string; data: Alarm }[] };
    const versions = page.changes.filter((c) => c.entity === "alarm" && c.id === target.id).map((c) => c.data);
    const latest = versions.at(-1)!;
    expect(latest.acknowledgedBy).toBe("op-01");
    expect(latest.comments.map((c) => c.text)).toEqual(["Đã gọi đội tuần tra", "Đội đã đến hiện trường"]);
    // Seed + one change per action: nothing applied twice.
    expect(versions).toHaveLength(1 + 3);
  });
});
