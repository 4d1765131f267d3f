import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildBasemap } from "../scripts/basemap/build-basemap.js";
import { osmXml, type SyntheticWay } from "../scripts/basemap/osm-xml.js";
import { CITY_BBOX, MAP_PAN_MARGIN, padBbox } from "../shared/basemap/street-map-file.js";

/** Grid lines each way: 100 × 100 lines cut at every crossing make about 20,000 ways, a city's worth. */
const LINES = 100;

function roadTags(index: number, axis: "ew" | "ns"): Record<string, string> {
  if (index % 25 === 0) return { highway: "trunk", ref: `QL${18 + index / 25}`, name: `Quốc lộ ${18 + index / 25}` };
  if (index % 10 === 0) return { highway: "primary", name: `Đại lộ ${axis === "ew" ? "Đông Tây" : "Bắc Nam"} ${index}` };
  if (index % 5 === 0) return { highway: "secondary", name: `Đường Trần Hưng Đạo ${axis}${index}` };
  return { highway: "residential", name: `Phố số ${axis}${index}` };
}

/** A street grid over the city, every block one way, with numbered national roads and named streets. */
export function cityStreetGrid(lines = LINES): SyntheticWay[] {
  const [west, south, east, north] = CITY_BBOX;
  const lon = (i: number) => Number((west + ((east - west) * i) / lines).toFixed(6));
  const lat = (j: number) => Number((south + ((north - south) * j) / lines).toFixed(6));
  const ways: SyntheticWay[] = [];
  for (let j = 0; j <= lines; j++) {
    for (let i = 0; i < lines; i++) ways.push({ tags: roadTags(j, "ew"), points: [[lon(i), lat(j)], [lon(i + 1), lat(j)]] });
  }
  for (let i = 0; i <= lines; i++) {
    for (let j = 0; j < lines; j++) ways.push({ tags: roadTags(i, "ns"), points: [[lon(i), lat(j)], [lon(i), lat(j + 1)]] });
  }
  ways.push({ tags: { waterway: "river", name: "Sông Uông" }, points: [[lon(30), lat(100)], [lon(33), lat(50)], [lon(36), lat(0)]] });
  return ways;
}

/** Builds the grid's street map into `dir` (untimed: the bench times the map, not the build); returns its file. */
export async function buildBenchStreetMap(dir: string): Promise<string> {
  const osmFile = join(dir, "city-grid.osm");
  writeFileSync(osmFile, osmXml(cityStreetGrid()));
  const outFile = join(dir, "city-grid.mbtiles");
  const built = await buildBasemap({ osmFile, outFile, bbox: padBbox(CITY_BBOX, MAP_PAN_MARGIN) });
  if (!built.ok) throw new Error(built.error.message);
  return outFile;
}
