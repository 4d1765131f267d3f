import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MemorySettingsStore } from "../../electron/core/settings/memory-settings-store.js";
import { startConsoleCoreInWorker } from "../../electron/core/worker/core-host.js";
import type { ConsoleEvent, Snapshot } from "../../shared/protocol/console-api.js";
import { makeAlarm } from "../shared/fixtures.js";
import { FakeBackend } from "./fake-backend.js";
import { until } from "../shared/until.js";
import { freePort } from "../../scripts/lib/free-port.js";

/** A fake backend holding `changes`, and a console core in its worker syncing from it, with every event it emits. */
async function hostedCoreOn(changes: unknown[]) {
  const fake = await new FakeBackend().start();
  fake.changes = changes;
  fake.headSeq = changes.length;
  const settings = new MemorySettingsStore({ backendUrl: fake.url, language: "vi", operatorId: "op-01" });
  const core = await startConsoleCoreInWorker({ dataDir: mkdtempSync(join(tmpdir(), "ioc-host-")), settings, demo: true, autoSignIn: "op-01" });
  const events: ConsoleEvent[] = [];
  core.port.onEvent((e) => events.push(e));
  return { fake, settings, core, events };
}

describe("console core in a worker thread", () => {
  it("syncs from a fallback instance when its backend URL cannot be reached", async () => {
    const fake = await new FakeBackend().start();
    fake.changes = [{ seq: 1, entity: "alarm", op: "upsert", id: "f1", at: "2026-11-25T10:00:00.000Z", data: makeAlarm({ id: "f1" }) }];
    fake.headSeq = 1;
    const dead = `http://127.0.0.1:${await freePort()}`;
    const settings = new MemorySettingsStore({ backendUrl: dead, language: "vi", operatorId: "op-01" });
    const core = await startConsoleCoreInWorker({ dataDir: mkdtempSync(join(tmpdir(), "ioc-host-")), settings, demo: true, autoSignIn: "op-01", backendFallbackUrls: [fake.url] });
    try {
      await until(() => core.port.getStatus().state === "online" && core.port.getStatus().cursor === 1, "online on the fallback");
      expect(settings.get().backendUrl).toBe(dead);
    } finally {
      await core.close();
      await fake.stop();
    }
  });

  it("answers through the host, keeps settings in the host, and comes back by itself if the worker dies", async () => {
    const { fake, settings, core, events } = await hostedCoreOn([{ seq: 1, entity: "alarm", op: "upsert", id: "a1", at: "2026-11-25T10:00:00.000Z", data: makeAlarm({ id: "a1" }) }]);
    try {
      await until(() => core.port.getStatus().state === "online", "online");
      const language = await core.port.handle({ type: "settings.update", language: "en" });
      expect(language.ok && settings.get().language).toBe("en");
      expect((await core.port.handle({ type: "nonsense" })).ok).toBe(false);

      const first = core.currentWorker();
      await first.terminate();
      await until(() => events.some((e) => e.type === "status" && e.status.lastError?.includes("restarting") === true), "the restart notice");
      await until(() => core.currentWorker() !== first && core.port.getStatus().state === "online", "online again");
      const snapshot = await core.port.handle({ type: "snapshot" });
      expect(snapshot.ok).toBe(true);
      if (snapshot.ok) {
        expect((snapshot.value as Snapshot).alarms.map((a) => a.id)).toEqual(["a1"]);
        expect((snapshot.value as Snapshot).settings.language).toBe("en");
      }
    } finally {
      await core.close();
      await fake.stop();
    }
  });

  it("sends a large catch-up to renderers as one bulk notice per page, with the data in the cache", async () => {
    const { fake, core, events } = await hostedCoreOn(Array.from({ length: 450 }, (_, i) => ({ seq: i + 1, entity: "alarm", op: "upsert", id: `b${i}`, at: "2026-11-25T10:00:00.000Z", data: makeAlarm({ id: `b${i}` }) })));
    try {
      await until(() => core.port.getStatus().state === "online" && core.port.getStatus().cursor === 450, "caught up");
      expect(events.filter((e) => e.type === "bulk.changed")).toEqual([{ type: "bulk.changed", count: 450 }]);
      expect(events.some((e) => e.type === "changed" && (e.alarms?.length ?? 0) > 0)).toBe(false);
      const snapshot = await core.port.handle({ type: "snapshot" });
      expect(snapshot.ok && (snapshot.value as Snapshot).alarms.length).toBe(450);
    } finally {
      await core.close();
      await fake.stop();
    }
  });

  it("tells renderers when the signed-in operator's record changes on the backend", async () => {
    const renamed = { id: "op-01", name: "Nguyễn Thị Lan (trưởng ca)", role: "operator" as const };
    const { fake, core, events } = await hostedCoreOn([{ seq: 1, entity: "operator", op: "upsert", id: "op-01", at: "2026-11-25T10:00:00.000Z", data: renamed }]);
    try {
      await until(() => events.some((e) => e.type === "operator" && e.operator.name === renamed.name), "the operator event");
      expect(events.filter((e) => e.type === "session").at(-1)).toMatchObject({ type: "session", session: { state: "signed_in", operator: renamed } });
    } finally {
      await core.close();
      await fake.stop();
    }
  });
});
