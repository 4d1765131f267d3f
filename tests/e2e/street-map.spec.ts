import { expect, test, type Page } from "@playwright/test";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { PNG } from "pngjs";
// Brings window.__iocMapTest (the map's test hooks) into scope.
import type {} from "../../renderer/src/features/map/hooks/use-map-test-hooks.js";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
import { buildBasemap } from "../../scripts/basemap/build-basemap.js";
import { CITY_BBOX, MAP_PAN_MARGIN, padBbox } from "../../shared/basemap/street-map-file.js";
import { QL18_POINTS, syntheticOsmXml } from "../basemap/synthetic-osm.js";
import { startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";

interface MaplibreForTests {
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  isMoving(): boolean;
  getLayer(id: string): unknown;
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
}

async function openMap(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("map-pane")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await expect(page.getByTestId("map-layers")).toBeVisible();
}

/** Properties of the features maplibre drew in a layer (empty while the layer is not in the style). */
function rendered(page: Page, layer: string): Promise<Record<string, unknown>[]> {
  return page.evaluate((id) => {
    const map = window.__iocMap as unknown as MaplibreForTests;
    if (map.getLayer(id) === undefined) return [];
    return map.queryRenderedFeatures({ layers: [id] }).map((f) => f.properties);
  }, layer);
}

test.describe("street map", () => {
  let backend: BackendProcess;
  let withStreets: ConsoleProcess;
  let wardsOnly: ConsoleProcess;

  test.beforeAll(async () => {
    const work = tempDir("street-map");
    const osmFile = join(work, "city.osm");
    writeFileSync(osmFile, syntheticOsmXml());
    const streetMap = join(work, "city.mbtiles");
    const built = await buildBasemap({ osmFile, outFile: streetMap, bbox: padBbox(CITY_BBOX, MAP_PAN_MARGIN) });
    // A machine without the Debian tools: the build's one sentence (sudo npm run setup:system).
    if (!built.ok) throw new Error(built.error.message);
    backend = await startTestBackend();
    withStreets = await startTestConsole(backend.url, tempDir("console-streets"), undefined, ["--street-map", streetMap]);
    wardsOnly = await startTestConsole(backend.url, tempDir("console-wards"), undefined, ["--street-map", join(work, "none.mbtiles")]);
  });

  test.afterAll(async () => {
    await withStreets?.stop();
    await wardsOnly?.stop();
    await backend?.stop();
  });

  test("an operator finds QL18 by map search and the map flies there, with the road drawn from the street map's tiles", async ({ page }) => {
    await openMap(page, withStreets.url);
    await expect(page.getByTestId("street-map-status")).toHaveAttribute("data-installed", "true");
    await expect(page.locator(".maplibregl-ctrl-attrib")).toContainText("© OpenStreetMap contributors");

    await page.getByTestId("map-search").fill("ql 18");
    await expect(page.getByTestId("map-search-hit").first()).toContainText("Quốc lộ 18");
    await expect(page.getByTestId("map-search-hit").first()).toContainText("QL18");
    await page.getByTestId("map-search").press("Enter");

    await expect
      .poll(async () => {
        const { center, zoom, moving } = await page.evaluate(() => {
          const map = window.__iocMap as unknown as MaplibreForTests;
          return { center: map.getCenter(), zoom: map.getZoom(), moving: map.isMoving() };
        });
        const nearQl18 = QL18_POINTS.some(([lon, lat]) => Math.abs(center.lng - lon) < 0.002 && Math.abs(center.lat - lat) < 0.002);
        return !moving && nearQl18 && zoom >= 15;
      })
      .toBe(true);
    // The tiles came through the console API and maplibre decoded and drew them.
    await expect.poll(async () => (await rendered(page, "street-road-major")).some((p) => p["ref"] === "QL18")).toBe(true);
    await expect.poll(async () => (await rendered(page, "street-road-ref")).map((p) => p["ref"])).toContain("QL18");

    // Hidden from the layer panel, the street map and its credit go; shown again, they come back.
    await page.getByTestId("layer-toggle-streets").uncheck();
    await expect.poll(async () => (await rendered(page, "street-road-major")).length).toBe(0);
    await expect(page.locator(".maplibregl-ctrl-attrib")).not.toContainText("OpenStreetMap");
    await page.getByTestId("layer-toggle-streets").check();
    await expect.poll(async () => (await rendered(page, "street-road-major")).some((p) => p["ref"] === "QL18")).toBe(true);
    await expect(page.locator(".maplibregl-ctrl-attrib")).toContainText("© OpenStreetMap contributors");
  });

  test("accent-insensitive search finds a Vietnamese place and the river", async ({ page }) => {
    await openMap(page, withStreets.url);
    await page.getByTestId("map-search").fill("thuong yen cong");
    await expect(page.getByTestId("map-search-results")).toContainText("Thượng Yên Công");
    await page.getByTestId("map-search").fill("song uong");
    // The demo city's cameras by the river match too; the river itself, named exactly, comes first.
    await expect(page.getByTestId("map-search-hit").first()).toContainText("Sông Uông");
    await page.getByTestId("map-search-hit").first().click();
    await expect.poll(async () => (await rendered(page, "street-waterway")).some((p) => p["name"] === "Sông Uông")).toBe(true);
  });

  test("ward names are maplibre's own symbols, drawn over the streets at full resolution (sharp edges)", async ({ page }) => {
    await openMap(page, withStreets.url);
    await expect.poll(async () => (await rendered(page, "ward-label")).length).toBeGreaterThan(3);
    await expect.poll(async () => (await rendered(page, "street-road-major")).length).toBeGreaterThan(0);
    // Alone on the map (no marks over it), the sharpest step between neighbouring pixels in a
    // name: letters drawn at full resolution go from halo to letter within a pixel or two.
    await page.evaluate(() => window.__iocMapTest!.setOperationalLayers(false));
    await page.waitForTimeout(500);
    const box = await page.evaluate(() => {
      const map = window.__iocMap as unknown as MaplibreForTests & { project(p: [number, number]): { x: number; y: number } };
      const name = map.queryRenderedFeatures({ layers: ["ward-label"] }).find((f) => f.properties["name"] === "Thanh Sơn");
      const geometry = (name as unknown as { geometry: { coordinates: [number, number] } } | undefined)?.geometry;
      if (geometry === undefined) return null;
      const at = map.project(geometry.coordinates);
      const canvas = document.querySelector('[data-testid="map-pane"] canvas')!.getBoundingClientRect();
      return { x: Math.round(canvas.left + at.x - 45), y: Math.round(canvas.top + at.y - 10), width: 90, height: 20 };
    });
    expect(box, "Thanh Sơn is drawn").not.toBeNull();
    const png = PNG.sync.read(await page.screenshot({ clip: box! }));
    let sharpest = 0;
    const luma = (i: number) => 0.2126 * png.data[i]! + 0.7152 * png.data[i + 1]! + 0.0722 * png.data[i + 2]!;
    for (let y = 0; y < png.height; y++) {
      for (let x = 1; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        sharpest = Math.max(sharpest, Math.abs(luma(i) - luma(i - 4)));
      }
    }
    // Letter (luma ~220) against halo (~10): about 160 measured here. An edge spread over two
    // pixels, as on a half-resolution canvas scaled up, steps at most about half of that.
    expect(sharpest).toBeGreaterThan(120);
  });

  test("without a street map the console keeps the ward map and says how to add one", async ({ page }) => {
    await openMap(page, wardsOnly.url);
    const status = page.getByTestId("street-map-status");
    await expect(status).toHaveAttribute("data-installed", "false");
    await expect(status).toContainText("npm run basemap");
    await expect(page.locator(".maplibregl-ctrl-attrib")).not.toContainText("OpenStreetMap");
    expect(await rendered(page, "street-road-major")).toEqual([]);
    await expect.poll(async () => (await rendered(page, "ward-label")).length).toBeGreaterThan(3);
  });
});
