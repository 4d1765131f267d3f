import { describe, expect, it } from "vitest";
import type { ProvinceEscalation } from "../../shared/domain/province.js";
import type { Ward } from "../../shared/domain/ward.js";
import type { CentreLink } from "../../shared/protocol/province.js";
import { citiesWards, linkByCity, provinceBounds, provinceCityRows } from "../../renderer/src/features/province/model/province-map.js";
import { wardsToGeoJSON } from "../../renderer/src/features/map/model/map-style.js";
import { unionBounds } from "../../renderer/src/features/map/model/ward-geometry.js";

function square(code: string, cityId: string | undefined, [lon, lat]: [number, number], size = 0.01): Ward {
  return {
    code,
    name: `P. ${code}`,
    fullName: `Phường ${code}`,
    nameAscii: `P ${code}`,
    kind: "ward",
    boundary: { type: "Polygon", coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]] },
    ...(cityId === undefined ? {} : { cityId }),
  };
}

function escalation(cityId: string, cityName: string, alarmId: string, state: ProvinceEscalation["state"]): ProvinceEscalation {
  const at = "2026-12-04T08:00:00.000Z";
  return {
    id: `${cityId}~${alarmId}~0`,
    cityId,
    cityName,
    alarm: { id: alarmId, type: "fire", priority: "critical", place: "Chợ", wardCode: "06808", location: [106.8, 21.0], raisedAt: at, cameraId: null, title: null },
    subject: "alarm",
    cameraIds: [],
    reason: "Cần hỗ trợ",
    escalatedByName: "Lan",
    escalatedAt: at,
    receivedAt: at,
    state,
    acknowledgedBy: state === "open" ? null : "sup-01",
    acknowledgedByName: state === "open" ? null : "Hùng",
    acknowledgedAt: state === "open" ? null : at,
  };
}

const links: CentreLink[] = [
  { id: "uong-bi", name: "Uông Bí", state: "up", since: "2026-12-04T08:00:00.000Z" },
  { id: "cam-pha", name: "Cẩm Phả", state: "down", since: "2026-12-04T07:00:00.000Z" },
  { id: "ha-long", name: "Hạ Long", state: "connecting", since: null },
];

const wards = [
  square("06808", "uong-bi", [106.75, 21.03]),
  square("06811", "uong-bi", [106.8, 21.05]),
  square("06700", "cam-pha", [107.3, 21.0]),
  // The province's own ward (no city): drawn by nobody's tint, counted as no city's.
  square("06808", undefined, [106.0, 20.0]),
];

describe("the province map", () => {
  it("lists each configured city in order, with its link and its open escalations only", () => {
    const escalations = [escalation("uong-bi", "Uông Bí", "a1", "open"), escalation("uong-bi", "Uông Bí", "a2", "acknowledged"), escalation("uong-bi", "Uông Bí", "a3", "open"), escalation("cam-pha", "Cẩm Phả", "b1", "acknowledged")];
    expect(provinceCityRows(links, escalations, wards)).toEqual([
      { id: "uong-bi", name: "Uông Bí", link: "up", openEscalations: 2, wards: 2 },
      { id: "cam-pha", name: "Cẩm Phả", link: "down", openEscalations: 0, wards: 1 },
      { id: "ha-long", name: "Hạ Long", link: "connecting", openEscalations: 0, wards: 0 },
    ]);
  });

  it("shows a city it is not linked to (known from its escalations or wards) as down, after the configured ones", () => {
    const rows = provinceCityRows(links.slice(0, 1), [escalation("van-don", "Vân Đồn", "c1", "open")], [square("07000", "co-to", [107.7, 21.0])]);
    expect(rows.map((r) => [r.id, r.link, r.openEscalations, r.wards])).toEqual([
      ["uong-bi", "up", 0, 0],
      ["co-to", "down", 0, 1],
      ["van-don", "down", 1, 0],
    ]);
  });

  it("no city, no rows; the province's own wards are no city's", () => {
    expect(provinceCityRows([], [], [square("06808", undefined, [106, 20])])).toEqual([]);
    expect(citiesWards(wards).map((w) => w.cityId)).toEqual(["uong-bi", "uong-bi", "cam-pha"]);
  });

  it("fits the cities' wards, all of them, and nothing else", () => {
    const fitted = provinceBounds(wards)!.flat();
    [106.75, 21.0, 107.31, 21.06].forEach((v, i) => expect(fitted[i]).toBeCloseTo(v, 9));
    expect(provinceBounds([square("06808", undefined, [106, 20])])).toBeNull();
    const many = Array.from({ length: 500 }, (_, i) => square(String(10000 + i), i % 2 === 0 ? "uong-bi" : "cam-pha", [106.5 + (i % 50) * 0.02, 20.8 + Math.floor(i / 50) * 0.05]));
    const [[west, south], [east, north]] = provinceBounds(many)!;
    expect([west, south]).toEqual([106.5, 20.8]);
    expect(east).toBeCloseTo(106.5 + 49 * 0.02 + 0.01, 9);
    expect(north).toBeCloseTo(20.8 + 9 * 0.05 + 0.01, 9);
    expect(unionBounds([[1, 2], [3, 4]], [[0, 3], [2, 5]])).toEqual([[0, 2], [3, 5]]);
  });

  it("tints each city's wards by its link; a city's own map has no tint", () => {
    const byLink = wardsToGeoJSON(wards, linkByCity(links)).features.map((f) => f.properties.link);
    expect(byLink).toEqual(["up", "up", "down", "none"]);
    // A city the province has not heard of yet is connecting.
    expect(wardsToGeoJSON([square("07001", "ha-long", [0, 0])]).features[0]!.properties.link).toBe("connecting");
    expect(wardsToGeoJSON([square("06808", undefined, [0, 0])]).features[0]!.properties.link).toBe("none");
  });
});
