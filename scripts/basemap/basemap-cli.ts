import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { BboxSchema } from "../../shared/basemap/basemap-schemas.js";
import { CITY_BBOX, MAP_PAN_MARGIN, padBbox, parseBboxText, STREET_MAP_RELATIVE_PATH } from "../../shared/basemap/street-map-file.js";
import { REPO_ROOT } from "../lib/backend-process.js";
import { fail } from "../lib/launch.js";
import { buildBasemap } from "./build-basemap.js";

const USAGE = `npm run basemap -- --osm city.osm.pbf [--bbox west,south,east,north] [--out FILE]
  --osm FILE    an OpenStreetMap extract that covers the city (.osm.pbf, or OSM XML .osm)
  --bbox BOX    the box to keep, in degrees (default: Uông Bí and the margin the map pans into)
  --out FILE    the street map to write (default ${STREET_MAP_RELATIVE_PATH}, where the console looks)`;

/** `npm run basemap`: builds the console's offline street map from an OpenStreetMap extract. */
async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { osm: { type: "string" }, bbox: { type: "string" }, out: { type: "string" }, help: { type: "boolean", default: false } },
      strict: true,
    }));
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.osm === undefined) fail(`Name the OpenStreetMap extract with --osm.\n${USAGE}`);
  let bbox = padBbox(CITY_BBOX, MAP_PAN_MARGIN);
  if (values.bbox !== undefined) {
    const parsed = BboxSchema.safeParse(parseBboxText(values.bbox));
    if (!parsed.success) fail(`--bbox must be four numbers west,south,east,north in degrees, west < east and south < north (got "${values.bbox}").`);
    bbox = parsed.data;
  }
  const outFile = resolve(values.out ?? resolve(REPO_ROOT, STREET_MAP_RELATIVE_PATH));
  const built = await buildBasemap({ osmFile: resolve(values.osm), outFile, bbox, log: (line) => console.log(line) });
  if (!built.ok) fail(built.error.message);
  const { tiles, places, bytes } = built.value;
  console.log(`Street map written to ${outFile}: ${tiles} tiles, ${places} searchable names, ${(bytes / 1024 / 1024).toFixed(1)} MB. Restart the console to use it.`);
}

void main();
