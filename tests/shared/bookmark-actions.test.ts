import { describe, expect, it } from "vitest";
import { applyBookmarkCommand } from "../../shared/bookmark-actions.js";
import { CommandSchema } from "../../shared/commands/command.js";
import type { Bookmark } from "../../shared/domain/bookmark.js";
import type { Operator } from "../../shared/domain/operator.js";

const lan: Operator = { id: "op-01", name: "Nguyễn Thị Lan", role: "operator" };
const minh: Operator = { id: "op-02", name: "Trần Văn Minh", role: "operator" };
const huy: Operator = { id: "sup-01", name: "Phạm Quốc Huy", role: "supervisor" };
const target = { kind: "bookmark" as const, id: "bm-0f6b7c1e-1111-4222-8333-944445555666" };
const at = "2026-12-04T02:20:00.000Z";

function added(): Bookmark {
  const r = applyBookmarkCommand(null, { type: "bookmark_add", target, cameraId: "cam-07", startAt: "2026-12-04T02:14:00+07:00", endAt: null, note: "Xe máy dừng trước chợ" }, lan, at);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("bookmark rules", () => {
  it("adds a moment with who made it, its time in UTC", () => {
    expect(added()).toEqual({
      id: target.id,
      cameraId: "cam-07",
      startAt: "2026-12-03T19:14:00.000Z",
      endAt: null,
      note: "Xe máy dừng trước chợ",
      createdBy: "op-01",
      createdByName: "Nguyễn Thị Lan",
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    });
  });

  it("refuses a range that ends before it starts or is longer than four hours, and a second add of the same id", () => {
    const backwards = applyBookmarkCommand(null, { type: "bookmark_add", target, cameraId: "cam-07", startAt: "2026-12-04T02:14:00Z", endAt: "2026-12-04T02:13:00Z", note: "x" }, lan, at);
    expect(!backwards.ok && backwards.error.kind).toBe("invalid_request");
    const long = applyBookmarkCommand(null, { type: "bookmark_add", target, cameraId: "cam-07", startAt: "2026-12-04T02:00:00Z", endAt: "2026-12-04T06:00:01Z", note: "x" }, lan, at);
    expect(!long.ok && long.error.kind).toBe("invalid_request");
    const again = applyBookmarkCommand(added(), { type: "bookmark_add", target, cameraId: "cam-07", startAt: "2026-12-04T02:14:00Z", endAt: null, note: "x" }, lan, at);
    expect(!again.ok && again.error.kind).toBe("conflict");
  });

  it("changes the note (the same note changes nothing), only for whoever made it or a supervisor", () => {
    const bookmark = added();
    const edited = applyBookmarkCommand(bookmark, { type: "bookmark_note", target, note: "Hai xe máy" }, lan, "2026-12-04T02:21:00.000Z");
    expect(edited.ok && edited.value).toMatchObject({ note: "Hai xe máy", updatedAt: "2026-12-04T02:21:00.000Z" });
    const same = applyBookmarkCommand(bookmark, { type: "bookmark_note", target, note: bookmark.note }, lan, at);
    expect(same.ok && same.value).toBe(bookmark);
    const other = applyBookmarkCommand(bookmark, { type: "bookmark_note", target, note: "khác" }, minh, at);
    expect(!other.ok && other.error.kind).toBe("forbidden");
    expect(applyBookmarkCommand(bookmark, { type: "bookmark_note", target, note: "khác" }, huy, at).ok).toBe(true);
    const missing = applyBookmarkCommand(null, { type: "bookmark_note", target, note: "khác" }, lan, at);
    expect(!missing.ok && missing.error.kind).toBe("not_found");
  });

  it("deletes by keeping the record with its deletion time; deleting again changes nothing, editing a deleted one is refused", () => {
    const deleted = applyBookmarkCommand(added(), { type: "bookmark_delete", target }, lan, "2026-12-04T02:22:00.000Z");
    if (!deleted.ok) throw new Error(deleted.error.message);
    expect(deleted.value.deletedAt).toBe("2026-12-04T02:22:00.000Z");
    const twice = applyBookmarkCommand(deleted.value, { type: "bookmark_delete", target }, lan, at);
    expect(twice.ok && twice.value).toBe(deleted.value);
    const edit = applyBookmarkCommand(deleted.value, { type: "bookmark_note", target, note: "x" }, lan, at);
    expect(!edit.ok && edit.error.kind).toBe("conflict");
    const byOther = applyBookmarkCommand(added(), { type: "bookmark_delete", target }, minh, at);
    expect(!byOther.ok && byOther.error.kind).toBe("forbidden");
  });

  it("is a command of the one pipeline: parsed from unknown, a malformed id or empty note refused", () => {
    expect(CommandSchema.safeParse({ type: "bookmark_add", target, cameraId: "cam-07", startAt: at, endAt: null, note: "ok" }).success).toBe(true);
    expect(CommandSchema.safeParse({ type: "bookmark_add", target: { kind: "bookmark", id: "inc-0f6b7c1e-1111" }, cameraId: "cam-07", startAt: at, endAt: null, note: "ok" }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: "bookmark_note", target, note: "   " }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: "bookmark_delete", target: { kind: "incident", id: target.id } }).success).toBe(false);
  });
});
