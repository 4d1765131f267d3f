import { describe, expect, it } from "vitest";
import { encodeChangeLines } from "../../backend/http/encode-changes.js";
import { decodeChangeLines, nextPageAfter } from "../../electron/core/sync/decode-change-lines.js";
import { changesFromRows, DecodedPageSchema } from "../../electron/core/sync/decoded-page.js";
import { makeAlarm } from "../shared/fixtures.js";

const at = "2026-11-25T10:00:00.000Z";

describe("decoding a catch-up page (change lines)", () => {
  it("keeps valid changes with their data text, quarantines bad ones, and keeps the highest seq of both", () => {
    const alarm = makeAlarm({ id: "alm-1" });
    // As the backend writes it, plus lines no backend should send.
    const text =
      encodeChangeLines(
        [
          { seq: 1, entity: "alarm", op: "upsert", id: "alm-1", at, dataJson: JSON.stringify(alarm) },
          { seq: 2, entity: "alarm", op: "upsert", id: "bad", at, dataJson: '{"nonsense":true}' },
          { seq: 3, entity: "camera", op: "delete", id: "cam-9", at, dataJson: null },
        ],
        10,
        true,
      ) +
      `{"seq":4,"entity":"nowhere","op":"upsert","id":"x","at":"${at}"}\t{}\n` +
      `{"seq":5,"entity":"alarm","op":"upsert","id":"alm-5","at":"${at}"}\t{not json\n` +
      `not a line at all\n`;
    const decoded = decodeChangeLines(text);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const page = decoded.value;
    expect(DecodedPageSchema.safeParse(page).success).toBe(true);
    expect(page.rows.map((r) => [r.seq, r.op, r.id])).toEqual([
      [1, "upsert", "alm-1"],
      [3, "delete", "cam-9"],
    ]);
    // The stored text is the backend's, byte for byte.
    expect(page.rows[0]!.dataJson).toBe(JSON.stringify(alarm));
    expect(page.quarantined.map((q) => q.seq)).toEqual([2, 4, 5, null]);
    expect(page.quarantined[3]!.raw).toBe("not a line at all");
    expect(page.maxSeq).toBe(5);
    expect(page.headSeq).toBe(10);
    expect(page.hasMore).toBe(true);
    expect(changesFromRows(page.rows)).toEqual([
      { seq: 1, entity: "alarm", op: "upsert", id: "alm-1", data: alarm },
      { seq: 3, entity: "camera", op: "delete", id: "cam-9", data: null },
    ]);
  });

  it("refuses a page without a valid header line, and finds where the next page starts from the header and last line", () => {
    const refused = decodeChangeLines('{"changes":[]}\n');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.kind).toBe("backend_error");
    expect(decodeChangeLines("").ok).toBe(false);
    const rows = [
      { seq: 41, entity: "camera", op: "delete", id: "c", at, dataJson: null },
      { seq: 42, entity: "camera", op: "delete", id: "d", at, dataJson: null },
    ] as const;
    const bytes = (text: string) => Buffer.from(text);
    expect(nextPageAfter(bytes(encodeChangeLines(rows, 90, true)), 40)).toBe(42);
    // The last page: nothing to ask for ahead.
    expect(nextPageAfter(bytes(encodeChangeLines(rows, 42, false)), 40)).toBeNull();
    expect(nextPageAfter(bytes(encodeChangeLines(rows, 90, true)), 42)).toBeNull();
    expect(nextPageAfter(bytes(encodeChangeLines([], 0, false)), 0)).toBeNull();
    expect(nextPageAfter(bytes(`${encodeChangeLines(rows, 90, true)}garbage\n`), 40)).toBeNull();
    // A view into a larger buffer (as a page handed between threads may be) reads only its own bytes.
    const inside = Buffer.concat([Buffer.from("x\n"), bytes(encodeChangeLines(rows, 90, true)), Buffer.from("{\"seq\":99}\n")]);
    expect(nextPageAfter(inside.subarray(2, inside.length - 11), 40)).toBe(42);
    expect(nextPageAfter(new Uint8Array(0), 0)).toBeNull();
  });
});
