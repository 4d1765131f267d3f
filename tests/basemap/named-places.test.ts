import { describe, expect, it } from "vitest";
import { namedPlacesFromFeatures, parseGeoJsonSeq, representativePoint, type OsmFeature } from "../../scripts/basemap/named-places.js";

const line = (tags: Record<string, string>, coordinates: [number, number][]): OsmFeature => ({ type: "Feature", geometry: { type: "LineString", coordinates }, properties: tags });

describe("the names map search finds, from the extract", () => {
  it("makes one entry of a street's many ways, on its longest piece", () => {
    const places = namedPlacesFromFeatures([
      line({ highway: "trunk", ref: "QL18", name: "Quốc lộ 18" }, [[1, 1], [2, 1]]),
      line({ highway: "trunk", ref: "QL18", name: "Quốc lộ 18" }, [[2, 1], [3, 1], [4, 1], [5, 1]]),
    ]);
    expect(places).toEqual([{ name: "Quốc lộ 18", ref: "QL18", kind: "street", lon: 4, lat: 1 }]);
  });

  it("finds a numbered road without a name by its number, and skips what has neither or is not a street, place or water", () => {
    const places = namedPlacesFromFeatures([
      line({ highway: "primary", ref: "QL10" }, [[1, 1], [2, 2]]),
      line({ highway: "residential" }, [[1, 1], [2, 2]]),
      line({ building: "yes", name: "Nhà văn hoá" }, [[1, 1], [2, 2]]),
      { type: "Feature", geometry: { type: "Point", coordinates: [3, 4] }, properties: { place: "village", name: "Thượng Yên Công" } },
      { type: "Feature", geometry: { type: "Polygon", coordinates: [[[0, 0], [2, 0], [2, 2], [0, 0]]] }, properties: { natural: "water", name: "Hồ Yên Trung" } },
    ]);
    expect(places.map((p) => `${p.kind}:${p.name}:${p.ref ?? ""}`).sort()).toEqual(["place:Thượng Yên Công:", "street:QL10:QL10", "water:Hồ Yên Trung:"]);
  });

  it("places a line at its middle vertex, a polygon on its outer ring", () => {
    expect(representativePoint({ type: "LineString", coordinates: [[0, 0], [1, 1], [2, 2]] })).toEqual([1, 1]);
    expect(representativePoint({ type: "MultiPolygon", coordinates: [[[[5, 5], [6, 5], [6, 6], [5, 5]]]] })).toEqual([6, 6]);
    expect(representativePoint({ type: "LineString", coordinates: [] })).toBeNull();
  });

  it("reads osmium's GeoJSON text sequence and skips records it does not understand", () => {
    const seq = `\u001e{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"place":"town","name":"Uông Bí"}}\n\u001e{not json}\n\u001e{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[]},"properties":{}}\n`;
    expect(parseGeoJsonSeq(seq)).toEqual([{ type: "Feature", geometry: { type: "Point", coordinates: [1, 2] }, properties: { place: "town", name: "Uông Bí" } }]);
  });
});
