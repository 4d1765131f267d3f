import { describe, expect, it } from "vitest";
import { changesFromRows, decodeChangesPage, DecodedPageSchema } from "../../electron/core/sync/decoded-page.js";
import { makeAlarm } from "../shared/fixtures.js";

const at = "2026-11-25T10:00:00.000Z";

describe("decoding a catch-up page", () => {
  it("serialises valid changes, quarantines bad ones, and keeps the highest seq of both", () => {
    const alarm = makeAlarm({ id: "alm-1" });
    const page = decodeChangesPage({
      changes: [
        { seq: 1, entity: "alarm", op: "upsert", id: "alm-1", at, data: alarm },
        { seq: 2, entity: "alarm", op: "upsert", id: "bad", at, data: { nonsense: true } },
        { seq: 3, entity: "camera", op: "delete", id: "cam-9", at, data: null },
        { seq: 4, entity: "nowhere", op: "upsert", id: "x", at, data: {} },
      ],
      headSeq: 10,
      hasMore: true,
    });
    expect(DecodedPageSchema.safeParse(page).success).toBe(true);
    expect(page.rows.map((r) => [r.seq, r.op, r.id])).toEqual([
      [1, "upsert", "alm-1"],
      [3, "delete", "cam-9"],
    ]);
    expect(page.quarantined.map((q) => q.seq)).toEqual([2, 4]);
    expect(page.maxSeq).toBe(4);
    expect(page.headSeq).toBe(10);
    expect(page.hasMore).toBe(true);
    expect(changesFromRows(page.rows)).toEqual([
      { seq: 1, entity: "alarm", op: "upsert", id: "alm-1", data: alarm },
      { seq: 3, entity: "camera", op: "delete", id: "cam-9", data: null },
    ]);
  });
});
