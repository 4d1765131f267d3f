import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { alarmFill, alarmRadiusPx } from "../../renderer/src/features/map/model/map-colours.js";
import { alarmObjects, describeMapObject, wardLabels } from "../../renderer/src/features/map/model/map-objects.js";
import { buildMapStyle, GEODATA_ATTRIBUTION, WARD_LABEL_LAYER, wardLabelsToGeoJSON, wardsToGeoJSON } from "../../renderer/src/features/map/model/map-style.js";
import { boundsOfWards, insidePolygon, labelPoint, padBounds, UONG_BI_BOUNDS } from "../../renderer/src/features/map/model/ward-geometry.js";
import { overlayContextAttributes, overlayPixelRatio, SOFTWARE_OVERLAY_PIXEL_RATIO } from "../../renderer/src/features/map/model/overlay-drawing.js";
import type { LonLat } from "../../shared/domain/geo.js";
import { alarm, camera, ward } from "./fixtures.js";

interface GeoFeature {
  properties: { name: string };
  geometry: { coordinates: LonLat[][] };
}
const geodata = JSON.parse(readFileSync(new URL("../../resources/geodata/uong-bi-wards.geojson", import.meta.url), "utf8")) as {
  features: GeoFeature[];
};

describe("ward geometry", () => {
  it("bounds the wards, falling back to the city's box", () => {
    expect(boundsOfWards([])).toEqual(UONG_BI_BOUNDS);
    expect(boundsOfWards([ward(), ward({ code: "06811" }, 0.1)])).toEqual([
      [106.7, 21.0],
      [106.85, 21.05],
    ]);
    expect(padBounds([[0, 0], [10, 10]], 0.1)).toEqual([[-1, -1], [11, 11]]);
  });

  it("puts every real ward's label inside the ward", () => {
    for (const feature of geodata.features) {
      const rings = feature.geometry.coordinates;
      expect(insidePolygon(labelPoint(rings), rings), feature.properties.name).toBe(true);
    }
  });
});

describe("map style", () => {
  it("needs nothing from the network: no glyphs, sprites or remote sources", () => {
    const style = buildMapStyle();
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    expect(style.sources["wards"]).toMatchObject({ type: "geojson", attribution: GEODATA_ATTRIBUTION });
  });

  it("draws the ward names with maplibre, from the page's own font, largest ward first, composed", () => {
    const labels = wardLabelsToGeoJSON(wardLabels([ward({ code: "06811", name: "Thượng Yên Công".normalize("NFD") }, 0.1), ward()]));
    const style = buildMapStyle(undefined, "dark", null, { labels });
    expect(style.layers.at(-1)).toMatchObject({ id: WARD_LABEL_LAYER, type: "symbol", layout: { "text-font": ["Be Vietnam Pro"], "text-field": ["get", "name"] } });
    expect(style.glyphs).toBeUndefined();
    expect(labels.features.map((f) => f.properties.name)).toContain("Thượng Yên Công".normalize("NFC"));
  });

  it("turns wards into features with numeric ids and their names", () => {
    const fc = wardsToGeoJSON([ward()]);
    expect(fc.features[0]).toMatchObject({ id: 6808, properties: { code: "06808", name: "Vàng Danh", kind: "ward" } });
  });
});

describe("map objects", () => {
  it("draws critical alarms last so they sit on top", () => {
    const queue = [alarm({ id: "c", priority: "critical" }), alarm({ id: "l", priority: "low" })];
    expect(alarmObjects(queue).map((o) => o.id)).toEqual(["l", "c"]);
  });

  it("sizes and shades by priority and attention", () => {
    expect(alarmRadiusPx("critical")).toBeGreaterThan(alarmRadiusPx("low"));
    expect(alarmFill("high", true)[3]).toBeGreaterThan(alarmFill("high", false)[3]);
  });

  it("labels wards with NFC names", () => {
    expect(wardLabels([ward({ name: "Vàng Danh".normalize("NFD") })])[0]?.name).toBe("Vàng Danh");
  });

  it("describes objects for the tooltip in the operator's language", () => {
    const t = (key: string, options?: Record<string, unknown>) => (options?.["defaultValue"] as string | undefined) ?? key;
    const ctx = { t, wardName: (code: string) => (code === "06817" ? "Quang Trung" : code), locale: "vi-VN" };
    const text = describeMapObject({ kind: "camera", id: "cam-01", position: [0, 0], camera: camera() }, ctx);
    expect(text).toContain("Ngã tư Cầu Sến");
    expect(text).toContain("Quang Trung");
    const alarmText = describeMapObject({ kind: "alarm", id: "a", position: [0, 0], alarm: alarm({ type: "unknown_kind" }) }, ctx);
    expect(alarmText).toContain("unknown_kind");
    expect(alarmText).toContain("17:00:00");
  });
});

describe("overlay drawing on a CPU renderer", () => {
  it("draws the overlay at half resolution only when WebGL runs on the CPU", () => {
    expect(overlayPixelRatio("Google SwiftShader")).toBe(SOFTWARE_OVERLAY_PIXEL_RATIO);
    expect(overlayPixelRatio("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)")).toBe(0.5);
    expect(overlayPixelRatio("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe(0.5);
    expect(overlayPixelRatio("ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)")).toBe(true);
    expect(overlayPixelRatio("NVIDIA GeForce RTX 3060/PCIe/SSE2")).toBe(true);
    expect(overlayPixelRatio(null)).toBe(true);
  });

  it("drops multisampling and the preserved drawing buffer only on a CPU renderer", () => {
    expect(overlayContextAttributes("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)")).toEqual({ antialias: false, preserveDrawingBuffer: false });
    expect(overlayContextAttributes("llvmpipe (LLVM 15.0.6, 256 bits)")).toEqual({ antialias: false, preserveDrawingBuffer: false });
    expect(overlayContextAttributes("NVIDIA GeForce RTX 3060/PCIe/SSE2")).toEqual({});
    expect(overlayContextAttributes(null)).toEqual({});
  });
});
