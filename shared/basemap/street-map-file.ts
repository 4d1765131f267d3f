import type { Bbox } from "./basemap-schemas.js";

/** The ODbL asks for this wherever OpenStreetMap data is drawn. */
export const OSM_ATTRIBUTION = "© OpenStreetMap contributors";

/** The table the build adds to the MBTiles file: the names map search finds. */
export const PLACES_TABLE = "ioc_places";

/** Where `npm run basemap` writes the city's street map and where the console looks for it (under the app's resources). */
export const STREET_MAP_RELATIVE_PATH = "resources/basemap/city.mbtiles";

/** Uông Bí's extent: the wards' bounding box. */
export const CITY_BBOX: Bbox = [106.6585, 20.9742, 106.849, 21.1684];

/**
 * The default box of the build: the city and the margin the map lets an operator pan into
 * (the same fraction as the map's pan limit), so streets do not stop at the city line.
 */
export const MAP_PAN_MARGIN = 0.6;

export function padBbox([west, south, east, north]: Bbox, fraction: number): Bbox {
  const dx = (east - west) * fraction;
  const dy = (north - south) * fraction;
  return [west - dx, south - dy, east + dx, north + dy];
}

/** Parses "west,south,east,north" as typed on a command line; null when it is not four numbers. */
export function parseBboxText(text: string): [number, number, number, number] | null {
  const parts = text.split(",").map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  return [parts[0]!, parts[1]!, parts[2]!, parts[3]!];
}
