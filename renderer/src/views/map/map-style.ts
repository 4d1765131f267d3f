import type { StyleSpecification } from "maplibre-gl";
import type { Ward } from "../../../../shared/domain/ward.js";
import { MAP_PALETTES, type MapTheme } from "./map-theme.js";

export const WARDS_SOURCE = "wards";
export const WARD_FILL_LAYER = "ward-fill";
export const WARD_LINE_LAYER = "ward-line";
export const WARD_SELECTED_LAYER = "ward-selected";

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
    properties: { code: string; name: string; kind: Ward["kind"] };
    geometry: Ward["boundary"];
  }[];
}

export function wardsToGeoJSON(wards: readonly Ward[]): WardFeatureCollection {
  return {
    type: "FeatureCollection",
    features: wards.map((ward) => ({
      type: "Feature",
      // Numeric ids let maplibre keep feature state (hover) per ward; GSO codes are numeric.
      id: Number(ward.code),
      properties: { code: ward.code, name: ward.name, kind: ward.kind },
      geometry: ward.boundary,
    })),
  };
}

/**
 * No Natural Earth context layer (world-atlas): its most detailed land polygons are at
 * 1:10,000,000, kilometres off at street level, and Uông Bí lies wholly inland of them, so
 * they would add one flat fill and a coastline that disagrees with the ward boundaries.
 *
 * The whole basemap, built here: no tiles, glyphs or sprites to fetch, so it works
 * with no network at all. Labels and live objects are deck.gl layers on top.
 */
export function buildMapStyle(
  wards: WardFeatureCollection = { type: "FeatureCollection", features: [] },
  theme: MapTheme = "dark",
  selectedWardCode: string | null = null,
): StyleSpecification {
  const palette = MAP_PALETTES[theme];
  return {
    version: 8,
    name: `ioc-${theme}`,
    sources: {
      [WARDS_SOURCE]: {
        type: "geojson",
        data: wards,
        attribution: GEODATA_ATTRIBUTION,
      },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": palette.background } },
      {
        id: WARD_FILL_LAYER,
        type: "fill",
        source: WARDS_SOURCE,
        paint: {
          "fill-color": ["case", ["==", ["get", "kind"], "commune"], palette.communeFill, palette.wardFill],
          "fill-opacity": ["case", ["boolean", ["feature-state", "hover"], false], 1, 0.92],
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
    ],
  };
}
