import type { Rgba } from "./map-colours.js";

/** Dark for the night shift (the default in a dimmed control room), light for daylight desks. */
export type MapTheme = "dark" | "light";

export interface MapPalette {
  background: string;
  wardFill: string;
  communeFill: string;
  wardLine: string;
  /** Outline of the ward the operator filtered to. */
  selectedWardLine: string;
  label: Rgba;
  labelOutline: Rgba;
  /** Outline of marks, chosen to separate them from the ward fill. */
  markOutline: Rgba;
  /** At the province: a city's wards, by the state of its link. */
  cityFill: { up: string; connecting: string; down: string };
}

export const MAP_PALETTES: Record<MapTheme, MapPalette> = {
  dark: {
    background: "#070c16",
    wardFill: "#122036",
    communeFill: "#0f1c2a",
    wardLine: "#3f6394",
    selectedWardLine: "#f5f8ff",
    label: [214, 224, 240, 235],
    labelOutline: [6, 10, 18, 230],
    markOutline: [8, 12, 20, 255],
    cityFill: { up: "#123a2c", connecting: "#3d3414", down: "#4a1a1f" },
  },
  light: {
    background: "#dfe5ec",
    wardFill: "#f7f9fb",
    communeFill: "#eef3ea",
    wardLine: "#6d86a6",
    selectedWardLine: "#10213a",
    label: [26, 36, 52, 240],
    labelOutline: [255, 255, 255, 235],
    markOutline: [20, 28, 40, 255],
    cityFill: { up: "#dcf1e4", connecting: "#f6ecc8", down: "#f6d3d6" },
  },
};

export function parseMapTheme(value: unknown): MapTheme {
  return value === "light" ? "light" : "dark";
}
