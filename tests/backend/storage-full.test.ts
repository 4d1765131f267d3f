import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BACKEND_PATHS } from "../../shared/protocol/backend.js";
import { type CommandRequest } from "../../shared/commands/command.js";
import { auditRows } from "../alarms/flow-harness.js";
import { startTestBackend, type TestBackend } from "./backend-harness.js";

const comment = (text: string): CommandRequest => ({ idempotencyKey: randomUUID(), operatorId: "op-01", at: new Date().toISOString(), command: { type: "comment", target: { kind: "alarm", id: "alm-0001" }, text } });

// The store held at its size by --store-quota-mb (SQLite's max_page_count): writes fail with the
// SQLITE_FULL a full disk gives.
describe("the backend on a full disk", () => {
  let t: TestBackend | null = null;
  afterEach(async () => {
    await t?.stop();
    t = null;
  });

  it("refuses writes with 507 storage_full in one sentence, keeps serving reads, and every answered action is stored", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ioc-backend-full-"));
    // Seeded first; then held at that size.
    t = await startTestBackend({ dataDir });
    await t.stop();
    t = await startTestBackend({ dataDir, storeQuotaBytes: 1 });
    const flood = await t.post("/api/v1/sim/alarms", { count: 2000 });
    expect(flood.status).toBe(507);
    expect(flood.body).toMatchObject({ ok: false, error: { kind: "storage_full" } });
    expect(JSON.stringify(flood.body)).toMatch(/disk is full: nothing was written/);

    let answered = 0;
    let refused = 0;
    for (let i = 0; i < 45 && refused === 0; i++) {
      const answer = await t.post(BACKEND_PATHS.actions, comment(`Ghi chú dài số ${i}: `.padEnd(1500, "đ")));
      // Never a 500: either applied, or refused as storage_full.
      expect([200, 507], JSON.stringify(answer.body)).toContain(answer.status);
      if (answer.status === 200) answered++;
      else refused++;
    }
    expect(refused).toBe(1);

    // Reads go on.
    const changes = await t.get(`${BACKEND_PATHS.changes}?after=0&limit=10`);
    expect(changes.status).toBe(200);
    expect((await t.get("/api/v1/health", null)).status).toBe(200);

    // Space returns: the same store without the quota has every answered comment, and takes the next.
    await t.stop();
    t = await startTestBackend({ dataDir });
    expect(auditRows(dataDir, "alarm").filter((row) => row.action === "comment" && row.outcome === "applied")).toHaveLength(answered);
    const again = await t.post(BACKEND_PATHS.actions, comment("Sau khi dọn ổ đĩa"));
    expect(again.status).toBe(200);
  });
});
