import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { REPO_ROOT } from "../scripts/lib/backend-process.js";
import { spawnConsole } from "../scripts/lib/console-process.js";
import { freePort } from "../scripts/lib/free-port.js";
import { startBenchCity } from "./bench-city.js";
import { launchChromium, round, tempDir, type Figures } from "./harness.js";
import { startLinkCutter } from "./link-cutter.js";
import { slopeMbPerHour, type MemorySample } from "./memory-slope.js";
import { connectNodeInspector } from "./node-inspector.js";

/** A shift compressed: alarms ten times as often as the simulator's usual one per 20 s. */
const ALARM_INTERVAL_MS = 2_000;
const TOUR_SECONDS = 5;
const SAMPLE_EVERY_MS = 15_000;
/** The link to the backend drops this often, for this long. */
const CUT_EVERY_MS = 4 * 60_000;
const CUT_FOR_MS = 20_000;
/** Growth allowed after warm-up, per process (MB per hour). */
export const SOAK_SLOPE_LIMIT_MB_PER_H = 5;

export interface SoakSamples {
  rendererHeap: MemorySample[];
  domNodes: MemorySample[];
  core: MemorySample[];
  backend: MemorySample[];
}

export interface SoakResult {
  figures: Figures;
  samples: SoakSamples;
  /** Why the run fails (growth over the limit, stalled tiles), empty when it passes. */
  failures: string[];
}

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return line === undefined ? Number.NaN : Number(line.replace(/\D+/g, "")) / 1024;
}

/** The renderer's JS heap after a full collection, and its DOM nodes (attached or not yet collected). */
async function rendererMemory(cdp: CDPSession): Promise<{ heapMb: number; nodes: number }> {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const metrics = await cdp.send("Performance.getMetrics");
  const nodes = metrics.metrics.find((m) => m.name === "Nodes")?.value ?? Number.NaN;
  return { heapMb: heap.usedSize / (1024 * 1024), nodes };
}

// In-page code is a string: bench/ compiles without the DOM library.
// A tile gets a new player when its camera changes (React may replace the element or change its
// attribute): compare what each tile shows twice a second.
const COUNT_SWAPS = `(() => {
  window.__tileSwaps = 0;
  const shown = () => [...document.querySelectorAll('[data-testid="camera-tile"]')].map((t) => t.getAttribute("data-camera-id"));
  let last = shown();
  setInterval(() => {
    const now = shown();
    now.forEach((id, i) => { if (last[i] !== undefined && id !== last[i]) window.__tileSwaps += 1; });
    last = now;
  }, 500);
})()`;

const VIDEO_TIMES = `[...document.querySelectorAll('[data-testid="camera-tile"] video')].map((v) => v.currentTime)`;

/** Tiles whose video did not move over 5 s, once the tour is stopped and the wall has settled. */
async function stalledTiles(page: Page): Promise<number> {
  await page.getByTestId("tour-stop").click();
  await page.waitForTimeout(10_000);
  const before = (await page.evaluate(VIDEO_TIMES)) as number[];
  await page.waitForTimeout(5_000);
  const after = (await page.evaluate(VIDEO_TIMES)) as number[];
  return after.filter((t, i) => !(t > (before[i] ?? Number.POSITIVE_INFINITY))).length;
}

/**
 * An operator's shift, compressed into `minutes`: the combined window (map, 2x2 wall, queue) at
 * 1920x1080 with the wall on a 5 s tour, alarms every 2 s, the link to the backend dropped for
 * 20 s every 4 minutes. Every 15 s: the renderer's heap (after a collection) and DOM nodes, the
 * console process's and the backend's resident memory (after a collection in each of their
 * threads). Growth is fitted after the first 5 minutes
 * (a third of a shorter run).
 */
export async function runSoak(minutes: number, log: (line: string) => void = console.log): Promise<SoakResult> {
  // Everything the console and its page get from the backend (API, change stream, camera streams)
  // goes through the cutter: the backend is told it is reached there.
  const backendPort = await freePort();
  const link = await startLinkCutter(new URL(`http://127.0.0.1:${backendPort}`));
  // Both processes open an inspector on loopback so the bench can collect their garbage before
  // each reading: growth in memory that a collection frees is not what a shift accumulates.
  const [backendInspectPort, consoleInspectPort] = [await freePort(), await freePort()];
  const city = await startBenchCity({
    nodeArgs: [`--inspect=127.0.0.1:${backendInspectPort}`],
    dataDir: tempDir("soak-backend"),
    port: backendPort,
    extraArgs: ["--video-cache-dir", join(REPO_ROOT, ".cache", "test-video"), "--alarm-interval-ms", String(ALARM_INTERVAL_MS), "--public-url", link.url],
    consoles: 1,
  });
  const consoleApp = await spawnConsole({ backendUrl: link.url, dataDir: tempDir("soak-console"), port: city.consolePorts[0]!, bundled: true, nodeArgs: [`--inspect=127.0.0.1:${consoleInspectPort}`] });
  const inspectors = [await connectNodeInspector(consoleInspectPort), await connectNodeInspector(backendInspectPort)];
  const browser = await launchChromium();
  const samples: SoakSamples = { rendererHeap: [], domNodes: [], core: [], backend: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(consoleApp.url);
    await page.waitForSelector('[data-testid="camera-tile"][data-state="playing"]', { timeout: 120_000 });
    await page.locator('[data-testid="wall-layout-2x2"]').dispatchEvent("click");
    await page.evaluate(COUNT_SWAPS);
    await page.getByTestId("tour-interval").selectOption(String(TOUR_SECONDS));
    await page.getByTestId("tour-start").click();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");

    const started = Date.now();
    const endAt = started + minutes * 60_000;
    let nextCut = started + CUT_EVERY_MS;
    let cuts = 0;
    while (Date.now() < endAt) {
      const at = Date.now() - started;
      const renderer = await rendererMemory(cdp);
      for (const inspector of inspectors) await inspector.collectGarbageEverywhere();
      samples.rendererHeap.push({ atMs: at, mb: renderer.heapMb });
      samples.domNodes.push({ atMs: at, mb: renderer.nodes });
      samples.core.push({ atMs: at, mb: rssMb(consoleApp.child.pid) });
      samples.backend.push({ atMs: at, mb: rssMb(city.backend.child.pid) });
      const activeAlarms = await page.getByTestId("alarm-count").getAttribute("data-count");
      log(`soak ${round(at / 60_000, 1)} min: renderer heap ${round(renderer.heapMb)} MB, ${renderer.nodes} DOM nodes, ${activeAlarms} active alarms, console ${round(samples.core.at(-1)!.mb)} MB, backend ${round(samples.backend.at(-1)!.mb)} MB`);
      if (Date.now() >= nextCut && Date.now() + CUT_FOR_MS < endAt) {
        link.cut();
        cuts += 1;
        await page.waitForTimeout(CUT_FOR_MS);
        link.restore();
        nextCut += CUT_EVERY_MS;
      }
      await page.waitForTimeout(Math.max(0, Math.min(SAMPLE_EVERY_MS, endAt - Date.now())));
    }
    const swaps = (await page.evaluate("window.__tileSwaps")) as number;
    const stalled = await stalledTiles(page);
    const warmUpMs = Math.min(5 * 60_000, (minutes * 60_000) / 3);
    const slope = (s: MemorySample[]) => round(slopeMbPerHour(s, warmUpMs), 2);
    const figures: Figures = {
      "soak.minutes": { value: minutes, unit: "min" },
      "soak.renderer_heap_slope_mb_per_h": { value: slope(samples.rendererHeap), unit: "MB/h" },
      "soak.renderer_dom_nodes_max": { value: Math.max(...samples.domNodes.map((s) => s.mb)), unit: "nodes" },
      "soak.core_rss_slope_mb_per_h": { value: slope(samples.core), unit: "MB/h" },
      "soak.backend_rss_slope_mb_per_h": { value: slope(samples.backend), unit: "MB/h" },
      "soak.tile_swaps": { value: swaps, unit: "swaps" },
      "soak.stalled_tiles_at_end": { value: stalled, unit: "tiles" },
      "soak.link_cuts": { value: cuts, unit: "cuts" },
    };
    const failures: string[] = [];
    for (const name of ["soak.renderer_heap_slope_mb_per_h", "soak.core_rss_slope_mb_per_h", "soak.backend_rss_slope_mb_per_h"]) {
      const value = figures[name]!.value;
      if (!(value <= SOAK_SLOPE_LIMIT_MB_PER_H)) failures.push(`${name} is ${value} MB/h (limit ${SOAK_SLOPE_LIMIT_MB_PER_H}).`);
    }
    if (stalled > 0) failures.push(`${stalled} wall tile(s) stalled at the end.`);
    return { figures, samples, failures };
  } finally {
    for (const inspector of inspectors) inspector.close();
    await browser.close();
    await consoleApp.stop();
    await link.close();
    await city.stop();
  }
}
