import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { BboxSchema, MAX_NAMED_PLACES, NamedPlaceSchema, type BasemapInfo, type NamedPlace, type TileCoordinates } from "../../../shared/basemap/basemap-schemas.js";
import { OSM_ATTRIBUTION, PLACES_TABLE } from "../../../shared/basemap/street-map-file.js";
import { err, ok, type Result } from "../../../shared/result.js";

const VectorLayersSchema = z.object({ vector_layers: z.array(z.object({ id: z.string().min(1).max(100) })).max(100) });
const TileRowSchema = z.object({ tile_data: z.instanceof(Buffer) });

function isGzip(data: Buffer): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/**
 * The city's street map: an MBTiles file (SQLite) read in the core with better-sqlite3, so the
 * renderer needs no tile server and gets tiles through the console API like everything else.
 * Opened read-only; a file that is absent or not a street map leaves the console on its ward map.
 */
export class StreetMapStore {
  private readonly tileQuery: Database.Statement;

  private constructor(
    private readonly db: Database.Database,
    readonly info: Extract<BasemapInfo, { installed: true }>,
  ) {
    this.tileQuery = db.prepare("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
  }

  /** The store, null when no file is there, or why the file is unusable. */
  static open(file: string, nativeBinding?: string): Result<StreetMapStore | null> {
    if (!existsSync(file)) return ok(null);
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    } catch (e) {
      return err("internal", `The street map ${file} cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      const rows = db.prepare("SELECT name, value FROM metadata").all() as { name: string; value: string }[];
      const meta = new Map(rows.map((r) => [r.name, r.value]));
      const bounds = BboxSchema.safeParse((meta.get("bounds") ?? "").split(",").map(Number));
      const layers = VectorLayersSchema.safeParse(JSON.parse(meta.get("json") ?? "{}"));
      const minZoom = Number(meta.get("minzoom"));
      const maxZoom = Number(meta.get("maxzoom"));
      if (!bounds.success || !layers.success || !Number.isInteger(minZoom) || !Number.isInteger(maxZoom) || meta.get("format") !== "pbf") {
        db.close();
        return err("internal", `The street map ${file} is not a vector-tile MBTiles file made by npm run basemap.`);
      }
      return ok(
        new StreetMapStore(db, {
          installed: true,
          minZoom,
          maxZoom,
          bounds: bounds.data,
          layers: layers.data.vector_layers.map((l) => l.id),
          attribution: (meta.get("attribution") ?? OSM_ATTRIBUTION).slice(0, 500),
        }),
      );
    } catch (e) {
      db.close();
      return err("internal", `The street map ${file} is unreadable: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** One tile as uncompressed vector-tile bytes (maplibre parses what it is handed), or null. */
  tile({ z, x, y }: TileCoordinates): Buffer | null {
    // MBTiles numbers rows from the south (TMS); maplibre from the north (XYZ).
    const row = TileRowSchema.safeParse(this.tileQuery.get(z, x, 2 ** z - 1 - y));
    if (!row.success) return null;
    return isGzip(row.data.tile_data) ? gunzipSync(row.data.tile_data) : row.data.tile_data;
  }

  /** The names map search finds; none for a file made without them. */
  places(): NamedPlace[] {
    const table = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(PLACES_TABLE);
    if (table === undefined) return [];
    const rows = this.db.prepare(`SELECT name, ref, kind, lon, lat FROM ${PLACES_TABLE} LIMIT ?`).all(MAX_NAMED_PLACES);
    return rows.flatMap((row) => {
      const parsed = NamedPlaceSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  }

  close(): void {
    this.db.close();
  }
}
