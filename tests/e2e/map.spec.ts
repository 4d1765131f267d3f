import { expect, test, type Page } from "@playwright/test";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
// Brings window.__iocMapTest (the map's test hooks) into scope.
import type {} from "../../renderer/src/features/map/hooks/use-map-test-hooks.js";
import { mapCenter, projectToPage } from "./harness/map.js";
import { colourDistance, pixelsAt, type Rgb } from "./harness/pixels.js";
import { startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";

type LonLat = [number, number];
interface Entity {
  entity: string;
  id: string;
  data: Record<string, unknown>;
}

const WARD_NAMES = [
  "Vàng Danh",
  "Thanh Sơn",
  "Bắc Sơn",
  "Quang Trung",
  "Trưng Vương",
  "Nam Khê",
  "Yên Thanh",
  "Phương Đông",
  "Phương Nam",
  "Thượng Yên Công",
  "Điền Công",
];
/** Online camera fill on the dark style (map-colours.ts CAMERA_RGBA.online). */
const CAMERA_ONLINE: Rgb = [56, 214, 190];

function insideRing([x, y]: LonLat, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The latest version of every entity the backend recorded. */
async function backendEntities(backendUrl: string, entity: string): Promise<Entity[]> {
  const latest = new Map<string, Entity>();
  let after = 0;
  for (;;) {
    const res = await backendFetch(`${backendUrl}/api/v1/changes?after=${after}&limit=5000`);
    const page = (await res.json()) as { changes: (Entity & { seq: number })[]; hasMore: boolean };
    for (const change of page.changes) {
      if (change.entity === entity) latest.set(change.id, change);
      after = change.seq;
    }
    if (!page.hasMore) return [...latest.values()];
  }
}

async function openMap(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("map-pane")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await expect(page.getByTestId("map-layers")).toBeVisible();
  // The core remembers the selection between pages: start each test from the whole city.
  if (await page.getByTestId("map-nearest-close").isVisible()) await page.getByTestId("map-nearest-close").click();
  if (await page.getByTestId("map-ward-clear").isVisible()) await page.getByTestId("map-ward-clear").click();
  await expect(page.getByTestId("map-pane")).toHaveAttribute("data-ward-filter", "");
  await expect(page.getByTestId("map-nearest-cameras")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => (window.__iocMap as unknown as { isMoving(): boolean }).isMoving())).toBe(false);
  // deck.gl draws after the basemap: wait until the operational layers answer hit tests.
  await expect.poll(() => page.evaluate(() => window.__iocMapTest !== undefined)).toBe(true);
}

/** The key of the mark the map's own hit test finds at a page point. */
async function markAt(page: Page, point: { x: number; y: number }): Promise<string | null> {
  return page.evaluate(({ x, y }) => {
    const canvas = document.querySelector('[data-testid="map-pane"] canvas');
    const rect = (canvas ?? document.body).getBoundingClientRect();
    return window.__iocMapTest?.hitTest(x - rect.left, y - rect.top) ?? null;
  }, point);
}

/** An online camera that is on screen, clear of the side panels, and not covered by an alarm. */
async function visibleCamera(page: Page, backendUrl: string): Promise<{ id: string; point: { x: number; y: number } }> {
  const cameras = await backendEntities(backendUrl, "camera");
  const box = (await page.getByTestId("map-pane").boundingBox())!;
  const panel = (await page.getByTestId("map-layers").boundingBox())!;
  for (const camera of cameras) {
    if (camera.data["status"] !== "online") continue;
    const point = await projectToPage(page, camera.data["location"] as LonLat);
    const inside = point.x > box.x + 20 && point.x < box.x + box.width - 60 && point.y > box.y + 60 && point.y < box.y + box.height - 40;
    const underPanel = point.x < panel.x + panel.width + 20 && point.y < panel.y + panel.height + 20;
    if (inside && !underPanel && (await markAt(page, point)) === `camera:${camera.id}`) return { id: camera.id, point };
  }
  throw new Error("no online camera visible on its own");
}

test.describe("city map", () => {
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;

  test.beforeAll(async () => {
    // With video, cameras are online (without it the backend reports them offline).
    backend = await startTestBackend({ video: true });
    consoleApp = await startTestConsole(backend.url, tempDir("console-map"));
  });

  test.afterAll(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("the 11 ward names appear, with their diacritics, as the operator zooms in", async ({ page }) => {
    await openMap(page, consoleApp.url);
    await expect.poll(() => page.evaluate(() => window.__iocMapTest!.drawnLabels().length)).toBeGreaterThan(5);
    const seen = new Set(await page.evaluate(() => window.__iocMapTest!.drawnLabels()));
    // Overlapping names are left out at city zoom; one level closer they have room.
    const zoom = await page.evaluate(() => window.__iocMap!.getZoom());
    await page.evaluate((z) => (window.__iocMap as unknown as { jumpTo(o: { zoom: number }): void }).jumpTo({ zoom: z + 1 }), zoom);
    await expect.poll(async () => {
      for (const name of await page.evaluate(() => window.__iocMapTest!.drawnLabels())) seen.add(name);
      return WARD_NAMES.filter((name) => !seen.has(name));
    }).toEqual([]);
  });

  test("the attribution control credits the ward boundaries", async ({ page }) => {
    await openMap(page, consoleApp.url);
    await expect(page.locator(".maplibregl-ctrl-attrib")).toContainText("censusVN2009");
    await expect(page.locator(".maplibregl-ctrl-attrib")).toContainText("Marc Choisy");
  });

  test("on a CPU-rendered page (this headless browser) the overlay draws at half resolution, the basemap at full", async ({ page }) => {
    await openMap(page, consoleApp.url);
    await expect.poll(() => page.locator('[data-testid="map-pane"] canvas').count()).toBe(2);
    const ratios = () =>
      page.evaluate(() => {
        const basemap = (window.__iocMap as unknown as { getCanvas(): HTMLCanvasElement }).getCanvas();
        const deckCanvas = ([...document.querySelectorAll('[data-testid="map-pane"] canvas')] as HTMLCanvasElement[]).find((c) => c !== basemap);
        const probe = document.createElement("canvas").getContext("webgl2");
        const info = probe?.getExtension("WEBGL_debug_renderer_info");
        const renderer = probe && info ? String(probe.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "";
        return { renderer, basemap: basemap.width / basemap.clientWidth, overlay: deckCanvas === undefined ? 0 : deckCanvas.width / deckCanvas.clientWidth };
      });
    // deck.gl sizes its canvas's drawing buffer on its first frame, a moment after adding the canvas.
    await expect.poll(async () => Math.round((await ratios()).overlay * 10) / 10).toBe(0.5);
    const settled = await ratios();
    expect(settled.renderer).toMatch(/swiftshader/i);
    expect(settled.basemap).toBeCloseTo(1, 1);
    expect(settled.overlay).toBeCloseTo(0.5, 1);
  });

  test("the camera layer toggle hides camera points (pixel check at a camera)", async ({ page }) => {
    await openMap(page, consoleApp.url);
    const { id, point } = await visibleCamera(page, backend.url);
    const [before] = await pixelsAt(page, [point]);
    expect(colourDistance(before!, CAMERA_ONLINE)).toBeLessThan(60);
    await page.getByTestId("layer-toggle-cameras").uncheck();
    await expect.poll(() => markAt(page, point)).not.toBe(`camera:${id}`);
    await expect.poll(async () => colourDistance((await pixelsAt(page, [point]))[0]!, CAMERA_ONLINE)).toBeGreaterThan(100);
    await page.getByTestId("layer-toggle-cameras").check();
    await expect.poll(async () => colourDistance((await pixelsAt(page, [point]))[0]!, CAMERA_ONLINE)).toBeLessThan(60);
  });

  test("clicking a camera opens its live view on the map", async ({ page }) => {
    await openMap(page, consoleApp.url);
    const { id, point } = await visibleCamera(page, backend.url);
    await page.mouse.click(point.x, point.y);
    const popup = page.getByTestId("map-camera-popup");
    await expect(popup).toHaveAttribute("data-camera-id", id);
    // hls.js attached a MediaSource to the tile's video: the live view is loading that camera.
    await expect.poll(() => popup.locator("video").evaluate((v: HTMLVideoElement) => v.src)).toMatch(/^blob:/);
    await popup.getByTestId("map-camera-close").click();
    await expect(popup).toHaveCount(0);
  });

  test("selecting an alarm in the queue moves the map to it and offers the nearest cameras", async ({ page }) => {
    await openMap(page, consoleApp.url);
    const alarms = await backendEntities(backend.url, "alarm");
    const row = page.getByTestId("alarm-row").nth(2);
    const alarmId = (await row.getAttribute("data-alarm-id"))!;
    const [lon, lat] = alarms.find((a) => a.id === alarmId)!.data["location"] as LonLat;
    const distance = (c: { lng: number; lat: number }) => Math.hypot(c.lng - lon, c.lat - lat);
    const before = distance(await mapCenter(page));
    await page.evaluate(() => {
      const counted = window as unknown as { __moves: number };
      counted.__moves = 0;
      (window.__iocMap as unknown as { on(type: string, listener: () => void): void }).on("move", () => (counted.__moves += 1));
    });
    await row.click();
    await expect.poll(async () => distance(await mapCenter(page))).toBeLessThan(before / 4);
    // WebGL here is SwiftShader (a CPU renderer): the map jumps (one move) instead of flying (a move per frame).
    expect(await page.evaluate(() => (window as unknown as { __moves: number }).__moves)).toBe(1);
    await expect(page.getByTestId("map-nearest-cameras")).toHaveAttribute("data-alarm-id", alarmId);
    await expect(page.getByTestId("map-nearest-camera").first()).toBeVisible();
  });

  test("clicking an alarm on the map selects it in the queue", async ({ page }) => {
    await openMap(page, consoleApp.url);
    const alarms = await backendEntities(backend.url, "alarm");
    const rows = await page.getByTestId("alarm-row").evaluateAll((els) => els.map((e) => e.getAttribute("data-alarm-id")));
    for (const id of rows) {
      const alarm = alarms.find((a) => a.id === id);
      if (alarm === undefined) continue;
      const point = await projectToPage(page, alarm.data["location"] as LonLat);
      if ((await markAt(page, point)) !== `alarm:${id}`) continue;
      await page.mouse.click(point.x, point.y);
      await expect(page.locator(`[data-testid="alarm-row"][data-alarm-id="${id}"]`)).toHaveAttribute("aria-selected", "true");
      return;
    }
    throw new Error("no alarm clickable on the map");
  });

  test("clicking a ward filters the map to it and shows its open alarms and cameras", async ({ page }) => {
    await openMap(page, consoleApp.url);
    const wards = await backendEntities(backend.url, "ward");
    const bacSon = wards.find((w) => w.data["name"] === "Bắc Sơn")!;
    const ring = (bacSon.data["boundary"] as { coordinates: LonLat[][] }).coordinates[0]!;
    const cameras = (await backendEntities(backend.url, "camera")).filter((c) => c.data["wardCode"] === bacSon.data["code"]);
    // Try points inside the ward's box until one is in the ward and clear of marks.
    const [minLon, maxLon] = [Math.min(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[0]))];
    const [minLat, maxLat] = [Math.min(...ring.map((p) => p[1])), Math.max(...ring.map((p) => p[1]))];
    for (let i = 1; i < 10; i++) {
      for (let j = 1; j < 10; j++) {
        const lonLat: LonLat = [minLon + ((maxLon - minLon) * i) / 10, minLat + ((maxLat - minLat) * j) / 10];
        if (!insideRing(lonLat, ring)) continue;
        const point = await projectToPage(page, lonLat);
        if ((await markAt(page, point)) !== null) continue;
        await page.mouse.click(point.x, point.y);
        await expect(page.getByTestId("map-pane")).toHaveAttribute("data-ward-filter", String(bacSon.data["code"]));
        const panel = page.getByTestId("map-ward-panel");
        await expect(panel).toHaveAttribute("data-ward-code", String(bacSon.data["code"]));
        await expect(panel.getByTestId("map-ward-camera-count")).toContainText(String(cameras.length));
        await expect(panel.getByTestId("map-ward-alarm-count")).toContainText(/\d/);
        await panel.getByTestId("map-ward-clear").click();
        await expect(page.getByTestId("map-pane")).toHaveAttribute("data-ward-filter", "");
        return;
      }
    }
    throw new Error("no clear point inside Bắc Sơn");
  });

  test("the day style is light and the night style dark", async ({ page }) => {
    await openMap(page, consoleApp.url);
    const box = (await page.getByTestId("map-pane").boundingBox())!;
    const corner = { x: box.x + box.width - 30, y: box.y + box.height - 60 };
    const brightness = async () => (await pixelsAt(page, [corner]))[0]!.reduce((a, b) => a + b, 0);
    expect(await brightness()).toBeLessThan(150);
    await page.getByTestId("map-theme-light").click();
    await expect(page.getByTestId("map-pane")).toHaveAttribute("data-theme", "light");
    await expect.poll(brightness).toBeGreaterThan(500);
    await page.getByTestId("map-theme-dark").click();
    await expect.poll(brightness).toBeLessThan(150);
  });

  test("no request leaves the page's origin except to the backend on loopback", async ({ page }) => {
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await openMap(page, consoleApp.url);
    // Exercise the map: zoom to street level, toggle the heatmap and the day style.
    await page.evaluate(() => (window.__iocMap as unknown as { jumpTo(o: { zoom: number }): void }).jumpTo({ zoom: 16 }));
    await page.getByTestId("layer-toggle-heatmap").check();
    await page.getByTestId("map-theme-light").click();
    await page.getByTestId("map-theme-dark").click();
    await page.waitForLoadState("networkidle");
    const allowed = new Set([new URL(consoleApp.url).origin, new URL(backend.url).origin]);
    expect(new URL(backend.url).hostname).toMatch(/^(127\.0\.0\.1|localhost|\[::1\])$/);
    const outside = urls.filter((url) => !url.startsWith("data:") && !url.startsWith("blob:") && !allowed.has(new URL(url).origin));
    expect(urls.length).toBeGreaterThan(3);
    expect(outside).toEqual([]);
  });

  test("the map recovers from a lost WebGL context and says so", async ({ page }) => {
    await openMap(page, consoleApp.url);
    const { point } = await visibleCamera(page, backend.url);
    // The basemap's context: maplibre restores it when the browser gives it back.
    await page.evaluate(() => {
      const canvas = window.__iocMap as unknown as { getCanvas(): HTMLCanvasElement };
      const gl = canvas.getCanvas().getContext("webgl2") ?? canvas.getCanvas().getContext("webgl");
      const ext = gl?.getExtension("WEBGL_lose_context");
      if (!ext) throw new Error("no WEBGL_lose_context");
      (window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
      ext.loseContext();
    });
    await expect(page.getByTestId("map-notice")).toHaveAttribute("data-state", "lost");
    await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
    await expect(page.getByTestId("map-notice")).toHaveAttribute("data-state", "recovered");
    const box = (await page.getByTestId("map-pane").boundingBox())!;
    const corner = { x: box.x + box.width - 30, y: box.y + box.height - 60 };
    const wards = await backendEntities(backend.url, "ward");
    const ring = (wards.find((w) => w.data["name"] === "Thượng Yên Công")!.data["boundary"] as { coordinates: LonLat[][] }).coordinates[0]!;
    const inWard = await projectToPage(page, [(Math.min(...ring.map((p) => p[0])) + Math.max(...ring.map((p) => p[0]))) / 2, (Math.min(...ring.map((p) => p[1])) + Math.max(...ring.map((p) => p[1]))) / 2]);
    await expect.poll(async () => {
      const [ward, background] = await pixelsAt(page, [inWard, corner]);
      return colourDistance(ward!, background!);
    }).toBeGreaterThan(12);

    // deck.gl's context: the overlay is rebuilt on a new canvas and the cameras come back.
    await page.evaluate(() => {
      const canvases = [...document.querySelectorAll('[data-testid="map-pane"] canvas')] as HTMLCanvasElement[];
      const basemap = (window.__iocMap as unknown as { getCanvas(): HTMLCanvasElement }).getCanvas();
      const deckCanvas = canvases.find((c) => c !== basemap);
      const gl = deckCanvas?.getContext("webgl2");
      const ext = gl?.getExtension("WEBGL_lose_context");
      if (!ext) throw new Error("no deck.gl canvas with WEBGL_lose_context");
      ext.loseContext();
    });
    await expect(page.getByTestId("map-notice")).toHaveAttribute("data-recoveries", "2");
    await expect(page.getByTestId("map-notice")).toHaveAttribute("data-state", "recovered");
    await expect.poll(async () => colourDistance((await pixelsAt(page, [point]))[0]!, CAMERA_ONLINE)).toBeLessThan(60);
    await expect.poll(() => page.locator('[data-testid="map-pane"] canvas').count()).toBe(2);
  });
});
