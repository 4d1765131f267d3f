import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Bbox, NamedPlace } from "../../shared/basemap/basemap-schemas.js";
import { OSM_ATTRIBUTION, PLACES_TABLE } from "../../shared/basemap/street-map-file.js";
import { err, ok, type Result } from "../../shared/result.js";
import { namedPlacesFromFeatures, parseGeoJsonSeq } from "./named-places.js";
import { findBasemapTools } from "./system-tools.js";

const TILEMAKER_DIR = join(dirname(fileURLToPath(import.meta.url)), "tilemaker");

export interface BuildBasemapOptions {
  /** An OpenStreetMap extract: .osm.pbf, or OSM XML (.osm). */
  osmFile: string;
  /** The MBTiles file to write (replaced only once the new one is complete). */
  outFile: string;
  bbox: Bbox;
  log?: (line: string) => void;
}

export interface BasemapSummary {
  outFile: string;
  tiles: number;
  places: number;
  bytes: number;
}

function run(command: string, args: readonly string[]): Promise<Result<string>> {
  return new Promise((resolve) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error === null) {
        resolve(ok(stdout));
        return;
      }
      const tail = `${stderr}${stdout}`.trim().split("\n").slice(-5).join(" | ");
      resolve(err("internal", `${command.split("/").at(-1)} failed: ${tail || error.message}`));
    });
  });
}

function extractProblem(osmFile: string): string | null {
  try {
    const stat = statSync(osmFile);
    if (!stat.isFile()) return `The OSM extract ${osmFile} is not a file.`;
    if (stat.size === 0) return `The OSM extract ${osmFile} is empty.`;
    return null;
  } catch {
    return `The OSM extract ${osmFile} does not exist: pass an OpenStreetMap extract of the city with --osm.`;
  }
}

/** Stores the search names and the attribution in the MBTiles file tilemaker wrote, and counts its tiles. */
function finishTiles(file: string, places: readonly NamedPlace[]): number {
  const db = new Database(file);
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS ${PLACES_TABLE} (name TEXT NOT NULL, ref TEXT, kind TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL)`);
    const insert = db.prepare(`INSERT INTO ${PLACES_TABLE} (name, ref, kind, lon, lat) VALUES (?, ?, ?, ?, ?)`);
    const setMeta = db.prepare("INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)");
    db.transaction(() => {
      db.exec(`DELETE FROM ${PLACES_TABLE}`);
      for (const p of places) insert.run(p.name, p.ref, p.kind, p.lon, p.lat);
      // tilemaker leaves out the attribution; the ODbL asks for it wherever the data is shown.
      db.prepare("DELETE FROM metadata WHERE name = 'attribution'").run();
      setMeta.run("attribution", OSM_ATTRIBUTION);
    })();
    const row = db.prepare("SELECT count(*) AS n FROM tiles").get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

/**
 * `npm run basemap`: an OSM extract → one MBTiles file of vector tiles (zooms 10–14; maplibre
 * draws 15–18 from the zoom-14 tiles, which carry full detail) plus the names map search needs.
 * Fails with one sentence when a tool is missing, the extract is missing or empty, or nothing
 * of it lies inside the box.
 */
export async function buildBasemap(options: BuildBasemapOptions): Promise<Result<BasemapSummary>> {
  const log = options.log ?? (() => undefined);
  const problem = extractProblem(options.osmFile);
  if (problem !== null) return err("not_found", problem);
  const tools = findBasemapTools();
  if (!tools.ok) return tools;
  const { osmium, tilemaker } = tools.value;
  const work = mkdtempSync(join(tmpdir(), "ioc-basemap-"));
  try {
    const bbox = options.bbox.map((n) => Number(n.toFixed(6))).join(",");
    const clipped = join(work, "clipped.osm.pbf");
    log(`Cutting ${options.osmFile} to ${bbox} …`);
    const extracted = await run(osmium, ["extract", "--bbox", bbox, "--set-bounds", "--overwrite", "-o", clipped, options.osmFile]);
    if (!extracted.ok) return err("invalid_request", `The OSM extract ${options.osmFile} could not be read: ${extracted.error.message}`);
    const ways = await run(osmium, ["fileinfo", "--extended", "--get", "data.count.ways", clipped]);
    if (!ways.ok) return ways;
    if (Number.parseInt(ways.value.trim(), 10) === 0) {
      return err("not_found", `The OSM extract ${options.osmFile} has no streets, water or other ways inside the box ${bbox}: check --bbox, or use an extract of this city.`);
    }

    log("Collecting the names map search finds …");
    const seq = join(work, "features.geojsonseq");
    const exported = await run(osmium, ["export", "--overwrite", "-f", "geojsonseq", "-o", seq, clipped]);
    if (!exported.ok) return exported;
    const places = namedPlacesFromFeatures(parseGeoJsonSeq(readFileSync(seq, "utf8")));

    log("Making the vector tiles …");
    const tilesFile = join(work, "street-map.mbtiles");
    const made = await run(tilemaker, [
      "--input", clipped,
      "--output", tilesFile,
      "--config", join(TILEMAKER_DIR, "config.json"),
      "--process", join(TILEMAKER_DIR, "process.lua"),
      "--bbox", bbox,
      // Two cores are shared on the project's machines; the city's extract needs no more.
      "--threads", "1",
    ]);
    if (!made.ok) return made;
    const tiles = finishTiles(tilesFile, places);
    if (tiles === 0) return err("not_found", `Nothing in ${options.osmFile} inside the box ${bbox} is drawn on the street map (no roads, water, places or buildings).`);
    // Written beside the target and renamed: a running console never opens a half-written file.
    const staged = `${options.outFile}.tmp.${process.pid}`;
    try {
      mkdirSync(dirname(options.outFile), { recursive: true });
      renameOrCopy(tilesFile, staged);
      renameSync(staged, options.outFile);
    } catch (e) {
      try {
        rmSync(staged, { force: true });
      } catch {
        // Its folder is not there or not a folder: nothing was staged.
      }
      return err("internal", `The street map could not be written to ${options.outFile}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return ok({ outFile: options.outFile, tiles, places: places.length, bytes: statSync(options.outFile).size });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function renameOrCopy(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    // The temporary folder is on another file system (tmpfs): SQLite copies the file itself.
    const db = new Database(from, { readonly: true });
    try {
      db.exec(`VACUUM INTO '${to.replace(/'/g, "''")}'`);
    } finally {
      db.close();
    }
  }
}
