import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CITY_BBOX, MAP_PAN_MARGIN, padBbox } from "../../shared/basemap/street-map-file.js";
import { buildBasemap, type BasemapSummary } from "../../scripts/basemap/build-basemap.js";
import { findBasemapTools } from "../../scripts/basemap/system-tools.js";
import { StreetMapStore } from "../../electron/core/basemap/street-map-store.js";
import { answerBasemapRequest } from "../../electron/core/basemap/basemap-requests.js";
import { decodeTile, tileAt } from "./decode-tile.js";
import { QL18_POINTS, syntheticOsmXml } from "./synthetic-osm.js";

const work = mkdtempSync(join(tmpdir(), "ioc-street-map-"));
const osmFile = join(work, "city.osm");
const outFile = join(work, "maps", "city.mbtiles");
let summary: BasemapSummary;
let store: StreetMapStore;

beforeAll(async () => {
  writeFileSync(osmFile, syntheticOsmXml());
  const built = await buildBasemap({ osmFile, outFile, bbox: padBbox(CITY_BBOX, MAP_PAN_MARGIN) });
  // A machine without the Debian tools gets the build's own sentence (naming setup:system) here.
  if (!built.ok) throw new Error(built.error.message);
  summary = built.value;
  const opened = StreetMapStore.open(outFile);
  if (!opened.ok || opened.value === null) throw new Error(opened.ok ? "no street map was written" : opened.error.message);
  store = opened.value;
});

afterAll(() => {
  store?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("npm run basemap on a synthetic extract", () => {
  it("writes one MBTiles file with the layers the style draws, zooms 10 to 14, and the OSM attribution", () => {
    expect(summary.tiles).toBeGreaterThan(10);
    const { info } = store;
    expect(info.minZoom).toBe(10);
    expect(info.maxZoom).toBe(14);
    for (const layer of ["road", "railway", "waterway", "water", "building", "place", "landuse", "boundary"]) expect(info.layers).toContain(layer);
    expect(info.attribution).toBe("© OpenStreetMap contributors");
  });

  it("has QL18 with its number and Vietnamese name, the river and the places in the tiles, from the city view to street level", () => {
    for (const z of [10, 12, 14]) {
      const [lon, lat] = QL18_POINTS[2];
      const bytes = store.tile(tileAt(lon, lat, z));
      expect(bytes, `a tile at z${z}`).not.toBeNull();
      const layers = decodeTile(bytes!);
      const roads = layers.get("road") ?? [];
      expect(roads.some((r) => r.ref === "QL18" && r.name === "Quốc lộ 18" && r.class === "trunk"), `QL18 at z${z}`).toBe(true);
    }
    const street = decodeTile(store.tile(tileAt(106.765, 21.036, 14))!);
    expect((street.get("place") ?? []).map((p) => p.name)).toContain("Uông Bí");
    expect(street.get("building")?.length ?? 0).toBeGreaterThan(0);
    const river = decodeTile(store.tile(tileAt(106.75, 21.02, 13))!);
    expect((river.get("waterway") ?? []).some((w) => w.name === "Sông Uông" && w.class === "river")).toBe(true);
    const lake = decodeTile(store.tile(tileAt(106.705, 21.065, 14))!);
    expect((lake.get("water") ?? []).some((w) => w.name === "Hồ Yên Trung")).toBe(true);
  });

  it("keeps buildings and small streets out of the city view", () => {
    const city = decodeTile(store.tile(tileAt(106.76, 21.03, 10))!);
    expect(city.get("building")).toBeUndefined();
    expect((city.get("road") ?? []).some((r) => r.class === "minor")).toBe(false);
  });

  it("stores one searchable name per street, place and water, on the feature itself", () => {
    const places = store.places();
    const ql18 = places.filter((p) => p.ref === "QL18");
    expect(ql18).toHaveLength(1);
    expect(ql18[0]).toMatchObject({ name: "Quốc lộ 18", kind: "street" });
    expect(QL18_POINTS.some(([lon, lat]) => lon === ql18[0]!.lon && lat === ql18[0]!.lat)).toBe(true);
    const names = places.map((p) => `${p.kind}:${p.name}`);
    for (const name of ["place:Uông Bí", "place:Vàng Danh", "place:Thượng Yên Công", "water:Sông Uông", "water:Hồ Yên Trung", "street:Phố Trần Hưng Đạo"]) expect(names).toContain(name);
  });

  it("answers the console API only to a signed-in console, and says when no street map is installed", () => {
    expect(answerBasemapRequest({ type: "basemap.info" }, store, false)).toMatchObject({ ok: false, error: { kind: "unauthenticated" } });
    expect(answerBasemapRequest({ type: "basemap.info" }, null, true)).toEqual({ ok: true, value: { installed: false } });
    const tile = answerBasemapRequest({ type: "basemap.tile", tile: tileAt(106.76, 21.034, 14) }, store, true);
    expect(tile.ok && typeof tile.value === "object" && tile.value !== null && "data" in tile.value && typeof tile.value.data === "string").toBe(true);
    expect(answerBasemapRequest({ type: "basemap.tile", tile: { z: 14, x: 0, y: 0 } }, store, true)).toEqual({ ok: true, value: { data: null } });
  });
});

describe("npm run basemap refuses clearly", () => {
  it("a missing extract", async () => {
    const built = await buildBasemap({ osmFile: join(work, "absent.osm.pbf"), outFile: join(work, "x.mbtiles"), bbox: CITY_BBOX });
    expect(built).toMatchObject({ ok: false, error: { message: expect.stringContaining("does not exist") } });
  });

  it("an empty extract", async () => {
    const empty = join(work, "empty.osm");
    writeFileSync(empty, "");
    const built = await buildBasemap({ osmFile: empty, outFile: join(work, "x.mbtiles"), bbox: CITY_BBOX });
    expect(built).toMatchObject({ ok: false, error: { message: expect.stringContaining("is empty") } });
  });

  it("an extract with nothing inside the box", async () => {
    const built = await buildBasemap({ osmFile, outFile: join(work, "x.mbtiles"), bbox: [100, 10, 101, 11] });
    expect(built).toMatchObject({ ok: false, error: { message: expect.stringContaining("inside the box 100,10,101,11") } });
  });

  it("a machine without osmium or tilemaker: one sentence naming sudo npm run setup:system", () => {
    const found = findBasemapTools(join(work, "no-tools-here"));
    expect(found.ok).toBe(false);
    if (!found.ok) {
      expect(found.error.message).toContain("sudo npm run setup:system");
      expect(found.error.message).toContain("osmium-tool");
      expect(found.error.message).not.toContain("ENOENT");
    }
  });
});
