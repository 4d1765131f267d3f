import { describe, expect, it } from "vitest";
import type { Polygon } from "../../shared/domain/geo.js";
import { boundingBox, distanceToBoundary, pointInPolygon, pointInRing } from "../../backend/geo/point-in-polygon.js";
import { placeInPolygon, placeNear } from "../../backend/geo/placement.js";
import { buildCityModel } from "../../backend/seed/city-model.js";
import { loadUongBiWards, wardByCode } from "../../backend/seed/ward-geodata.js";

const square: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
  ],
};
const squareWithHole: Polygon = {
  type: "Polygon",
  coordinates: [
    ...square.coordinates,
    [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
      [4, 4],
    ],
  ],
};
// A "C" shape: its bounding-box centre (5, 5) is outside it.
const concave: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 3],
      [3, 3],
      [3, 7],
      [10, 7],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
  ],
};

describe("pointInPolygon", () => {
  it("tells inside from outside", () => {
    expect(pointInPolygon([5, 5], square)).toBe(true);
    expect(pointInPolygon([10.01, 5], square)).toBe(false);
    expect(pointInPolygon([-1, -1], square)).toBe(false);
  });

  it("treats holes as outside", () => {
    expect(pointInPolygon([5, 5], squareWithHole)).toBe(false);
    expect(pointInPolygon([2, 2], squareWithHole)).toBe(true);
  });

  it("handles concave rings", () => {
    expect(pointInPolygon([5, 5], concave)).toBe(false);
    expect(pointInPolygon([1, 5], concave)).toBe(true);
    expect(pointInPolygon([8, 1], concave)).toBe(true);
    expect(pointInRing([8, 5], concave.coordinates[0] ?? [])).toBe(false);
  });

  it("measures the bounding box and the distance to the border", () => {
    expect(boundingBox(concave)).toEqual({ minLon: 0, minLat: 0, maxLon: 10, maxLat: 10 });
    expect(distanceToBoundary([5, 5], square)).toBeCloseTo(5);
    expect(distanceToBoundary([1, 5], square)).toBeCloseTo(1);
  });
});

describe("placeInPolygon", () => {
  it("is deterministic and lands inside, even in concave shapes", () => {
    for (const seed of ["a", "b", "cam-01", "sensor-x"]) {
      const point = placeInPolygon(concave, seed);
      expect(pointInPolygon(point, concave), seed).toBe(true);
      expect(placeInPolygon(concave, seed)).toEqual(point);
    }
    expect(placeInPolygon(concave, "a")).not.toEqual(placeInPolygon(concave, "b"));
  });

  it("places 50 points inside every ward of Uông Bí, away from the border", () => {
    for (const ward of loadUongBiWards()) {
      for (let i = 0; i < 50; i++) {
        const point = placeInPolygon(ward.boundary, `${ward.code}-${i}`);
        expect(pointInPolygon(point, ward.boundary), `${ward.name} #${i}`).toBe(true);
        expect(distanceToBoundary(point, ward.boundary)).toBeGreaterThan(0.001);
      }
    }
  });

  it("throws on a degenerate polygon rather than returning a point outside", () => {
    const line: Polygon = { type: "Polygon", coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] };
    expect(() => placeInPolygon(line, "x")).toThrow(/Could not place/);
  });
});

describe("placeNear", () => {
  it("stays near the anchor and inside the polygon", () => {
    for (let i = 0; i < 30; i++) {
      const point = placeNear([9.9, 5], square, `near-${i}`, 0.5);
      expect(pointInPolygon(point, square)).toBe(true);
      expect(Math.hypot(point[0] - 9.9, point[1] - 5)).toBeLessThanOrEqual(0.5 + 1e-9);
    }
  });
});

describe("the city model", () => {
  const wards = loadUongBiWards();
  const model = buildCityModel(wards);

  it("has the 11 wards and communes with their GSO codes", () => {
    expect(wards).toHaveLength(11);
    expect(wards.every((w) => /^\d{5}$/.test(w.code))).toBe(true);
    expect(wards.filter((w) => w.kind === "commune").map((w) => w.name).sort()).toEqual(["Thượng Yên Công", "Điền Công"].sort());
  });

  it("puts every camera and sensor inside its own ward, the same way every time", () => {
    for (const item of [...model.cameras, ...model.sensors]) {
      expect(pointInPolygon(item.location, wardByCode(wards, item.wardCode).boundary), item.id).toBe(true);
    }
    expect(buildCityModel(wards).cameras.map((c) => c.location)).toEqual(model.cameras.map((c) => c.location));
  });

  it("has about two cameras per ward and one live camera, cam-01", () => {
    expect(model.cameras.length).toBeGreaterThanOrEqual(20);
    for (const ward of wards) expect(model.cameras.some((c) => c.wardCode === ward.code), ward.name).toBe(true);
    expect(model.cameras.filter((c) => c.live).map((c) => c.id)).toEqual(["cam-01"]);
    expect(new Set(model.cameras.map((c) => c.id)).size).toBe(model.cameras.length);
  });
});
