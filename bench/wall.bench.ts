import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { REPO_ROOT } from "../scripts/lib/backend-process.js";
import { backendFetch, sessionOf } from "../scripts/lib/backend-session.js";
import { freePort } from "../scripts/lib/free-port.js";
import { CameraOutageResponseSchema, cameraOutagePath } from "../shared/protocol/simulator.js";
import { simPost, startBenchCity, startBenchConsole } from "./bench-city.js";
import { launchChromiumWithPid, median, percentile, round, tempDir, type Benchmark, type Figures } from "./harness.js";
import { describeStep, isSmooth, measureStep, wallTileBoxes, type StepResult, type TileBox } from "./wall-sampling.js";

/**
 * The wall's grid layouts, smallest first (renderer/src/views/wall/wall-layouts.ts offers them):
 * the video-wall layouts 3x3 … 8x8, and 2x2 below them so a machine that cannot play nine tiles
 * smoothly still gets a figure (0 then means not even four).
 */
const LADDER = [2, 3, 4, 5, 6, 7, 8] as const;
/** One simulated camera per tile of the largest layout, so no step repeats a stream. */
const CAMERAS = 64;
/** Windows of real monitor sizes: a full-HD and a 4K display given to the wall. */
const WINDOWS = {
  "1080p": { width: 1920, height: 1080 },
  "2160p": { width: 3840, height: 2160 },
} as const;
type WindowName = keyof typeof WINDOWS;
const WARM_UP_MS = 5_000;
const MEASURE_MS = 6_000;

interface Ladder {
  /** Most tiles that played smoothly (0: not even the 2x2). */
  max: number;
  /** The measurement at that step. */
  best: StepResult | null;
}

/** A ladder step as the wall laid it out: where each tile's video is and which camera it shows. */
interface Step {
  tiles: number;
  boxes: TileBox[];
}

/** Where the bare page plays from: the stream server, a session's stream token, and a page of an origin the backend allows. */
interface BareStreams {
  url: string;
  token: string;
  pageUrl: string;
}

const openWall = async (browser: Browser, consoleUrl: string, window: WindowName): Promise<Page> => {
  // The backend's stream certificate is self-signed (made locally): the page accepts it.
  const page = await browser.newPage({ viewport: WINDOWS[window], ignoreHTTPSErrors: true });
  await page.goto(`${consoleUrl}?role=wall`);
  await page.waitForSelector('[data-testid="camera-tile"][data-state="playing"]', { timeout: 120_000 });
  return page;
};

/**
 * The wall window at each grid layout, as it runs on a display of that size: tiles as the wall
 * sizes them, each picking its rendition itself (hls.js capLevelToPlayerSize). Measured until a
 * layout is not smooth; every layout's tile boxes are still read, for the bare page's ladder.
 */
async function wallLadder(page: Page, pid: number, window: WindowName): Promise<{ ladder: Ladder; steps: Step[] }> {
  const ladder: Ladder = { max: 0, best: null };
  const steps: Step[] = [];
  let climbing = true;
  for (const n of LADDER) {
    const tiles = n * n;
    await page.locator(`[data-testid="wall-layout-${n}x${n}"]`).dispatchEvent("click");
    await page.waitForFunction(`document.querySelectorAll('[data-testid="camera-tile"] video').length >= ${tiles}`, undefined, { timeout: 30_000 });
    if (!climbing) {
      steps.push({ tiles, boxes: await wallTileBoxes(page) });
      continue;
    }
    await page.waitForTimeout(WARM_UP_MS);
    const boxes = await wallTileBoxes(page);
    steps.push({ tiles, boxes });
    const result = await measureStep(page, pid, MEASURE_MS);
    const box = boxes[0];
    console.log(`wall ${window} ${n}x${n} (videos ${box ? `${Math.round(box.width)}x${Math.round(box.height)}` : "?"} CSS px): ${describeStep(result)}`);
    if (!isSmooth(result, tiles)) {
      climbing = false;
      continue;
    }
    ladder.max = tiles;
    ladder.best = result;
  }
  return { ladder, steps };
}

/**
 * The same step on a bare page of plain hls.js players: each video at exactly the wall tile's box
 * in a window of the same size, playing the same camera with the session's stream token, choosing
 * its rendition with the same hls.js option the wall uses (capLevelToPlayerSize on the master playlist).
 */
async function bareStep(browser: Browser, pid: number, window: WindowName, streams: BareStreams, step: Step): Promise<StepResult> {
  const page = await browser.newPage({ viewport: WINDOWS[window], ignoreHTTPSErrors: true });
  try {
    await page.goto(streams.pageUrl);
    await page.setContent(`<body style="margin:0;background:#000"></body>`);
    await page.addScriptTag({ content: readFileSync(join(REPO_ROOT, "node_modules/hls.js/dist/hls.min.js"), "utf8") });
    await page.evaluate(`(() => {
      const token = ${JSON.stringify(streams.token)};
      for (const box of ${JSON.stringify(step.boxes)}) {
        const video = document.createElement("video");
        video.muted = true;
        video.autoplay = true;
        video.setAttribute("data-camera-id", box.camera);
        video.style.cssText = "position:absolute;left:" + box.x + "px;top:" + box.y + "px;width:" + box.width + "px;height:" + box.height + "px";
        document.body.appendChild(video);
        const hls = new Hls({
          capLevelToPlayerSize: true,
          xhrSetup: (xhr, url) => { const u = new URL(url); u.searchParams.set("st", token); xhr.open("GET", u.toString(), true); },
        });
        hls.loadSource(${JSON.stringify(streams.url)} + "/hls/" + box.camera + "/index.m3u8");
        hls.attachMedia(video);
      }
    })()`);
    await page.waitForTimeout(WARM_UP_MS);
    return await measureStep(page, pid, MEASURE_MS);
  } finally {
    await page.close();
  }
}

async function bareLadder(browser: Browser, pid: number, window: WindowName, streams: BareStreams, steps: readonly Step[]): Promise<Ladder> {
  const ladder: Ladder = { max: 0, best: null };
  for (const step of steps) {
    const result = await bareStep(browser, pid, window, streams, step);
    const n = Math.sqrt(step.tiles);
    console.log(`bare ${window} ${n}x${n}: ${describeStep(result)}`);
    if (!isSmooth(result, step.tiles)) break;
    ladder.max = step.tiles;
    ladder.best = result;
  }
  return ladder;
}

/** Assignment to first frame: a camera from the list put into the 1x1 wall's tile (Enter), timed inside the page. */
async function firstFrameMs(page: Page): Promise<number> {
  await page.locator('[data-testid="wall-layout-1x1"]').dispatchEvent("click");
  await page.locator('[data-testid="camera-list-toggle"]').dispatchEvent("click");
  const target = (await page.locator('[data-testid="camera-tile"]').first().getAttribute("data-camera-id")) === "cam-07" ? "cam-08" : "cam-07";
  return (await page.evaluate(`new Promise((resolve) => {
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
}

/** Recovery: a 3 s outage of the 1x1 tile's camera, timed from when the backend serves it again. */
async function recoverySeconds(page: Page, backendUrl: string): Promise<number> {
  const cameraId = (await page.locator('[data-testid="camera-tile"]').first().getAttribute("data-camera-id")) ?? "cam-01";
  const outage = CameraOutageResponseSchema.parse(await simPost(backendUrl, cameraOutagePath(cameraId), { seconds: 3 }));
  if (!outage.ok) throw new Error(outage.error.message);
  const until = Date.parse(outage.value.until);
  await page.waitForSelector(`[data-testid="camera-tile"][data-camera-id="${cameraId}"][data-state="offline"]`, { timeout: 30_000 });
  await page.waitForSelector(`[data-testid="camera-tile"][data-camera-id="${cameraId}"][data-state="playing"]`, { timeout: 60_000 });
  return (Date.now() - until) / 1000;
}

/** A blank page on the port reserved for it, so the bare players have an origin the backend allows. */
function serveBlankPage(port: number): Promise<Server> {
  const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>bare</title>"));
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/** Every loop and rendition encoded first (a first run encodes them for minutes; they are kept in .cache), so no step measures the encoder. */
async function waitForEncodedLoops(backendUrl: string): Promise<void> {
  const lastCamera = `cam-${String(CAMERAS).padStart(2, "0")}`;
  for (let i = 0; ; i++) {
    const r = await backendFetch(`${backendUrl}/hls/${lastCamera}/index.m3u8`);
    if (r.status === 200 && (await r.text()).includes("RESOLUTION=640x360")) return;
    if (i === 0) console.log("wall: waiting for the camera loops to be encoded");
    if (i > 2400) throw new Error("The camera loops were not encoded within 20 minutes.");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Wall/bare, or -1 when the bare page was not smooth even at 2x2 (no ratio to give). */
const ratio = (wall: number, bare: number) => (bare === 0 ? -1 : round(wall / bare, 2));
/** CPU per tile at the ladder's largest smooth step; -1 when no step was smooth. */
const cpuPerTile = (l: Ladder) => (l.best === null ? -1 : round(l.best.cpuPct / l.max, 1));

/**
 * The camera wall as a video wall runs it, against a bare page of hls.js players with the same
 * grid, streams and window, in one run: the wall window (?role=wall) on 1920x1080 and 3840x2160
 * displays at 2x2, 3x3 … 8x8, 64 simulated cameras streamed over HTTP/2 (--stream-tls, as a wall of
 * many tiles is deployed). Also latency over every tile of the largest smooth wall, time to first
 * frame, and recovery after an outage.
 */
export const wallBenchmark: Benchmark = {
  name: "wall",
  async run() {
    const streamPort = await freePort();
    const streamsUrl = `https://127.0.0.1:${streamPort}`;
    const city = await startBenchCity({
      dataDir: tempDir("wall-backend"),
      extraArgs: ["--video-cache-dir", join(REPO_ROOT, ".cache", "test-video"), "--no-simulator", "--stream-tls", "--stream-port", String(streamPort), "--cameras", String(CAMERAS)],
    });
    const consoleApp = await startBenchConsole(city, { dataDir: tempDir("wall-console") });
    const blank = await serveBlankPage(city.consolePorts[1]!);
    const { browser, pid } = await launchChromiumWithPid();
    try {
      await waitForEncodedLoops(city.url);
      const streams: BareStreams = { url: streamsUrl, token: (await sessionOf(city.url, "op-02")).streamToken, pageUrl: `http://127.0.0.1:${city.consolePorts[1]!}/` };
      const figures: Figures = {};
      let latencies: number[] = [];
      let latencyTiles = 0;
      for (const window of Object.keys(WINDOWS) as WindowName[]) {
        const page = await openWall(browser, consoleApp.url, window);
        const { ladder: wall, steps } = await wallLadder(page, pid, window);
        if (window === "1080p") {
          // Latency over the whole wall: every tile of the largest smooth layout.
          latencies = wall.best?.latencies ?? [];
          latencyTiles = wall.max;
          figures["wall.first_frame_ms"] = { value: round(await firstFrameMs(page)), unit: "ms" };
          figures["wall.recovery_s"] = { value: round(await recoverySeconds(page, city.url), 1), unit: "s" };
        }
        await page.close();
        const bare = await bareLadder(browser, pid, window, streams, steps);
        figures[`wall.max_smooth_tiles_${window}_window`] = { value: wall.max, unit: "tiles" };
        figures[`wall.bare_max_smooth_tiles_${window}_window`] = { value: bare.max, unit: "tiles" };
        figures[`wall.tiles_ratio_vs_bare_${window}_window`] = { value: ratio(wall.max, bare.max), unit: "ratio" };
        figures[`wall.cpu_per_tile_pct_${window}_window`] = { value: cpuPerTile(wall), unit: "% of a core" };
        figures[`wall.bare_cpu_per_tile_pct_${window}_window`] = { value: cpuPerTile(bare), unit: "% of a core" };
      }
      if (latencies.length === 0) console.log("wall: no smooth layout in the 1080p window, so no latency over a whole wall");
      figures["wall.latency_p50_s"] = { value: latencies.length === 0 ? -1 : round(median(latencies), 2), unit: "s" };
      figures["wall.latency_p95_s"] = { value: latencies.length === 0 ? -1 : round(percentile(latencies, 95), 2), unit: "s" };
      figures["wall.latency_tiles"] = { value: latencyTiles, unit: "tiles" };
      return figures;
    } finally {
      await browser.close();
      await consoleApp.stop();
      await new Promise((resolve) => blank.close(resolve));
      await city.stop();
    }
  },
};
