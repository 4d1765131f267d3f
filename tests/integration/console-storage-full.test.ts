import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startConsoleCore, type ConsoleCore } from "../../electron/core/console-core.js";
import { MemorySettingsStore } from "../../electron/core/settings/memory-settings-store.js";
import type { Snapshot } from "../../shared/protocol/console-api.js";
import { startTestBackend, type TestBackend } from "../backend/backend-harness.js";
import { until } from "../shared/until.js";

const WAIT_MS = 20_000;

function startCore(backendUrl: string, dataDir: string, cacheQuotaBytes?: number): ConsoleCore {
  return startConsoleCore({
    dataDir,
    settings: new MemorySettingsStore({ backendUrl, language: "vi", operatorId: "op-01" }),
    demo: true,
    autoSignIn: "op-01",
    ...(cacheQuotaBytes === undefined ? {} : { cacheQuotaBytes }),
  });
}

async function snapshot(core: ConsoleCore): Promise<Snapshot> {
  const r = await core.handle({ type: "snapshot" });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Snapshot;
}

/**
 * A console whose disk fills (its cache held at its size, as --cache-quota-mb does; SQLite answers
 * SQLITE_FULL as on a full disk) while the city keeps raising alarms: it says so, keeps showing
 * what it has, refuses actions instead of losing them, and catches up once there is room.
 */
describe("a console on a full disk", () => {
  let backend: TestBackend | null = null;
  let core: ConsoleCore | null = null;
  afterEach(async () => {
    core?.close();
    await backend?.stop();
  });

  it("says so, reads on, refuses actions with storage_full, and recovers when there is room", { timeout: 90_000 }, async () => {
    backend = await startTestBackend();
    const dataDir = mkdtempSync(join(tmpdir(), "ioc-console-full-"));
    core = startCore(backend.backend.url, dataDir);
    await until(() => core!.service.getStatus().state === "online", "the console online", WAIT_MS);
    const before = await snapshot(core);
    core.close();

    core = startCore(backend.backend.url, dataDir, 1);
    const raised = await backend.post("/api/v1/sim/alarms", { count: 3000 });
    expect(raised.status).toBe(200);
    await until(() => core!.service.getStatus().storageFull, "the console to notice its disk is full", WAIT_MS);
    const status = core.service.getStatus();
    expect(status.lastError).toMatch(/disk is full/);
    expect(status.state).not.toBe("online");

    // What the console had is still there to read.
    const during = await snapshot(core);
    expect(during.alarms.length).toBe(before.alarms.length);
    expect(during.status.storageFull).toBe(true);

    // Actions are kept while they fit, then refused with storage_full: none half-kept, none lost.
    const alarmId = during.alarms[0]!.id;
    let kept = 0;
    let refusal: string | null = null;
    for (let i = 0; i < 60 && refusal === null; i++) {
      const answer = await core.handle({ type: "command", command: { type: "comment", target: { kind: "alarm", id: alarmId }, text: `Ghi chú ${i} `.padEnd(1900, "ư") } });
      if (answer.ok) kept++;
      else refusal = answer.error.kind;
    }
    expect(refusal).toBe("storage_full");
    expect(core.service.getStatus().pendingActions).toBe(kept);

    // Room again: the console catches up with everything and the warning goes.
    core.close();
    core = startCore(backend.backend.url, dataDir);
    const head = ((await backend.get("/api/v1/hello")).body as { headSeq: number }).headSeq;
    await until(() => core!.service.getStatus().cursor >= head, "the console caught up", WAIT_MS);
    expect(core.service.getStatus().storageFull).toBe(false);
    // The actions kept while the disk was full were sent once there was room.
    await until(() => core!.service.getStatus().pendingActions === 0, "the kept actions sent", WAIT_MS);
    expect((await snapshot(core)).alarms.length).toBe(before.alarms.length + 3000);
  });
});
