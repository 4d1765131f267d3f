import type { Page } from "playwright-core";
import { backendFetch } from "../scripts/lib/backend-session.js";
import { RECORDING_PATHS } from "../shared/protocol/recordings.js";
import { startBenchCity, startBenchConsole } from "./bench-city.js";
import { launchChromium, percentile, round, tempDir, type Figures } from "./harness.js";

const TILES = 9;
const SEEKS = 15;
const SPREAD_SAMPLES = 40;

async function recordingCameras(url: string): Promise<number> {
  const body = (await (await backendFetch(`${url}${RECORDING_PATHS.recordings}/health`, {}, "op-01")).json()) as { value?: { cameras: { state: string }[] } };
  return body.value?.cameras.filter((c) => c.state === "recording").length ?? 0;
}

async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * A click on the timeline to the first frame of that time on the first tile: from the pointer
 * release (the click) to the first paint after the video's seek completed, timed inside the page.
 */
async function seekToFrameMs(page: Page, fraction: number): Promise<number | null> {
  const box = await page.getByTestId("playback-timeline").boundingBox();
  if (box === null) throw new Error("no timeline");
  // A string: the bench is typed for Node, the function runs in the page.
  const timing = page.evaluate(`new Promise((resolve) => {
    const timeline = document.querySelector('[data-testid="playback-timeline"]');
    const video = document.querySelector('[data-testid="playback-tile"] video');
    if (timeline === null || video === null) return resolve(null);
    timeline.addEventListener("pointerup", () => {
      const clickedAt = performance.now();
      const before = video.currentTime;
      // The frame is shown once the video moved, finished seeking and holds the frame: the paint after that.
      const check = () => {
        if (performance.now() - clickedAt > 15000) return resolve(null);
        if (video.currentTime !== before && !video.seeking && video.readyState >= 2) return resolve(performance.now() - clickedAt);
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }, { once: true, capture: true });
  })`) as Promise<number | null>;
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
  return timing;
}

/** Spread of the tiles' wall-clock positions (ms), as the panel last read them all at one instant. */
async function spreadMs(page: Page): Promise<number | null> {
  const positions = await page
    .locator('[data-testid="playback-tile"][data-state="ready"]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-wall-ms") ?? "NaN")));
  if (positions.length < TILES || positions.some((p) => !Number.isFinite(p))) return null;
  return Math.max(...positions) - Math.min(...positions);
}

/** The wall's synchronised playback (3x3) on loopback: seek to frame and the tiles' spread while playing. */
export async function playbackFigures(): Promise<Figures> {
  const city = await startBenchCity({ dataDir: tempDir("recordings-city"), extraArgs: ["--no-simulator", "--video-cache-dir", ".cache/bench-video"], consoles: 1 });
  const consoleApp = await startBenchConsole(city, { dataDir: tempDir("recordings-console") });
  const browser = await launchChromium();
  try {
    await waitFor("every camera to record", async () => (await recordingCameras(city.url)) >= 22, 10 * 60_000);
    // A minute and a half recorded, so the wall's playback (a minute back) has material before and after.
    await new Promise((resolve) => setTimeout(resolve, 90_000));
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${consoleApp.url}?role=wall`);
    await page.getByTestId("wall-layout-3x3").dispatchEvent("click");
    await page.getByTestId("wall-playback").click();
    try {
      await page.locator('[data-testid="playback-tile"][data-state="ready"]').nth(TILES - 1).waitFor({ timeout: 120_000 });
    } catch {
      const states = await page.getByTestId("playback-tile").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-camera-id")}:${e.getAttribute("data-state")}`));
      throw new Error(`not all ${TILES} playback tiles became ready: ${states.join(", ")}`);
    }
    await page.waitForTimeout(3000);

    const seeks: number[] = [];
    let missed = 0;
    for (let i = 0; i < SEEKS; i++) {
      const ms = await seekToFrameMs(page, 0.3 + ((i * 7) % 10) / 25);
      if (ms === null) missed++;
      else seeks.push(ms);
    }
    if (seeks.length === 0) throw new Error(`no click on the timeline showed its frame within 15 s (${missed} tried)`);

    await page.getByTestId("playback-play").click();
    await page.waitForTimeout(5000);
    const spreads: number[] = [];
    for (let i = 0; i < SPREAD_SAMPLES; i++) {
      const spread = await spreadMs(page);
      if (spread !== null) spreads.push(spread);
      await page.waitForTimeout(250);
    }
    if (spreads.length < SPREAD_SAMPLES / 2) throw new Error(`only ${spreads.length} samples had all ${TILES} tiles placed`);
    return {
      "recordings.seek_to_frame_p95_ms": { value: round(percentile(seeks, 95), 0), unit: "ms" },
      // Clicks whose frame never showed within 15 s: not in the percentile, counted here.
      "recordings.seek_to_frame_missed": { value: missed, unit: "clicks" },
      "recordings.sync_spread_p95_ms": { value: round(percentile(spreads, 95), 0), unit: "ms" },
    };
  } finally {
    await browser.close();
    await consoleApp.stop();
    await city.stop();
  }
}
