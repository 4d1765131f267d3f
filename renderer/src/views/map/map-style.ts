import type { StyleSpecification } from "maplibre-gl";
import type { Ward } from "../../../../shared/domain/ward.js";
import { COMMUNE_FILL, MAP_BACKGROUND, WARD_FILL, WARD_LINE } from "./map-colours.js";

export const WARDS_SOURCE = "wards";
export const WARD_FILL_LAYER = "ward-fill";
export const WARD_LINE_LAYER = "ward-line";

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
 * The whole basemap, built here: no tiles, glyphs or sprites to fetch, so it works
 * with no network at all. Labels and live objects are deck.gl layers on top.
 */
export function buildMapStyle(wards: WardFeatureCollection = { type: "FeatureCollection", features: [] }): StyleSpecification {
  return {
    version: 8,
    name: "ioc-dark",
    sources: {
      [WARDS_SOURCE]: {
        type: "geojson",
        data: wards,
        attribution: GEODATA_ATTRIBUTION,
      },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": MAP_BACKGROUND } },
      {
        id: WARD_FILL_LAYER,
        type: "fill",
        source: WARDS_SOURCE,
        paint: {
          "fill-color": ["case", ["==", ["get", "kind"], "commune"], COMMUNE_FILL, WARD_FILL],
          "fill-opacity": ["case", ["boolean", ["feature-state", "hover"], false], 1, 0.92],
        },
      },
      {
        id: WARD_LINE_LAYER,
        type: "line",
        source: WARDS_SOURCE,
        layout: { "line-join": "round" },
        paint: {
          "line-color": WARD_LINE,
          "line-width": ["interpolate", ["linear"], ["zoom"], 10, 1, 14, 2.5],
        },
      },
    ],
  };
}
