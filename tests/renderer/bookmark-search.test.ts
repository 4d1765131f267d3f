import { describe, expect, it } from "vitest";
import type { Bookmark } from "../../shared/domain/bookmark.js";
import { bookmarkRange, bookmarksInView, searchBookmarks } from "../../renderer/src/features/bookmarks/model/bookmark-search.js";

function bookmark(id: string, cameraId: string, startAt: string, note: string, patch: Partial<Bookmark> = {}): Bookmark {
  return { id: `bm-${id}-0000-0000`, cameraId, startAt, endAt: null, note, createdBy: "op-01", createdByName: "Nguyễn Thị Lan", createdAt: startAt, updatedAt: startAt, deletedAt: null, ...patch };
}

const names: Record<string, string> = { "cam-02": "Chợ Uông Bí", "cam-07": "QL18 – Cầu Sến" };
const cameraName = (id: string) => names[id] ?? id;
const all = [
  bookmark("a", "cam-02", "2026-12-04T01:00:00.000Z", "Xe tải đỗ sai chỗ"),
  bookmark("b", "cam-07", "2026-12-04T03:00:00.000Z", "Va chạm giao thông"),
  bookmark("c", "cam-02", "2026-12-04T02:00:00.000Z", "Đám đông trước cổng chợ"),
  bookmark("d", "cam-02", "2026-12-04T04:00:00.000Z", "Đã xoá", { deletedAt: "2026-12-04T05:00:00.000Z" }),
];

describe("bookmark search", () => {
  it("lists every bookmark not deleted, newest moment first", () => {
    expect(searchBookmarks(all, { text: "", cameraId: null }, cameraName).map((b) => b.id[3])).toEqual(["b", "c", "a"]);
  });

  it("finds words in the note, the camera's name or the operator's, without accents or case", () => {
    expect(searchBookmarks(all, { text: "dam dong", cameraId: null }, cameraName).map((b) => b.id[3])).toEqual(["c"]);
    expect(searchBookmarks(all, { text: "cau sen", cameraId: null }, cameraName).map((b) => b.id[3])).toEqual(["b"]);
    expect(searchBookmarks(all, { text: "LAN xe", cameraId: null }, cameraName).map((b) => b.id[3])).toEqual(["a"]);
    expect(searchBookmarks(all, { text: "xoa", cameraId: null }, cameraName)).toEqual([]);
  });

  it("filters by camera", () => {
    expect(searchBookmarks(all, { text: "", cameraId: "cam-02" }, cameraName).map((b) => b.id[3])).toEqual(["c", "a"]);
  });

  it("marks on a timeline the bookmarks of its cameras that touch its span, ranges by their end", () => {
    const range = bookmark("e", "cam-07", "2026-12-04T02:50:00.000Z", "dài", { endAt: "2026-12-04T03:10:00.000Z" });
    const shown = bookmarksInView([...all, range], ["cam-07"], Date.parse("2026-12-04T03:05:00Z"), Date.parse("2026-12-04T03:20:00Z"));
    expect(shown.map((b) => b.id[3])).toEqual(["e"]);
  });

  it("makes a moment, or a range from the playhead", () => {
    expect(bookmarkRange(Date.parse("2026-12-04T02:14:00.400Z"), 0)).toEqual({ startAt: "2026-12-04T02:14:00.400Z", endAt: null });
    expect(bookmarkRange(Date.parse("2026-12-04T02:14:00Z"), 30)).toEqual({ startAt: "2026-12-04T02:14:00.000Z", endAt: "2026-12-04T02:14:30.000Z" });
  });
});
