import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { spawnBackend, stopChild, type BackendProcess } from "../../scripts/lib/backend-process.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";
import { freePort } from "../../scripts/lib/free-port.js";
import { commentIdFor } from "../../shared/alarm-actions.js";
import type { Alarm } from "../../shared/domain/alarm.js";
import { BACKEND_PATHS } from "../../shared/protocol/backend.js";
import { type CommandRequest } from "../../shared/commands/command.js";
import { auditRows } from "../alarms/flow-harness.js";

const BATCHES = 40;
const PER_BATCH = 25;
const KILLS = 5;
const ARGS = ["--demo", "--simulator-api", "--no-video", "--no-simulator", "--quiet"];

async function post(url: string, body: unknown): Promise<Response> {
  return backendFetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, "op-01");
}

async function finalAlarms(url: string): Promise<Map<string, Alarm>> {
  const alarms = new Map<string, Alarm>();
  for (let after = 0; ; ) {
    const page = (await (await backendFetch(`${url}${BACKEND_PATHS.changes}?after=${after}&limit=5000`, {}, "op-01")).json()) as { changes: Array<{ seq: number; entity: string; id: string; data: Alarm }>; hasMore: boolean };
    for (const c of page.changes) if (c.entity === "alarm") alarms.set(c.id, c.data);
    after = page.changes.at(-1)?.seq ?? after;
    if (!page.hasMore) return alarms;
  }
}

/**
 * kill -9 of the backend while batches of actions are in flight, several times: every action it
 * answered is in its store after the restart, and the console's way of recovering (sending again,
 * with the same idempotency keys, whatever it had no answer for, and even what it had) applies each
 * action exactly once.
 */
describe("backend kill -9 during action batches", () => {
  let backend: BackendProcess | null = null;
  afterEach(async () => {
    if (backend !== null) await stopChild(backend.child, "SIGKILL");
    backend = null;
  });

  it("keeps every answered action and applies every action exactly once", { timeout: 240_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ioc-backend-kill-"));
    const port = await freePort();
    backend = await spawnBackend({ port, dataDir, extraArgs: ARGS });
    const raised = (await (await backendFetch(`${backend.url}/api/v1/sim/alarms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 40 }) }, "sup-01")).json()) as { value: { ids: string[] } };
    const alarmIds = raised.value.ids;
    const batches: CommandRequest[][] = Array.from({ length: BATCHES }, (_, b) =>
      Array.from({ length: PER_BATCH }, (_, i) => ({
        idempotencyKey: randomUUID(),
        operatorId: "op-01",
        at: new Date().toISOString(),
        command: { type: "comment" as const, target: { kind: "alarm" as const, id: alarmIds[(b * PER_BATCH + i) % alarmIds.length]! }, text: `Ghi chú ${b}-${i}` },
      })),
    );
    const answered = new Set<string>();
    const killAfter = new Set(Array.from({ length: KILLS }, (_, k) => Math.floor(((k + 1) * BATCHES) / (KILLS + 1))));
    for (let b = 0; b < BATCHES; b++) {
      const url = backend.url;
      const sending = post(`${url}${BACKEND_PATHS.actionsBatch}`, { requests: batches[b] }).then(async (response) => {
        if (response.status !== 200) return;
        const body = (await response.json()) as { results: Array<{ ok: boolean }> };
        body.results.forEach((r, i) => {
          if (r.ok) answered.add(batches[b]![i]!.idempotencyKey);
        });
      }, () => undefined);
      if (killAfter.has(b)) {
        // Mid-batch: the answer may or may not have left.
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 15)));
        await stopChild(backend.child, "SIGKILL");
        await sending;
        backend = await spawnBackend({ port, dataDir, extraArgs: ARGS });
        // Everything answered before the kill is there.
        const applied = new Set(auditRows(dataDir, "alarm").filter((r) => r.action === "comment" && r.outcome === "applied").map((r) => r.target_id));
        expect(applied.size).toBeGreaterThan(0);
        const alarms = await finalAlarms(backend.url);
        const stored = new Set([...alarms.values()].flatMap((a) => a.comments.map((c) => c.id)));
        for (const key of answered) expect(stored.has(commentIdFor(key, "op-01")), key).toBe(true);
      } else {
        await sending;
      }
    }
    // What a console does with its outbox: send everything again (answered or not), same keys.
    for (const batch of batches) expect((await post(`${backend.url}${BACKEND_PATHS.actionsBatch}`, { requests: batch })).status).toBe(200);
    const alarms = await finalAlarms(backend.url);
    const counts = new Map<string, number>();
    for (const alarm of alarms.values()) for (const c of alarm.comments) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
    for (const batch of batches) for (const request of batch) expect(counts.get(commentIdFor(request.idempotencyKey, "op-01")), request.idempotencyKey).toBe(1);
    expect(auditRows(dataDir, "alarm").filter((r) => r.action === "comment" && r.outcome === "applied")).toHaveLength(BATCHES * PER_BATCH);
  });
});
