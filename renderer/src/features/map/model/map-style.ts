import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import type { Ward } from "../../../../../shared/domain/ward.js";
import type { CentreLink } from "../../../../../shared/protocol/province.js";
import type { WardLabel } from "./map-objects.js";
import { MAP_PALETTES, type MapTheme } from "./map-theme.js";
import { LABEL_FONT_STACK, STREETS_SOURCE, streetGroundLayers, streetLabelLayers, streetSource, type InstalledStreetMap } from "./street-style.js";

export const WARDS_SOURCE = "wards";
export const WARD_FILL_LAYER = "ward-fill";
export const WARD_LINE_LAYER = "ward-line";
export const WARD_SELECTED_LAYER = "ward-selected";
export const WARD_LABELS_SOURCE = "ward-labels";
export const WARD_LABEL_LAYER = "ward-label";

/** The filter that outlines the selected ward; "" matches none. */
export function selectedWardFilter(code: string | null): ["==", ["get", "code"], string] {
  return ["==", ["get", "code"], code ?? ""];
}

export const GEODATA_ATTRIBUTION = "Ranh giới phường/xã: censusVN2009 © 2017 Marc Choisy (MIT)";

export interface WardFeatureCollection {
  type: "FeatureCollection";
  features: {
    type: "Feature";
    id: number;
    /** At the province, the state of the ward's city's link ("none" for a ward of no city). */
    properties: { code: string; name: string; kind: Ward["kind"]; link: CityLinkState | "none" };
    geometry: Ward["boundary"];
  }[];
}

export type CityLinkState = CentreLink["state"];
export const NO_CITY_LINKS: ReadonlyMap<string, CityLinkState> = new Map();

/** A ward's city not (yet) among the links is shown as connecting: the province has not heard from it. */
export function wardsToGeoJSON(wards: readonly Ward[], cityLinks: ReadonlyMap<string, CityLinkState> = NO_CITY_LINKS): WardFeatureCollection {
  return {
    type: "FeatureCollection",
    features: wards.map((ward) => ({
      type: "Feature",
      // Numeric ids let maplibre keep feature state (hover) per ward; GSO codes are numeric.
      id: Number(ward.code),
      properties: { code: ward.code, name: ward.name, kind: ward.kind, link: ward.cityId === undefined ? "none" : (cityLinks.get(ward.cityId) ?? "connecting") },
      geometry: ward.boundary,
    })),
  };
}

export interface WardLabelCollection {
  type: "FeatureCollection";
  features: { type: "Feature"; properties: { code: string; name: string }; geometry: { type: "Point"; coordinates: [number, number] } }[];
}

/** Largest ward first: maplibre places symbols in order, so the big wards keep their names when space is short. */
export function wardLabelsToGeoJSON(labels: readonly WardLabel[]): WardLabelCollection {
  return {
    type: "FeatureCollection",
    features: labels.map((label) => ({
      type: "Feature",
      properties: { code: label.code, name: label.name },
      geometry: { type: "Point", coordinates: [label.position[0], label.position[1]] },
    })),
  };
}

export interface MapStyleExtras {
  /** Ward names, drawn by maplibre as a symbol layer. */
  labels?: WardLabelCollection;
  /** The city's street map, when one is installed: drawn under the wards. */
  streetMap?: InstalledStreetMap | null;
}

/**
 * No Natural Earth context layer (world-atlas): its most detailed land polygons are at
 * 1:10,000,000, kilometres off at street level, and Uông Bí lies wholly inland of them, so
 * they would add one flat fill and a coastline that disagrees with the ward boundaries.
 *
 * The whole basemap, built here: the wards, and the street map's tiles when one is installed,
 * both from the console core, so it works with no network at all. No `glyphs` URL: maplibre 6
 * draws each label's glyphs in the page from the font the page already has (Be Vietnam Pro,
 * self-hosted), with the browser's own shaping, so Vietnamese letters with stacked marks come
 * out whole and sharp at any resolution. Live objects are deck.gl layers on top.
 */
export function buildMapStyle(
  wards: WardFeatureCollection = { type: "FeatureCollection", features: [] },
  theme: MapTheme = "dark",
  selectedWardCode: string | null = null,
  extras: MapStyleExtras = {},
): StyleSpecification {
  const palette = MAP_PALETTES[theme];
  const streetMap = extras.streetMap ?? null;
  // Over a street map the wards are a tint, so the streets under them show through.
  const wardOpacity = streetMap === null ? 0.92 : 0.28;
  const wardLabels: LayerSpecification = {
    id: WARD_LABEL_LAYER,
    type: "symbol",
    source: WARD_LABELS_SOURCE,
    layout: {
      "text-field": ["get", "name"],
      "text-font": LABEL_FONT_STACK,
      "text-size": 15,
      "text-max-width": 8,
      "text-padding": 4,
    },
    paint: { "text-color": rgba(palette.label), "text-halo-color": rgba(palette.labelOutline), "text-halo-width": 2, "text-halo-blur": 0.4 },
  };
  return {
    version: 8,
    name: `ioc-${theme}`,
    sources: {
      ...(streetMap === null ? {} : { [STREETS_SOURCE]: streetSource(streetMap) }),
      [WARDS_SOURCE]: {
        type: "geojson",
        data: wards,
        attribution: GEODATA_ATTRIBUTION,
      },
      [WARD_LABELS_SOURCE]: { type: "geojson", data: extras.labels ?? { type: "FeatureCollection", features: [] } },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": palette.background } },
      ...(streetMap === null ? [] : streetGroundLayers(streetMap, theme)),
      {
        id: WARD_FILL_LAYER,
        type: "fill",
        source: WARDS_SOURCE,
        paint: {
          // A city's wards at the province take their link's tint; a city's own map is as ever.
          "fill-color": [
            "match",
            ["get", "link"],
            "up",
            palette.cityFill.up,
            "connecting",
            palette.cityFill.connecting,
            "down",
            palette.cityFill.down,
            ["case", ["==", ["get", "kind"], "commune"], palette.communeFill, palette.wardFill],
          ],
          "fill-opacity": ["case", ["boolean", ["feature-state", "hover"], false], Math.min(1, wardOpacity + 0.12), wardOpacity],
        },
      },
      {
        id: WARD_LINE_LAYER,
        type: "line",
        source: WARDS_SOURCE,
        layout: { "line-join": "round" },
        paint: {
          "line-color": palette.wardLine,
          "line-width": ["interpolate", ["linear"], ["zoom"], 10, 1, 14, 2.5],
        },
      },
      {
        id: WARD_SELECTED_LAYER,
        type: "line",
        source: WARDS_SOURCE,
        filter: selectedWardFilter(selectedWardCode),
        layout: { "line-join": "round" },
        paint: { "line-color": palette.selectedWardLine, "line-width": 3.5, "line-dasharray": [2, 1] },
      },
      ...(streetMap === null ? [] : streetLabelLayers(streetMap, theme)),
      wardLabels,
    ],
  };
}

function rgba([r, g, b, a]: readonly [number, number, number, number]): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
}
