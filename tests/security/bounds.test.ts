import { describe, expect, it } from "vitest";
import { ACTION_RATE, LIMITS } from "../../shared/limits.js";
import { BACKEND_PATHS, MAX_ACTION_BATCH } from "../../shared/protocol/backend.js";
import { MAX_BULK_ALARMS } from "../../shared/protocol/alarm-requests.js";
import { pageWithinBytes } from "../../backend/http/api-routes.js";
import { TokenBuckets } from "../../shared/token-bucket.js";
import { startTestBackend } from "../backend/backend-harness.js";
import type { StoredChange } from "../../backend/store/backend-store.js";
import { WORKSTATION_PATHS } from "../../shared/protocol/workstation-api.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";
import { decideViewSave } from "../../backend/actions/decide-view.js";

let n = 0;
const key = () => `bound-${Date.now().toString(36)}-${(n++).toString(36)}`;
const comment = (alarmId: string, text: string) => ({ idempotencyKey: key(), operatorId: "op-01", at: new Date().toISOString(), command: { type: "comment", target: { kind: "alarm", id: alarmId }, text } });

describe("bounds on what one operator can make the backend store", () => {
  it("refuses over-long texts and ids, and more comments on one alarm than the limit", async () => {
    const t = await startTestBackend();
    try {
      const tooLong = await t.post(BACKEND_PATHS.actions, comment("alm-0001", "x".repeat(LIMITS.noteChars + 1)));
      expect(tooLong.status).toBe(400);
      const longId = await t.post(BACKEND_PATHS.actions, comment("a".repeat(LIMITS.idChars + 1), "ok"));
      expect(longId.status).toBe(400);

      const requests = Array.from({ length: LIMITS.commentsPerAlarm + 1 }, (_, i) => comment("alm-0001", `Ghi chú ${i}`));
      const answers = (await t.post(BACKEND_PATHS.actionsBatch, { requests })).body as { results: Array<{ ok: boolean; error?: { kind: string } }> };
      expect(answers.results.slice(0, LIMITS.commentsPerAlarm).every((r) => r.ok)).toBe(true);
      expect(answers.results.at(-1)).toMatchObject({ ok: false, error: { kind: "conflict" } });
    } finally {
      await t.stop();
    }
  });

  it("the allowance is above what a real operator sends: the largest bulk acknowledgement and a full batch fit in the burst", () => {
    expect(ACTION_RATE.burst).toBeGreaterThanOrEqual(MAX_BULK_ALARMS + MAX_ACTION_BATCH);
  });

  it("limits a session to a burst of actions, then answers rate_limited for the whole batch", async () => {
    // A small allowance, so the test does not depend on how fast this machine applies commands.
    const t = await startTestBackend({ actionRate: { burst: 1_000, perSecond: 1 } });
    try {
      const batch = () => ({ requests: Array.from({ length: 200 }, () => ({ idempotencyKey: key(), operatorId: "op-02", at: new Date().toISOString(), command: { type: "acknowledge", target: { kind: "alarm", id: "alm-none" } } })) });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await t.post(BACKEND_PATHS.actionsBatch, batch(), "op-02")).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      // Another operator's session has its own allowance.
      expect((await t.post(BACKEND_PATHS.actionsBatch, { requests: [comment("alm-0002", "vẫn được")] }, "op-01")).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it("a handover's summary lists are bounded, and one session cannot write handovers without end", async () => {
    const t = await startTestBackend();
    try {
      const item = (i: number) => ({ id: `inc-${i}`, title: "Ngập", status: "open" });
      const tooMany = await t.post(WORKSTATION_PATHS.handovers, { note: "Ca đêm", summary: { openIncidents: Array.from({ length: LIMITS.handoverItems + 1 }, (_, i) => item(i)), shelvedAlarms: [], unacknowledgedCritical: [] } }, "op-01");
      expect(tooMany.status).toBe(400);
      const longId = await t.post(WORKSTATION_PATHS.handovers, { note: "Ca đêm", summary: { openIncidents: [{ ...item(0), id: "x".repeat(LIMITS.idChars + 1) }], shelvedAlarms: [], unacknowledgedCritical: [] } }, "op-01");
      expect(longId.status).toBe(400);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await t.post(WORKSTATION_PATHS.handovers, { note: `Ca đêm ${i}`, summary: { openIncidents: [item(i)], shelvedAlarms: [], unacknowledgedCritical: [] } }, "op-01")).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    } finally {
      await t.stop();
    }
  });

  it("named views: camera ids are bounded, saves from one session are paced, and one operator keeps at most the limit", async () => {
    const t = await startTestBackend();
    try {
      const url = (id: string) => new URL(`${BACKEND_PATHS.views}/${id}`, t.backend.url);
      const save = (id: string, tiles: (string | null)[]) =>
        backendFetch(url(id), { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ view: { id, operatorId: "view-01", name: id, layout: "2x2", tiles, tour: null } }) }, "view-01");
      expect((await save("v-long", ["c".repeat(LIMITS.idChars + 1), null, null, null])).status).toBe(400);
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await save(`v-${i}`, ["cam-01", null, null, null])).status);
      expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
      expect(statuses[20]).toBe(429);
    } finally {
      await t.stop();
    }
    const draft = { id: "v-new", operatorId: "op-01", name: "Cổng", layout: "1x1" as const, tiles: ["cam-01"], tour: null };
    expect(decideViewSave(null, draft, true, new Date(), LIMITS.viewsPerOperator)).toMatchObject({ kind: "reject", error: { message: expect.stringContaining("delete one") } });
    expect(decideViewSave(null, draft, true, new Date(), LIMITS.viewsPerOperator - 1)).toMatchObject({ kind: "save" });
    const own = { ...draft, updatedAt: new Date().toISOString() };
    expect(decideViewSave(own, draft, true, new Date(), LIMITS.viewsPerOperator)).toMatchObject({ kind: "save" });
  });

  it("token buckets refill at their rate and never exceed their burst", () => {
    const buckets = new TokenBuckets(10, 2);
    expect(buckets.take("s", 10, 0)).toBe(true);
    expect(buckets.take("s", 1, 0)).toBe(false);
    expect(buckets.take("s", 1, 400)).toBe(false);
    expect(buckets.take("s", 1, 500)).toBe(true);
    expect(buckets.take("s", 11, 60_000)).toBe(false);
    expect(buckets.take("s", 10, 60_000)).toBe(true);
  });

  it("a change page stops growing at its byte limit, but always carries at least one change", () => {
    const row = (seq: number, bytes: number): StoredChange => ({ seq, entity: "alarm", op: "upsert", id: `a${seq}`, at: "2026-12-04T00:00:00.000Z", dataJson: "x".repeat(bytes) });
    expect(pageWithinBytes([row(1, 600), row(2, 600), row(3, 600)], 1000).map((r) => r.seq)).toEqual([1]);
    expect(pageWithinBytes([row(1, 5000)], 1000).map((r) => r.seq)).toEqual([1]);
    expect(pageWithinBytes([row(1, 100), row(2, 100)], 1000).map((r) => r.seq)).toEqual([1, 2]);
  });
});
