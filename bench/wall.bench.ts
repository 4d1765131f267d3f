import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { REPO_ROOT, spawnBackend } from "../scripts/lib/backend-process.js";
import { spawnConsole } from "../scripts/lib/console-process.js";
import { cameraOutagePath } from "../shared/protocol/simulator.js";
import { launchChromium, median, percentile, round, tempDir, type Benchmark } from "./harness.js";

/** Tile counts tried, smallest first; the wall's layouts offer these (25 is capped by the 22 cameras). */
const LADDER = [4, 9, 16, 25] as const;
const WALL_LAYOUT: Record<(typeof LADDER)[number], string> = { 4: "2x2", 9: "3x3", 16: "4x4", 25: "5x5" };
const WARM_UP_MS = 6_000;
const MEASURE_MS = 6_000;
const CAMERA_COUNT = 22;

interface Quality {
  tiles: number;
  dropped: number;
  total: number;
  advancing: number;
}

/** Frames decoded and dropped by every video on the page over MEASURE_MS, and how many advanced. */
async function measureQuality(page: Page): Promise<Quality> {
  // In-page scripts are strings: this file compiles without the DOM library.
  const sample = () =>
    page.evaluate(`[...document.querySelectorAll("video")].map((v) => {
      const q = v.getVideoPlaybackQuality();
      return { dropped: q.droppedVideoFrames, total: q.totalVideoFrames, time: v.currentTime };
    })`) as Promise<{ dropped: number; total: number; time: number }[]>;
  const before = await sample();
  await page.waitForTimeout(MEASURE_MS);
  const after = await sample();
  let dropped = 0;
  let total = 0;
  let advancing = 0;
  after.forEach((a, i) => {
    const b = before[i] ?? { dropped: 0, total: 0, time: 0 };
    dropped += a.dropped - b.dropped;
    total += a.total - b.total;
    if (a.time > b.time + MEASURE_MS / 2000) advancing += 1;
  });
  return { tiles: after.length, dropped, total, advancing };
}

/** Smooth: every video advancing and under 1% of frames dropped. */
const smooth = (q: Quality, tiles: number) => q.tiles >= tiles && q.advancing >= tiles && q.total > 0 && q.dropped / q.total < 0.01;

/** CPU of all Chromium processes, in % of one core, over `ms` (Linux /proc). */
async function chromiumCpu(page: Page, ms: number): Promise<number> {
  const ticks = () => {
    let sum = 0;
    for (const pid of listChromiumPids()) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        sum += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      } catch {
        // The process ended during the measurement.
      }
    }
    return sum;
  };
  const t0 = ticks();
  await page.waitForTimeout(ms);
  // Linux clock ticks are 100 per second.
  return ((ticks() - t0) / 100 / (ms / 1000)) * 100;
}

function listChromiumPids(): number[] {
  const pids: number[] = [];
  for (const entry of readDirSafe("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim().startsWith("chromium")) pids.push(Number(entry));
    } catch {
      // Gone.
    }
  }
  return pids;
}

function readDirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A bare page of plain hls.js players with default settings, 320x180 each. */
async function bareCount(page: Page, backendUrl: string, tiles: number): Promise<Quality> {
  await page.setContent(`<body style="margin:0;display:flex;flex-wrap:wrap;background:#000"></body>`);
  await page.addScriptTag({ content: readFileSync(join(REPO_ROOT, "node_modules/hls.js/dist/hls.min.js"), "utf8") });
  await page.evaluate(`(() => {
    for (let i = 0; i < ${tiles}; i++) {
      const video = document.createElement("video");
      video.muted = true;
      video.autoplay = true;
      video.style.cssText = "width:320px;height:180px";
      document.body.appendChild(video);
      const id = "cam-" + String((i % ${CAMERA_COUNT}) + 1).padStart(2, "0");
      const hls = new Hls();
      hls.loadSource(${JSON.stringify(backendUrl)} + "/hls/" + id + "/index.m3u8");
      hls.attachMedia(video);
    }
  })()`);
  await page.waitForTimeout(WARM_UP_MS);
  return measureQuality(page);
}

async function wallCount(page: Page, tiles: (typeof LADDER)[number]): Promise<Quality> {
  await page.locator(`[data-testid="wall-layout-${WALL_LAYOUT[tiles]}"]`).dispatchEvent("click");
  await page.waitForTimeout(WARM_UP_MS);
  return measureQuality(page);
}

/**
 * The camera wall against a bare page of default hls.js players, in one run on this machine
 * (headless Chromium, 320x180 25 fps streams): most smooth tiles, CPU per tile, latency,
 * time to first frame, recovery after an outage.
 */
export const wallBenchmark: Benchmark = {
  name: "wall",
  async run() {
    const backend = await spawnBackend({ port: 0, dataDir: tempDir("wall-backend"), extraArgs: ["--video-cache-dir", join(REPO_ROOT, ".cache", "test-video"), "--no-simulator"] });
    const consoleApp = await spawnConsole({ backendUrl: backend.url, dataDir: tempDir("wall-console") });
    const browser = await launchChromium();
    try {
      // Wait for the loops to be encoded (first run) so nothing below measures the encoder.
      for (let i = 0; i < 600; i++) {
        const r = await fetch(`${backend.url}/hls/cam-22/index.m3u8`);
        await r.arrayBuffer();
        if (r.status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const bare = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      let bareMax = 0;
      for (const tiles of LADDER) {
        const q = await bareCount(bare, backend.url, Math.min(tiles, CAMERA_COUNT));
        console.log(`bare ${tiles}: ${q.advancing}/${q.tiles} advancing, ${q.dropped}/${q.total} frames dropped`);
        if (!smooth(q, Math.min(tiles, CAMERA_COUNT))) break;
        bareMax = Math.min(tiles, CAMERA_COUNT);
      }
      await bare.close();

      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(consoleApp.url);
      await page.waitForSelector('[data-testid="camera-tile"][data-state="playing"]', { timeout: 90_000 });
      let wallMax = 0;
      let cpuPerTile = Number.NaN;
      for (const tiles of LADDER) {
        const q = await wallCount(page, tiles);
        console.log(`wall ${tiles}: ${q.advancing}/${q.tiles} advancing, ${q.dropped}/${q.total} frames dropped`);
        const shown = Math.min(tiles, CAMERA_COUNT);
        if (!smooth(q, shown)) break;
        wallMax = shown;
        cpuPerTile = (await chromiumCpu(page, 4_000)) / shown;
      }

      // Latency over the 2x2 wall: what each tile shows (program date time vs wall clock).
      await page.locator('[data-testid="wall-layout-2x2"]').dispatchEvent("click");
      await page.waitForTimeout(WARM_UP_MS);
      const latencies: number[] = [];
      for (let i = 0; i < 10; i++) {
        const values = await page.locator('[data-testid="tile-latency"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-latency") || "NaN")));
        latencies.push(...values.filter((v) => Number.isFinite(v)));
        await page.waitForTimeout(1000);
      }

      // Assignment to first frame: a camera from the list put into the first tile (Enter), timed inside the page.
      await page.locator('[data-testid="wall-layout-1x1"]').dispatchEvent("click");
      await page.locator('[data-testid="camera-list-toggle"]').dispatchEvent("click");
      const target = (await page.locator('[data-testid="camera-tile"]').first().getAttribute("data-camera-id")) === "cam-07" ? "cam-08" : "cam-07";
      const firstFrameMs = (await page.evaluate(`new Promise((resolve) => {
        const start = performance.now();
        document.querySelector('[data-testid="camera-list-item"][data-camera-id="${target}"]')
          ?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
        const check = () => {
          const video = document.querySelector('[data-testid="camera-tile"][data-camera-id="${target}"] video');
          if (video !== null && video.readyState >= 2 && video.currentTime > 0 && !video.paused) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        check();
      })`)) as number;

      // Recovery: a 3 s outage of the tile's camera, timed from when the backend serves it again.
      const cameraId = (await page.locator('[data-testid="camera-tile"]').first().getAttribute("data-camera-id")) ?? "cam-01";
      const outage = await fetch(`${backend.url}${cameraOutagePath(cameraId)}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seconds: 3 }) });
      const until = Date.parse(((await outage.json()) as { value: { until: string } }).value.until);
      await page.waitForSelector(`[data-testid="camera-tile"][data-camera-id="${cameraId}"][data-state="offline"]`, { timeout: 30_000 });
      await page.waitForSelector(`[data-testid="camera-tile"][data-camera-id="${cameraId}"][data-state="playing"]`, { timeout: 60_000 });
      const recoveryS = (Date.now() - until) / 1000;

      return {
        "wall.max_smooth_tiles_180p": { value: wallMax, unit: "tiles" },
        "wall.bare_max_smooth_tiles_180p": { value: bareMax, unit: "tiles" },
        "wall.tiles_ratio_vs_bare": { value: bareMax === 0 ? 0 : round(wallMax / bareMax, 2), unit: "ratio" },
        // Measured at the largest smooth wall; -1 when no wall size was smooth.
        "wall.cpu_per_tile_pct": { value: Number.isFinite(cpuPerTile) ? round(cpuPerTile) : -1, unit: "% of a core" },
        "wall.latency_p50_s": { value: round(median(latencies), 2), unit: "s" },
        "wall.latency_p95_s": { value: round(percentile(latencies, 95), 2), unit: "s" },
        "wall.first_frame_ms": { value: round(firstFrameMs), unit: "ms" },
        "wall.recovery_s": { value: round(recoveryS, 1), unit: "s" },
      };
    } finally {
      await browser.close();
      await consoleApp.stop();
      await backend.stop();
    }
  },
};
