import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { buildMapStyle, WARD_FILL_LAYER, WARD_LABEL_LAYER, WARD_LINE_LAYER } from "../../renderer/src/features/map/model/map-style.js";
import { parseTileUrl, STREET_TILE_URL } from "../../renderer/src/features/map/model/street-tile-url.js";
import { STREET_PALETTES, STREETS_SOURCE, type InstalledStreetMap } from "../../renderer/src/features/map/model/street-style.js";

const STREET_MAP: InstalledStreetMap = {
  installed: true,
  minZoom: 10,
  maxZoom: 14,
  bounds: [106.54, 20.86, 106.96, 21.28],
  layers: ["landuse", "water", "waterway", "boundary", "road", "railway", "building", "place"],
  attribution: "© OpenStreetMap contributors",
};

const ids = (style: ReturnType<typeof buildMapStyle>) => style.layers.map((l) => l.id);

describe("the street map's style", () => {
  it("is a valid maplibre style, day and night, with and without a street map", () => {
    for (const theme of ["dark", "light"] as const) {
      for (const streetMap of [null, STREET_MAP]) expect(validateStyleMin(buildMapStyle(undefined, theme, null, { streetMap })), `${theme} ${streetMap === null ? "wards only" : "streets"}`).toEqual([]);
    }
  });

  it("reads tiles through the console's own protocol, its URL template with {z}/{x}/{y} left literal, credited to OpenStreetMap", () => {
    const style = buildMapStyle(undefined, "dark", null, { streetMap: STREET_MAP });
    expect(style.sources[STREETS_SOURCE]).toEqual({
      type: "vector",
      tiles: ["ioc-street://tiles/{z}/{x}/{y}"],
      minzoom: 10,
      maxzoom: 14,
      bounds: STREET_MAP.bounds,
      attribution: "© OpenStreetMap contributors",
    });
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\/|%7B/);
    expect(style.glyphs).toBeUndefined();
  });

  it("draws streets and water under the wards, their names over the ward outlines, the ward names last", () => {
    const order = ids(buildMapStyle(undefined, "dark", null, { streetMap: STREET_MAP }));
    const at = (id: string) => order.indexOf(id);
    expect(at("street-water")).toBeLessThan(at(WARD_FILL_LAYER));
    expect(at("street-road-major")).toBeLessThan(at(WARD_FILL_LAYER));
    expect(at("street-road-major-casing")).toBeLessThan(at("street-road-major"));
    expect(at(WARD_LINE_LAYER)).toBeLessThan(at("street-road-ref"));
    expect(order.at(-1)).toBe(WARD_LABEL_LAYER);
  });

  it("tints the wards over a street map instead of covering it; without one the map is as before", () => {
    const opacity = (style: ReturnType<typeof buildMapStyle>) => {
      const layer = style.layers.find((l) => l.id === WARD_FILL_LAYER);
      return layer?.type === "fill" ? (layer.paint?.["fill-opacity"] as unknown[]).at(-1) : undefined;
    };
    expect(opacity(buildMapStyle(undefined, "dark", null, { streetMap: STREET_MAP }))).toBeLessThan(0.5);
    const wardsOnly = buildMapStyle(undefined, "dark");
    expect(opacity(wardsOnly)).toBe(0.92);
    expect(ids(wardsOnly).some((id) => id.startsWith("street-"))).toBe(false);
    expect(wardsOnly.sources[STREETS_SOURCE]).toBeUndefined();
  });

  it("leaves out the layers of a street map that has no such data", () => {
    const order = ids(buildMapStyle(undefined, "light", null, { streetMap: { ...STREET_MAP, layers: ["road"] } }));
    expect(order).toContain("street-road-major");
    expect(order).not.toContain("street-building");
    expect(order).not.toContain("street-water");
  });

  it("has a day and a night palette that differ", () => {
    expect(STREET_PALETTES.dark.road.major).not.toBe(STREET_PALETTES.light.road.major);
    expect(STREET_PALETTES.dark.water).not.toBe(STREET_PALETTES.light.water);
  });
});

describe("street map tile URLs", () => {
  it("names a tile, and nothing else", () => {
    expect(STREET_TILE_URL).toBe("ioc-street://tiles/{z}/{x}/{y}");
    expect(parseTileUrl("ioc-street://tiles/14/13245/7231")).toEqual({ z: 14, x: 13245, y: 7231 });
    expect(parseTileUrl("ioc-street://tiles/2/4/0")).toBeNull();
    expect(parseTileUrl("ioc-street://tiles/14/1/2/3")).toBeNull();
    expect(parseTileUrl("https://example.org/14/1/2")).toBeNull();
  });
});
