import type { LayerSpecification, LineLayerSpecification, VectorSourceSpecification } from "maplibre-gl";
import type { BasemapInfo } from "../../../../../shared/basemap/basemap-schemas.js";
import type { MapTheme } from "./map-theme.js";
import { STREET_TILE_URL } from "./street-tile-url.js";

export type InstalledStreetMap = Extract<BasemapInfo, { installed: true }>;

export const STREETS_SOURCE = "streets";
/** Drawn by maplibre from the page's own font (Be Vietnam Pro, self-hosted): see map-style.ts. */
export const LABEL_FONT_STACK = ["Be Vietnam Pro"];

/**
 * Control-room colours: the street map is a quiet background (low contrast, no saturated hues)
 * so alarms, cameras and the selected ward stay the brightest things on screen; numbered
 * national roads (QL18) are the one warm accent, since operators place incidents by them.
 */
export interface StreetPalette {
  landuse: { wood: string; park: string; residential: string; industrial: string; other: string };
  water: string;
  waterway: string;
  building: string;
  rail: string;
  boundary: string;
  roadCasing: string;
  road: { major: string; secondary: string; minor: string; path: string };
  roadText: string;
  refText: string;
  refHalo: string;
  placeText: string;
  waterText: string;
  halo: string;
}

export const STREET_PALETTES: Record<MapTheme, StreetPalette> = {
  dark: {
    landuse: { wood: "#0c1a17", park: "#0d1c18", residential: "#0d1522", industrial: "#121520", other: "#0b1320" },
    water: "#0b2740",
    waterway: "#1d4a73",
    building: "#162234",
    rail: "#46536a",
    boundary: "#55658a",
    roadCasing: "#04070d",
    road: { major: "#7a5d2a", secondary: "#3b4d66", minor: "#26354a", path: "#1f2b3c" },
    roadText: "#9fb0c8",
    refText: "#f1d9a6",
    refHalo: "#3a2a0c",
    placeText: "#d0dbec",
    waterText: "#6f9cc8",
    halo: "#070c16",
  },
  light: {
    landuse: { wood: "#d5e3cf", park: "#d9e8d2", residential: "#e7eaee", industrial: "#e2dfe6", other: "#e4e8ea" },
    water: "#a9c9e6",
    waterway: "#7eaad4",
    building: "#d3d7de",
    rail: "#8a93a3",
    boundary: "#8b7aa8",
    roadCasing: "#a9b3c1",
    road: { major: "#f2cf8a", secondary: "#ffffff", minor: "#ffffff", path: "#f2f4f7" },
    roadText: "#3a4658",
    refText: "#4a3208",
    refHalo: "#fbe7bd",
    placeText: "#1c2838",
    waterText: "#2f5f8f",
    halo: "#ffffff",
  },
};

export function streetSource(info: InstalledStreetMap): VectorSourceSpecification {
  return {
    type: "vector",
    tiles: [STREET_TILE_URL],
    minzoom: info.minZoom,
    // Beyond the file's last zoom maplibre draws its tiles larger (they hold full detail).
    maxzoom: info.maxZoom,
    bounds: info.bounds,
    attribution: info.attribution,
  };
}

const MAJOR = ["motorway", "trunk", "primary"];

function roadLayer(id: string, classes: string[], stops: [number, number][], colour: string): LineLayerSpecification {
  return {
    id,
    type: "line",
    source: STREETS_SOURCE,
    "source-layer": "road",
    filter: ["in", ["get", "class"], ["literal", classes]],
    layout: { "line-join": "round", "line-cap": "round" },
    paint: { "line-color": colour, "line-width": ["interpolate", ["exponential", 1.5], ["zoom"], ...stops.flat()] },
  };
}

/** Only layers whose source-layer the file has: a partial street map (no buildings) still draws the rest. */
function present(info: InstalledStreetMap, layers: LayerSpecification[]): LayerSpecification[] {
  const have = new Set(info.layers);
  return layers.filter((l) => !("source-layer" in l) || l["source-layer"] === undefined || have.has(l["source-layer"]));
}

/** What lies under the wards: land use, water, buildings, then the roads, cased, narrow to wide. */
export function streetGroundLayers(info: InstalledStreetMap, theme: MapTheme): LayerSpecification[] {
  const p = STREET_PALETTES[theme];
  const minorStops: [number, number][] = [[12, 0.6], [14, 2.5], [18, 14]];
  const secondaryStops: [number, number][] = [[10, 0.8], [14, 4], [18, 20]];
  const majorStops: [number, number][] = [[10, 1.6], [14, 6], [18, 28]];
  const casing = (stops: [number, number][]): [number, number][] => stops.map(([z, w]) => [z, w + (z >= 14 ? 2 : 1)]);
  return present(info, [
    {
      id: "street-landuse",
      type: "fill",
      source: STREETS_SOURCE,
      "source-layer": "landuse",
      paint: {
        "fill-color": ["match", ["get", "class"], "wood", p.landuse.wood, "park", p.landuse.park, "grass", p.landuse.park, "residential", p.landuse.residential, "industrial", p.landuse.industrial, p.landuse.other],
      },
    },
    { id: "street-water", type: "fill", source: STREETS_SOURCE, "source-layer": "water", paint: { "fill-color": p.water } },
    {
      id: "street-waterway",
      type: "line",
      source: STREETS_SOURCE,
      "source-layer": "waterway",
      layout: { "line-join": "round", "line-cap": "round" },
      paint: { "line-color": p.waterway, "line-width": ["interpolate", ["linear"], ["zoom"], 10, ["match", ["get", "class"], "river", 1.5, 0.5], 16, ["match", ["get", "class"], "river", 6, 2]] },
    },
    { id: "street-building", type: "fill", source: STREETS_SOURCE, "source-layer": "building", minzoom: 14, paint: { "fill-color": p.building, "fill-opacity": ["interpolate", ["linear"], ["zoom"], 14, 0, 15, 1] } },
    {
      id: "street-boundary",
      type: "line",
      source: STREETS_SOURCE,
      "source-layer": "boundary",
      paint: { "line-color": p.boundary, "line-width": 1, "line-dasharray": [3, 2] },
    },
    roadLayer("street-road-minor-casing", ["minor", "service", "path"], casing(minorStops), p.roadCasing),
    roadLayer("street-road-secondary-casing", ["secondary", "tertiary"], casing(secondaryStops), p.roadCasing),
    roadLayer("street-road-major-casing", MAJOR, casing(majorStops), p.roadCasing),
    roadLayer("street-road-minor", ["minor", "service"], minorStops, p.road.minor),
    roadLayer("street-road-path", ["path"], minorStops, p.road.path),
    roadLayer("street-road-secondary", ["secondary", "tertiary"], secondaryStops, p.road.secondary),
    roadLayer("street-road-major", MAJOR, majorStops, p.road.major),
    {
      id: "street-railway",
      type: "line",
      source: STREETS_SOURCE,
      "source-layer": "railway",
      paint: { "line-color": p.rail, "line-width": ["interpolate", ["linear"], ["zoom"], 10, 1, 16, 2.5], "line-dasharray": [4, 3] },
    },
  ]);
}

const halo = (colour: string) => ({ "text-halo-color": colour, "text-halo-width": 1.6, "text-halo-blur": 0.3 });

/** Street, water and place names, above the wards' outlines but under the ward names. */
export function streetLabelLayers(info: InstalledStreetMap, theme: MapTheme): LayerSpecification[] {
  const p = STREET_PALETTES[theme];
  return present(info, [
    {
      id: "street-waterway-label",
      type: "symbol",
      source: STREETS_SOURCE,
      "source-layer": "waterway",
      minzoom: 12,
      layout: { "symbol-placement": "line", "text-field": ["get", "name"], "text-font": LABEL_FONT_STACK, "text-size": 12, "text-letter-spacing": 0.05 },
      paint: { "text-color": p.waterText, ...halo(p.halo) },
    },
    {
      id: "street-road-label",
      type: "symbol",
      source: STREETS_SOURCE,
      "source-layer": "road",
      minzoom: 13,
      layout: { "symbol-placement": "line", "text-field": ["coalesce", ["get", "name"], ""], "text-font": LABEL_FONT_STACK, "text-size": ["interpolate", ["linear"], ["zoom"], 13, 11, 17, 14] },
      paint: { "text-color": p.roadText, ...halo(p.halo) },
    },
    {
      // Road numbers (QL18) from the city view on: what an alarm text names and an operator looks for.
      id: "street-road-ref",
      type: "symbol",
      source: STREETS_SOURCE,
      "source-layer": "road",
      filter: ["has", "ref"],
      layout: {
        "symbol-placement": "line",
        "symbol-spacing": 400,
        "text-field": ["get", "ref"],
        "text-font": LABEL_FONT_STACK,
        "text-size": 12,
        "text-rotation-alignment": "viewport",
      },
      paint: { "text-color": p.refText, "text-halo-color": p.refHalo, "text-halo-width": 3 },
    },
    {
      id: "street-water-label",
      type: "symbol",
      source: STREETS_SOURCE,
      "source-layer": "water",
      minzoom: 13,
      layout: { "text-field": ["get", "name"], "text-font": LABEL_FONT_STACK, "text-size": 12 },
      paint: { "text-color": p.waterText, ...halo(p.halo) },
    },
    {
      id: "street-place-label",
      type: "symbol",
      source: STREETS_SOURCE,
      "source-layer": "place",
      layout: {
        "text-field": ["get", "name"],
        "text-font": LABEL_FONT_STACK,
        "text-size": ["match", ["get", "class"], ["city", "town"], 15, ["suburb", "quarter", "village"], 13, 12],
        "text-max-width": 8,
      },
      paint: { "text-color": p.placeText, ...halo(p.halo) },
    },
  ]);
}
