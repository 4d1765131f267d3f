import { describe, expect, it } from "vitest";
import { searchMap, type SearchEntry } from "../../shared/basemap/map-search.js";
import { foldForSearch } from "../../shared/text/fold-for-search.js";
import { mapSearchEntries } from "../../renderer/src/features/map/model/search-entries.js";
import { camera } from "../renderer/fixtures.js";

const entry = (kind: SearchEntry["kind"], name: string, alias: string | null = null): SearchEntry => ({ kind, id: `${kind}:${name}`, name, alias, lon: 106.76, lat: 21.03 });

const ENTRIES: SearchEntry[] = [
  entry("ward", "Vàng Danh"),
  entry("ward", "Quang Trung"),
  entry("ward", "Thượng Yên Công"),
  entry("street", "Quốc lộ 18", "QL18"),
  entry("street", "Đường Vàng Danh"),
  entry("street", "Phố Trần Hưng Đạo"),
  entry("place", "Vàng Danh"),
  entry("water", "Sông Uông"),
  entry("camera", "Chợ Vàng Danh – cổng chính", "cam-07"),
];

const names = (query: string) => searchMap(ENTRIES, query).map((h) => `${h.entry.kind}:${h.entry.name}`);

describe("map search", () => {
  it("finds a road by its number however it is typed", () => {
    for (const query of ["QL18", "ql18", "ql 18", "QL-18", "ql1"]) expect(names(query)[0], query).toBe("street:Quốc lộ 18");
  });

  it("ignores accents and case: 'quoc lo 18', 'song uong', 'tran hung dao', 'DUONG'", () => {
    expect(names("quoc lo 18")[0]).toBe("street:Quốc lộ 18");
    expect(names("song uong")).toEqual(["water:Sông Uông"]);
    expect(names("tran hung dao")).toEqual(["street:Phố Trần Hưng Đạo"]);
    expect(names("DUONG")).toContain("street:Đường Vàng Danh");
    expect(names("thuong yen cong")).toEqual(["ward:Thượng Yên Công"]);
  });

  it("ranks the whole name first, then its start, then word starts; a ward before a place of the same name", () => {
    expect(names("vang danh")).toEqual(["ward:Vàng Danh", "place:Vàng Danh", "street:Đường Vàng Danh", "camera:Chợ Vàng Danh – cổng chính"]);
  });

  it("finds cameras by name or id", () => {
    expect(names("cam-07")).toEqual(["camera:Chợ Vàng Danh – cổng chính"]);
    expect(names("cho vang")).toEqual(["camera:Chợ Vàng Danh – cổng chính"]);
  });

  it("finds nothing for an empty query or an unknown name, and at most the limit", () => {
    expect(searchMap(ENTRIES, "   ")).toEqual([]);
    expect(searchMap(ENTRIES, "hà nội")).toEqual([]);
    expect(searchMap(ENTRIES, "a", 3)).toHaveLength(3);
  });

  it("folds Vietnamese the same way everywhere: đ, stacked marks, decomposed input", () => {
    expect(foldForSearch("Đường Thượng Yên Công".normalize("NFD"))).toBe("duong thuong yen cong");
  });

  it("lists wards at their label, cameras where they stand, street map names with their number", () => {
    const list = mapSearchEntries(
      [{ code: "06808", name: "Vàng Danh", position: [106.8, 21.1], areaKm2: 10 }],
      [camera({ id: "cam-01", name: "Cổng trường", location: [106.7, 21.0] })],
      [{ name: "Quốc lộ 18", ref: "QL18", kind: "street", lon: 106.76, lat: 21.034 }],
    );
    expect(list).toEqual([
      { kind: "ward", id: "06808", name: "Vàng Danh", alias: null, lon: 106.8, lat: 21.1 },
      { kind: "camera", id: "cam-01", name: "Cổng trường", alias: "cam-01", lon: 106.7, lat: 21.0 },
      { kind: "street", id: "Quốc lộ 18|QL18", name: "Quốc lộ 18", alias: "QL18", lon: 106.76, lat: 21.034 },
    ]);
  });
});
