import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { LonLat } from "../../shared/domain/geo.js";
import type { Ward } from "../../shared/domain/ward.js";
import { distanceM, mercatorX, mercatorY, viewCone, worldUnitsPerPixel } from "../../renderer/src/features/map/model/geo-math.js";
import { clusterRadiusPx, hitTest, indexMarks } from "../../renderer/src/features/map/model/hit-test.js";
import { alarmObjects, cameraObjects, sensorObjects } from "../../renderer/src/features/map/model/map-objects.js";
import { objectMark, type Mark } from "../../renderer/src/features/map/model/marks.js";
import { nearestCameras } from "../../renderer/src/features/map/model/nearest-cameras.js";
import { labelPoint } from "../../renderer/src/features/map/model/ward-geometry.js";
import { wardAtPoint } from "../../renderer/src/features/map/model/ward-lookup.js";
import { objectsInWard, wardSummary } from "../../renderer/src/features/map/model/ward-summary.js";
import { alarm, camera, ward } from "./fixtures.js";

interface GeoFeature {
  properties: { name: string; gso_code: string; full_name: string; name_ascii: string; kind: "ward" | "commune" };
  geometry: { coordinates: LonLat[][] };
}
const geodata = JSON.parse(readFileSync(new URL("../../resources/geodata/uong-bi-wards.geojson", import.meta.url), "utf8")) as {
  features: GeoFeature[];
};
const realWards: Ward[] = geodata.features.map((f) => ({
  code: f.properties.gso_code,
  name: f.properties.name,
  fullName: f.properties.full_name,
  nameAscii: f.properties.name_ascii,
  kind: f.properties.kind,
  boundary: { type: "Polygon", coordinates: f.geometry.coordinates },
}));

describe("ward lookup by point", () => {
  it("finds each real ward at its label point", () => {
    expect(realWards).toHaveLength(11);
    for (const w of realWards) expect(wardAtPoint(realWards, labelPoint(w.boundary.coordinates))?.name).toBe(w.name);
  });

  it("answers null outside the city", () => {
    expect(wardAtPoint(realWards, [106.3, 20.5])).toBeNull();
    expect(wardAtPoint([], [106.75, 21.05])).toBeNull();
  });
});

describe("nearest cameras", () => {
  const alarmAt: LonLat = [106.77, 21.04];
  const cams = [
    camera({ id: "far", location: [106.8, 21.04] }),
    camera({ id: "near", location: [106.771, 21.04] }),
    camera({ id: "nearest-offline", location: [106.7701, 21.04], status: "offline" }),
    camera({ id: "mid", location: [106.78, 21.04] }),
    camera({ id: "out-of-range", location: [106.9, 21.2] }),
  ];

  it("offers online cameras nearest first, then offline ones, within range", () => {
    expect(nearestCameras(cams, alarmAt, 3).map((c) => c.camera.id)).toEqual(["near", "mid", "far"]);
    expect(nearestCameras(cams, alarmAt, 10).map((c) => c.camera.id)).toEqual(["near", "mid", "far", "nearest-offline"]);
  });

  it("measures in metres", () => {
    const [first] = nearestCameras(cams, alarmAt, 1);
    expect(first?.distanceM).toBeGreaterThan(95);
    expect(first?.distanceM).toBeLessThan(110);
    expect(distanceM([106.77, 21.04], [106.77, 21.05])).toBeCloseTo(1112, -1);
  });
});

describe("hit test from memory", () => {
  const zoom = 14;
  /** A point `px` pixels east of `origin` at the test zoom. */
  const east = ([lon, lat]: LonLat, px: number): LonLat => [lon + px * worldUnitsPerPixel(zoom) * 360, lat];

  it("finds the mark under the cursor within its radius, and nothing beyond", () => {
    const cam = camera({ location: [106.77, 21.04] });
    const index = indexMarks(cameraObjects([cam]).map(objectMark));
    expect(hitTest(index, ...east(cam.location, 4), zoom)?.key).toBe("camera:cam-01");
    expect(hitTest(index, ...east(cam.location, 25), zoom)).toBeNull();
    expect(hitTest(indexMarks([]), 106.77, 21.04, zoom)).toBeNull();
  });

  it("prefers an alarm over a camera or sensor at the same place", () => {
    const at: LonLat = [106.77, 21.04];
    const marks: Mark[] = [
      ...sensorObjects([
        { id: "s1", name: "S", kind: "noise", wardCode: "06808", location: at, unit: "dB(A)", lastValue: 60, lastAt: null },
      ]).map(objectMark),
      ...cameraObjects([camera({ location: at })]).map(objectMark),
      ...alarmObjects([alarm({ id: "a1", location: east(at, 3) })]).map(objectMark),
    ];
    expect(hitTest(indexMarks(marks), ...at, zoom)?.key).toBe("alarm:a1");
  });

  it("hits a big cluster over its drawn radius", () => {
    const at: LonLat = [106.77, 21.04];
    const cluster: Mark = {
      type: "cluster",
      key: "cluster:points:1",
      position: at,
      cluster: { layer: "points", clusterId: 1, count: 5000, worstPriority: null, unacknowledged: 0 },
    };
    const radius = clusterRadiusPx(5000);
    expect(radius).toBeGreaterThan(20);
    expect(hitTest(indexMarks([cluster]), ...east(at, radius - 1), zoom)?.key).toBe("cluster:points:1");
  });

  it("projects with Web Mercator", () => {
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBeCloseTo(0.5, 10);
    expect(mercatorY(21)).toBeLessThan(0.5);
  });
});

describe("camera view cones", () => {
  it("opens along the bearing and closes at the camera", () => {
    const origin: LonLat = [106.77, 21.04];
    const cone = viewCone(origin, 0, 100, 60, 2);
    expect(cone[0]).toEqual(origin);
    expect(cone[cone.length - 1]).toEqual(origin);
    // Bearing 0 = north: the middle of the fan is straight north, 100 m away.
    const middle = cone[2]!;
    expect(middle[0]).toBeCloseTo(origin[0], 9);
    expect(distanceM(origin, middle)).toBeCloseTo(100, 0);
  });
});

describe("ward filter and summary", () => {
  it("keeps only the ward's objects, or all with no ward selected", () => {
    const objects = cameraObjects([camera({ id: "a", wardCode: "06808" }), camera({ id: "b", wardCode: "06811" })]);
    expect(objectsInWard(objects, null)).toHaveLength(2);
    expect(objectsInWard(objects, "06811").map((o) => o.id)).toEqual(["b"]);
  });

  it("counts the ward's open alarms and cameras", () => {
    const queue = [alarm({ id: "x", wardCode: "06808" }), alarm({ id: "y", wardCode: "06811" })];
    const cams = [camera({ id: "c1", wardCode: "06808" }), camera({ id: "c2", wardCode: "06808", status: "offline" }), camera({ id: "c3" })];
    expect(wardSummary(ward().code, queue, cams)).toEqual({ openAlarms: [queue[0]], cameraCount: 2, camerasOnline: 1 });
  });
});
