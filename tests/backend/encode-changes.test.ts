import { describe, expect, it } from "vitest";
import { encodeChangesPage, encodeStoredStreamChange } from "../../backend/http/encode-changes.js";
import type { StoredChange } from "../../backend/store/backend-store.js";
import { ChangeSchema, ChangesPageSchema, StreamMessageSchema } from "../../shared/protocol/backend.js";

const awkward: StoredChange[] = [
  { seq: 7, entity: "alarm", op: "upsert", id: 'a"quoted\\id', at: "2026-11-25T10:00:00.000Z", dataJson: JSON.stringify({ title: "Cháy chợ Uông Bí \u2028 \"x\"", n: [1, 2] }) },
  { seq: 8, entity: "camera", op: "delete", id: "cam-01", at: "2026-11-25T10:00:01.000Z", dataJson: null },
];

describe("change encoding from stored JSON text", () => {
  it("builds a page that parses back to exactly the stored changes", () => {
    const page = ChangesPageSchema.parse(JSON.parse(encodeChangesPage(awkward, 9, true)));
    expect(page.headSeq).toBe(9);
    expect(page.hasMore).toBe(true);
    const changes = page.changes.map((c) => ChangeSchema.parse(c));
    expect(changes).toEqual([
      { seq: 7, entity: "alarm", op: "upsert", id: 'a"quoted\\id', at: "2026-11-25T10:00:00.000Z", data: { title: "Cháy chợ Uông Bí \u2028 \"x\"", n: [1, 2] } },
      { seq: 8, entity: "camera", op: "delete", id: "cam-01", at: "2026-11-25T10:00:01.000Z", data: null },
    ]);
  });

  it("builds an empty last page", () => {
    expect(JSON.parse(encodeChangesPage([], 0, false))).toEqual({ changes: [], headSeq: 0, hasMore: false });
  });

  it("builds stream messages the console's schema accepts", () => {
    const message = StreamMessageSchema.parse(JSON.parse(encodeStoredStreamChange(awkward[0]!)));
    expect(message.type).toBe("change");
    expect(message.type === "change" && ChangeSchema.parse(message.change).id).toBe('a"quoted\\id');
  });
});
