import { describe, expect, it } from "vitest";
import type { Change } from "../../shared/protocol/backend.js";
import { GENESIS_HASH, verifyAuditChain } from "../../backend/audit/audit-chain.js";
import { planFeedStep } from "../../backend/store/pg/change-feed.js";
import { planAuditAppend, planChangeAppend } from "../../backend/store/pg/log-append-plan.js";

const change = (seq: number): Change => ({ seq, entity: "alarm", op: "upsert", id: `a${seq}`, at: "2026-12-04T08:00:00.000Z", data: { seq } });

describe("planFeedStep", () => {
  it("emits a commit that continues exactly where listeners are", () => {
    expect(planFeedStep(4, { changes: [change(5), change(6)] })).toEqual({ kind: "emit", changes: [change(5), change(6)] });
  });
  it("reads the log when a commit lands past a gap (another instance, or ours out of order)", () => {
    expect(planFeedStep(4, { changes: [change(7)] })).toEqual({ kind: "pull" });
  });
  it("ignores what listeners already had", () => {
    expect(planFeedStep(9, { changes: [change(5), change(6)] })).toEqual({ kind: "nothing" });
    expect(planFeedStep(9, { head: 9 })).toEqual({ kind: "nothing" });
    expect(planFeedStep(9, { changes: [] })).toEqual({ kind: "nothing" });
  });
  it("reads the log when the head is past the cursor", () => {
    expect(planFeedStep(9, { head: 10 })).toEqual({ kind: "pull" });
  });
});

describe("planChangeAppend", () => {
  it("numbers writes on from the head and keeps each entity's last state only", () => {
    const plan = planChangeAppend(10, "2026-12-04T08:00:00.000Z", [
      { entity: "view", op: "upsert", id: "v", data: { n: "Uông Bí" } },
      { entity: "view", op: "delete", id: "v" },
      { entity: "ward", op: "upsert", id: "w", data: 1 },
      { entity: "ward", op: "upsert", id: "w", data: 2 },
    ]);
    expect(plan.changes.map((c) => [c.seq, c.op, c.id])).toEqual([
      [11, "upsert", "v"],
      [12, "delete", "v"],
      [13, "upsert", "w"],
      [14, "upsert", "w"],
    ]);
    expect(plan.changes[0]?.json).toBe('{"n":"U\\u00f4ng B\\u00ed"}');
    expect(plan.upserts).toEqual([{ kind: "ward", id: "w", json: "2", seq: 14 }]);
    expect(plan.deletes).toEqual([{ kind: "view", id: "v" }]);
    expect(plan.committed[0]?.data).toEqual({ n: "Uông Bí" });
  });
});

describe("planAuditAppend", () => {
  it("chains entries onto the trail's end so that the chain verifies", () => {
    const key = Buffer.alloc(32, 3);
    const entry = (action: string) => ({ at: "2026-12-04T08:00:00.000Z", operatorId: "op-01", action, targetKind: null, targetId: null, outcome: "applied" as const, detail: { action } });
    const first = planAuditAppend(key, 0, GENESIS_HASH, [entry("a"), entry("b")]);
    const second = planAuditAppend(key, first.head.lastId, first.head.hash, [entry("c")]);
    expect(second.rows.map((r) => r.id)).toEqual([3]);
    expect(verifyAuditChain([...first.rows, ...second.rows], second.head, key)).toEqual({ entries: 3, valid: true, firstBadId: null, reason: null });
    expect(verifyAuditChain([...first.rows, ...second.rows], second.head, Buffer.alloc(32, 4)).valid).toBe(false);
  });
});
