import { startBenchCity, startBenchConsole } from "./bench-city.js";
import { clickToSelection } from "./map-click.js";
import { buildBenchStreetMap } from "./street-city.js";
import { launchChromium, median, percentile, round, tempDir, type Benchmark } from "./harness.js";

const POINTS = 100_000;
const ALARMS = 10_000;
const PAN_FRAMES = 24;
const PAN_ROUNDS = 3;
const PICKS = 400;

/** What the bench uses of window.__iocMapTest (renderer/src/hooks/use-map-test-hooks.ts; Node code may not import it). */
interface MapTestHooks {
  loadSynthetic(points: number, alarms: number): Promise<number>;
  hitTest(x: number, y: number): string | null;
  setOperationalLayers(visible: boolean): void;
}

interface PanMap {
  panBy(offset: [number, number], options: { animate: boolean }): void;
  getLayer(id: string): unknown;
  queryRenderedFeatures(options: { layers: string[] }): unknown[];
}

/** The page's globals the evaluated functions use (this file compiles without the DOM library). */
interface PageGlobals {
  __iocMap: PanMap;
  __iocMapTest?: MapTestHooks;
  requestAnimationFrame(callback: (time: number) => void): number;
  document: { querySelector(selector: string): { getBoundingClientRect(): { width: number; height: number } } | null };
}

/**
 * The map under load: 100,000 sensor/camera points and 10,000 alarms made in the page (window
 * hook, not the backend), at 1600x900 in headless Chromium (SwiftShader: WebGL on the CPU), over
 * a street map of city size (a synthetic grid of about 20,000 ways, built before the clock starts).
 * - first frame: from handing the points over to the first deck.gl frame that draws them;
 * - pan: median rAF-to-rAF interval while panning a few px a frame, with the operational layers
 *   vs with them switched off (basemap alone: wards and streets), alternated in the same page so
 *   load drifts cancel;
 * - pick: the in-memory hit test hover and click use, at random points of the map (map.pick_ms);
 * - click to selection: a real click on a real alarm until its queue row is drawn selected (map-click.ts).
 */
export const mapBenchmark: Benchmark = {
  name: "map",
  async run() {
    const city = await startBenchCity({ dataDir: tempDir("map-backend"), extraArgs: ["--no-video", "--no-simulator"], consoles: 1 });
    const backend = city.backend;
    const streetMap = await buildBenchStreetMap(tempDir("map-streets"));
    const consoleApp = await startBenchConsole(city, { dataDir: tempDir("map-console"), streetMap });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      const page = await context.newPage();
      await page.goto(consoleApp.url);
      await page.waitForSelector('[data-testid="map-pane"][data-ready="true"]', { timeout: 90_000 });
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__iocMapTest !== undefined, null, { timeout: 30_000 });
      // The street map is timed as part of the basemap: wait until its roads are drawn.
      await page.waitForSelector('[data-testid="street-map-status"][data-installed="true"]', { timeout: 30_000 });
      await page.waitForFunction(
        () => {
          const map = (globalThis as unknown as PageGlobals).__iocMap;
          return map.getLayer("street-road-major") !== undefined && map.queryRenderedFeatures({ layers: ["street-road-major"] }).length > 0;
        },
        null,
        { timeout: 30_000 },
      );
      // Let the first paint and the font settle before timing anything.
      await page.waitForTimeout(2000);

      const firstFrame = await page.evaluate(
        ([points, alarms]) => (globalThis as unknown as PageGlobals).__iocMapTest!.loadSynthetic(points, alarms),
        [POINTS, ALARMS] as const,
      );
      await page.waitForTimeout(1500);

      const panOnce = (round: number) =>
        page.evaluate(
          async ([frames, direction]) => {
            const map = (globalThis as unknown as PageGlobals).__iocMap;
            // No named helpers in here: tsx would wrap them in a __name() the page does not have.
            const intervals: number[] = [];
            let last = await new Promise<number>((resolve) => (globalThis as unknown as PageGlobals).requestAnimationFrame(resolve));
            for (let i = 0; i < frames; i++) {
              map.panBy([direction * 6, 0], { animate: false });
              const now = await new Promise<number>((resolve) => (globalThis as unknown as PageGlobals).requestAnimationFrame(resolve));
              intervals.push(now - last);
              last = now;
            }
            intervals.sort((a, b) => a - b);
            return intervals[Math.floor(intervals.length / 2)]!;
          },
          [PAN_FRAMES, round % 2 === 0 ? 1 : -1] as const,
        );
      const setLayers = async (on: boolean) => {
        await page.evaluate((value) => (globalThis as unknown as PageGlobals).__iocMapTest!.setOperationalLayers(value), on);
        await page.waitForTimeout(800);
      };

      const basemap: number[] = [];
      const full: number[] = [];
      for (let round = 0; round < PAN_ROUNDS; round++) {
        await setLayers(false);
        basemap.push(await panOnce(round));
        await setLayers(true);
        full.push(await panOnce(round));
      }

      const picks = await page.evaluate((count) => {
        // performance.now() is coarse (0.1 ms) outside isolated pages: time the whole batch too.
        const hooks = (globalThis as unknown as PageGlobals).__iocMapTest!;
        const canvas = (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="map-pane"] canvas')!.getBoundingClientRect();
        let seed = 7;
        const times: number[] = [];
        let hits = 0;
        const start = performance.now();
        for (let i = 0; i < count; i++) {
          seed = (seed * 16807) % 2147483647;
          const x = (seed / 2147483647) * canvas.width;
          seed = (seed * 16807) % 2147483647;
          const y = (seed / 2147483647) * canvas.height;
          const t0 = performance.now();
          if (hooks.hitTest(x, y) !== null) hits += 1;
          times.push(performance.now() - t0);
        }
        return { times, hits, meanMs: (performance.now() - start) / count };
      }, PICKS);

      await context.close();
      const clicks = await clickToSelection(browser, consoleApp.url, city.url);
      console.log(`map clicks: ${clicks.times.length} selected, ${clicks.missed} missed, ${clicks.hidden} alarms not clickable (under another mark); ms ${clicks.times.map((v) => round(v)).join(", ")}`);
      const basemapMs = median(basemap);
      const fullMs = median(full);
      console.log(`pan frame: basemap ${basemap.map((v) => round(v)).join("/")} ms, with layers ${full.map((v) => round(v)).join("/")} ms; picks hit ${picks.hits}/${PICKS}`);
      return {
        "map.first_frame_100k_ms": { value: round(firstFrame), unit: "ms" },
        "map.pan_frame_basemap_ms": { value: round(basemapMs), unit: "ms" },
        "map.pan_frame_100k_ms": { value: round(fullMs), unit: "ms" },
        "map.pan_frame_ratio_vs_basemap": { value: round(fullMs / basemapMs, 2), unit: "ratio" },
        "map.pick_ms": { value: round(picks.meanMs, 3), unit: "ms" },
        "map.pick_p99_ms": { value: round(percentile(picks.times, 99), 3), unit: "ms" },
        "map.click_to_selection_p50_ms": { value: round(percentile(clicks.times, 50)), unit: "ms" },
        "map.click_to_selection_p95_ms": { value: round(percentile(clicks.times, 95)), unit: "ms" },
      };
    } finally {
      await browser.close();
      await consoleApp.stop();
      await backend.stop();
    }
  },
};
