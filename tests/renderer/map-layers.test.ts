import { describe, expect, it } from "vitest";
import { alarmsInWindow, densityWindow, nextReplayStep, REPLAY_HOURS } from "../../renderer/src/features/map/model/alarm-density.js";
import { chooseMarkMode, CLUSTER_MAX_ZOOM, MARK_BUDGET, MarkSource, needsRequery, paddedBbox, type Bbox } from "../../renderer/src/features/map/model/clusters.js";
import { boundaryProblem, screenPoints, screenWards } from "../../renderer/src/features/map/model/feature-screening.js";
import { DEFAULT_VISIBILITY, toggleLayer } from "../../renderer/src/features/map/model/layer-visibility.js";
import { clusterLabel, markAttributes } from "../../renderer/src/features/map/model/mark-attributes.js";
import { cameraObjects, type MapObject } from "../../renderer/src/features/map/model/map-objects.js";
import { buildMapStyle, selectedWardFilter, WARD_SELECTED_LAYER } from "../../renderer/src/features/map/model/map-style.js";
import { MAP_PALETTES } from "../../renderer/src/features/map/model/map-theme.js";
import { objectMark } from "../../renderer/src/features/map/model/marks.js";
import { BAND_RGBA, NO_READING_RGBA, sensorBand, sensorColour } from "../../renderer/src/features/map/model/sensor-scale.js";
import { syntheticLoad } from "../../renderer/src/features/map/model/synthetic-points.js";
import { padBounds, UONG_BI_BOUNDS } from "../../renderer/src/features/map/model/ward-geometry.js";
import { alarm, camera, ward } from "./fixtures.js";

const CITY: Bbox = [UONG_BI_BOUNDS[0][0], UONG_BI_BOUNDS[0][1], UONG_BI_BOUNDS[1][0], UONG_BI_BOUNDS[1][1]];

describe("sensor colour scales", () => {
  it("puts readings in bands at the national limits", () => {
    expect(sensorBand("air_quality", 10)).toBe("good");
    expect(sensorBand("air_quality", 49.9)).toBe("moderate");
    // QCVN 05:2023: 50 µg/m³ PM2.5 over 24 h is the limit: at it, the reading is no longer acceptable.
    expect(sensorBand("air_quality", 50)).toBe("poor");
    expect(sensorBand("air_quality", 400)).toBe("severe");
    expect(sensorBand("noise", 69)).toBe("moderate");
    expect(sensorBand("noise", 70)).toBe("poor");
    expect(sensorBand("water_level", 5.6)).toBe("severe");
    expect(sensorBand("traffic_count", 0)).toBe("good");
  });

  it("greys a sensor with no reading instead of calling it good", () => {
    expect(sensorBand("rainfall", null)).toBeNull();
    expect(sensorColour("rainfall", null)).toEqual(NO_READING_RGBA);
    expect(sensorColour("rainfall", Number.NaN)).toEqual(NO_READING_RGBA);
    expect(sensorColour("rainfall", 0)).toEqual(BAND_RGBA.good);
  });
});

describe("clustering thresholds", () => {
  it("draws objects one by one within the budget, clusters beyond it below street level", () => {
    expect(chooseMarkMode(MARK_BUDGET.points, 11, MARK_BUDGET.points)).toBe("individual");
    expect(chooseMarkMode(MARK_BUDGET.points + 1, 11, MARK_BUDGET.points)).toBe("clustered");
    expect(chooseMarkMode(MARK_BUDGET.points + 1, CLUSTER_MAX_ZOOM, MARK_BUDGET.points)).toBe("clustered");
    expect(chooseMarkMode(100_000, CLUSTER_MAX_ZOOM + 1, MARK_BUDGET.points)).toBe("individual");
  });

  it("keeps the real city's few cameras individual and 100k synthetic points to a readable few", () => {
    const few = new MarkSource("points", cameraObjects([camera(), camera({ id: "cam-02", location: [106.771, 21.041] })]));
    const fewMarks = few.marksIn(CITY, 11);
    expect(fewMarks.mode).toBe("individual");
    expect(fewMarks.marks.map((m) => m.key)).toEqual(["camera:cam-01", "camera:cam-02"]);

    const load = syntheticLoad(100_000, 0, UONG_BI_BOUNDS);
    const many = new MarkSource("points", load.points);
    expect(many.countIn(CITY)).toBe(100_000);
    const { mode, marks } = many.marksIn(CITY, 11);
    expect(mode).toBe("clustered");
    expect(marks.length).toBeLessThan(3_000);
    const represented = marks.reduce((sum, m) => sum + (m.type === "cluster" ? m.cluster.count : 1), 0);
    expect(represented).toBe(100_000);
  });

  it("carries the worst priority and the unacknowledged count into alarm clusters", () => {
    const objects: MapObject[] = [];
    for (let i = 0; i < MARK_BUDGET.alarms + 10; i++) {
      const a = alarm({ id: `a${i}`, priority: i === 7 ? "critical" : "low", state: i % 2 === 0 ? "unacknowledged" : "acknowledged", location: [106.75, 21.05] });
      objects.push({ kind: "alarm", id: a.id, position: a.location, alarm: a });
    }
    const { marks } = new MarkSource("alarms", objects).marksIn(CITY, 11);
    expect(marks).toHaveLength(1);
    const [only] = marks;
    if (only?.type !== "cluster") throw new Error("expected a cluster");
    expect(only.cluster.worstPriority).toBe("critical");
    expect(only.cluster.unacknowledged).toBe(Math.ceil((MARK_BUDGET.alarms + 10) / 2));
  });

  it("asks again only when the zoom level changes or the view leaves the padded area", () => {
    const view: Bbox = [106.7, 21.0, 106.8, 21.1];
    const query = { bbox: paddedBbox(view, 0.5), zoomLevel: 12 };
    expect(needsRequery(null, view, 12)).toBe(true);
    expect(needsRequery(query, [106.72, 21.0, 106.82, 21.1], 12.4)).toBe(false);
    expect(needsRequery(query, view, 13.01)).toBe(true);
    expect(needsRequery(query, [106.8, 21.0, 106.9, 21.1], 12)).toBe(true);
  });
});

describe("mark attributes", () => {
  it("packs positions, colours and sizes into typed arrays", () => {
    const marks = cameraObjects([camera(), camera({ id: "cam-02", status: "offline", location: [106.8, 21.1] })]).map(objectMark);
    const attributes = markAttributes(marks, MAP_PALETTES.dark);
    expect(attributes.length).toBe(2);
    expect([...attributes.positions]).toEqual([106.77, 21.04, 106.8, 21.1]);
    expect([...attributes.fill.slice(0, 4)]).toEqual([56, 214, 190, 235]);
    // Offline: nearly transparent fill with a red ring, so the status reads without colour.
    expect(attributes.fill[7]).toBeLessThan(100);
    expect(attributes.line[4]).toBe(255);
    expect(attributes.lineWidth[1]).toBeGreaterThan(attributes.lineWidth[0]!);
  });

  it("writes short cluster counts", () => {
    expect(clusterLabel(87)).toBe("87");
    expect(clusterLabel(1234)).toBe("1.2k");
    expect(clusterLabel(20_000)).toBe("20k");
  });
});

describe("alarm density over time", () => {
  const now = Date.parse("2026-11-25T12:00:00Z");

  it("takes the alarms raised inside the window, weighted by priority", () => {
    const window = densityWindow(now, 2, 3);
    expect(window.toMs).toBe(Date.parse("2026-11-25T10:00:00Z"));
    expect(window.fromMs).toBe(Date.parse("2026-11-25T07:00:00Z"));
    const points = alarmsInWindow(
      [
        alarm({ id: "in", priority: "critical", raisedAt: "2026-11-25T09:00:00.000Z" }),
        alarm({ id: "late", raisedAt: "2026-11-25T11:00:00.000Z" }),
        alarm({ id: "early", raisedAt: "2026-11-25T06:59:00.000Z" }),
        alarm({ id: "low", priority: "low", raisedAt: "2026-11-25T07:00:00.000Z" }),
      ],
      window,
    );
    expect(points.map((p) => p.weight)).toEqual([4, 1]);
  });

  it("clamps the slider to the last 24 hours and replays forward, wrapping", () => {
    expect(densityWindow(now, 99, 1).toMs).toBe(now - REPLAY_HOURS * 3_600_000);
    expect(nextReplayStep(3)).toBe(2.5);
    expect(nextReplayStep(0)).toBe(REPLAY_HOURS);
  });
});

describe("malformed features", () => {
  const area = padBounds(UONG_BI_BOUNDS, 0.5);

  it("skips points far outside the city and says why", () => {
    const objects = cameraObjects([camera(), camera({ id: "cam-null-island", location: [0, 0] })]);
    const { kept, rejected } = screenPoints(objects, area);
    expect(kept.map((o) => o.id)).toEqual(["cam-01"]);
    expect(rejected).toEqual([{ kind: "camera", id: "cam-null-island", reason: "outside the city at [0, 0]" }]);
  });

  it("skips wards whose boundary is not a closed ring", () => {
    const good = ward();
    const open = ward({ code: "06811", boundary: { type: "Polygon", coordinates: [[[106.7, 21], [106.8, 21], [106.8, 21.1], [106.7, 21.1]]] } });
    expect(boundaryProblem(open)).toBe("an unclosed ring");
    const { kept, rejected } = screenWards([good, open]);
    expect(kept).toEqual([good]);
    expect(rejected.map((r) => r.id)).toEqual(["06811"]);
  });
});

describe("styles and toggles", () => {
  it("builds a light and a dark style, with the selected ward outlined", () => {
    const dark = buildMapStyle(undefined, "dark");
    const light = buildMapStyle(undefined, "light", "06808");
    const background = (style: typeof dark) => style.layers.find((l) => l.id === "background");
    expect(background(dark)).toMatchObject({ paint: { "background-color": MAP_PALETTES.dark.background } });
    expect(background(light)).toMatchObject({ paint: { "background-color": MAP_PALETTES.light.background } });
    expect(light.layers.find((l) => l.id === WARD_SELECTED_LAYER)).toMatchObject({ filter: selectedWardFilter("06808") });
    expect(selectedWardFilter(null)).toEqual(["==", ["get", "code"], ""]);
    expect(JSON.stringify(light)).not.toMatch(/https?:\/\//);
  });

  it("toggles one layer at a time, heatmap off by default", () => {
    expect(DEFAULT_VISIBILITY.heatmap).toBe(false);
    const next = toggleLayer(DEFAULT_VISIBILITY, "cameras");
    expect(next).toEqual({ ...DEFAULT_VISIBILITY, cameras: false });
    expect(DEFAULT_VISIBILITY.cameras).toBe(true);
  });

  it("makes the same synthetic load every time, inside the area", () => {
    const a = syntheticLoad(50, 10, UONG_BI_BOUNDS);
    const b = syntheticLoad(50, 10, UONG_BI_BOUNDS);
    expect(a.points.map((p) => p.position)).toEqual(b.points.map((p) => p.position));
    expect(a.alarms).toHaveLength(10);
    expect(screenPoints([...a.points, ...a.alarms], UONG_BI_BOUNDS).rejected).toEqual([]);
  });
});
