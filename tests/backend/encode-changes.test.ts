import { describe, expect, it } from "vitest";
import { encodeChangeLines, encodeChangesPage, encodeStoredStreamChange } from "../../backend/http/encode-changes.js";
import type { StoredChange } from "../../backend/store/backend-store.js";
import { ChangeEnvelopeSchema, ChangeLinesHeaderSchema, ChangeSchema, ChangesPageSchema, StreamMessageSchema } from "../../shared/protocol/backend.js";

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

  it("builds change lines: a header, then each envelope and its data text, one change per line", () => {
    const text = encodeChangeLines(awkward, 9, true);
    const lines = text.split("\n");
    expect(lines.at(-1)).toBe("");
    expect(ChangeLinesHeaderSchema.parse(JSON.parse(lines[0]!))).toEqual({ headSeq: 9, hasMore: true });
    const [first, second] = lines.slice(1, 3).map((line) => line.split("\t"));
    expect(ChangeEnvelopeSchema.parse(JSON.parse(first![0]!))).toEqual({ seq: 7, entity: "alarm", op: "upsert", id: 'a"quoted\\id', at: "2026-11-25T10:00:00.000Z" });
    // The stored text itself, untouched.
    expect(first![1]).toBe(awkward[0]!.dataJson);
    expect(second).toEqual(['{"seq":8,"entity":"camera","op":"delete","id":"cam-01","at":"2026-11-25T10:00:01.000Z"}', "null"]);
  });

  it("keeps a change on one line, and ASCII, even if its stored text was pretty-printed", () => {
    const pretty: StoredChange = { seq: 1, entity: "ward", op: "upsert", id: "w", at: "2026-11-25T10:00:00.000Z", dataJson: '{\n  "a": 1,\n  "name": "Phường Yên Thanh"\n}' };
    const lines = encodeChangeLines([pretty], 1, false).split("\n");
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[1]!.split("\t")[1]!)).toEqual({ a: 1, name: "Phường Yên Thanh" });
    expect(/^[\x00-\x7f]*$/.test(lines[1]!)).toBe(true);
  });
});
