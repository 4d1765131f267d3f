import type { Page } from "playwright-core";
import { backendFetch } from "../scripts/lib/backend-session.js";
import { RECORDING_PATHS } from "../shared/protocol/recordings.js";
import { startBenchCity, startBenchConsole } from "./bench-city.js";
import { launchChromium, percentile, round, tempDir, type Figures } from "./harness.js";

const TILES = 9;
const SEEKS = 15;
const SPREAD_SAMPLES = 40;
/** A click whose frame has not shown by then is counted as missed. */
const SEEK_GIVE_UP_MS = 15_000;

/**
 * Every step of the playback part is bounded: a step that does not finish says which one it was
 * (and how long it was given) instead of holding the whole bench.
 */
async function step<T>(what: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = Date.now();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`recordings bench: "${what}" did not finish within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    const value = await Promise.race([work(), timeout]);
    console.log(`recordings: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return value;
  } finally {
    clearTimeout(timer);
  }
}

async function recordingCameras(url: string): Promise<number> {
  const body = (await (await backendFetch(`${url}${RECORDING_PATHS.recordings}/health`, {}, "op-01")).json()) as { value?: { cameras: { state: string }[] } };
  return body.value?.cameras.filter((c) => c.state === "recording").length ?? 0;
}

async function poll(test: () => Promise<boolean>): Promise<void> {
  while (!(await test())) await new Promise((resolve) => setTimeout(resolve, 1000));
}

interface SeekOutcome {
  /** From the click (pointer release) to the presentation of the first frame of the clicked time. */
  ms: number | null;
  /** From the click to the video's first "seeked" (the seek's data loaded and decoded), for the cause of a slow one. */
  seekedMs: number | null;
  why: string;
}

/**
 * One click on the timeline, timed inside the page: from the pointer release to the first frame
 * presented (requestVideoFrameCallback) after it on the first tile whose wall-clock time, as the
 * player maps it, is within a second of the clicked time. The clicked time is read from the
 * timeline's own view (its start and span) at the release's x.
 */
async function seekToFrame(page: Page, fraction: number): Promise<SeekOutcome> {
  const box = await page.getByTestId("playback-timeline").boundingBox();
  if (box === null) throw new Error("no timeline");
  const viewport = page.viewportSize();
  if (viewport !== null && (box.y + box.height / 2 > viewport.height || box.x + box.width > viewport.width)) throw new Error(`the timeline is outside the viewport (${JSON.stringify(box)})`);
  // A string: the bench is typed for Node, the function runs in the page.
  const armed = page.evaluate(`(() => {
    const timeline = document.querySelector('[data-testid="playback-timeline"]');
    const tile = document.querySelector('[data-testid="playback-tile"]');
    const video = tile && tile.querySelector('video');
    if (timeline === null || video === null || typeof video.requestVideoFrameCallback !== "function") return "no timeline, tile or requestVideoFrameCallback";
    window.__seek = new Promise((resolve) => {
      timeline.addEventListener("pointerup", (event) => {
        const clickedAt = performance.now();
        const rect = timeline.getBoundingClientRect();
        const clickedMs = Number(timeline.dataset.startMs) + ((event.clientX - rect.left) / rect.width) * Number(timeline.dataset.spanMs);
        let lastFrame = null;
        let seekedAt = null;
        video.addEventListener("seeked", () => { if (seekedAt === null) seekedAt = performance.now() - clickedAt; });
        const onFrame = (now, meta) => {
          lastFrame = { at: now, mediaTime: meta.mediaTime };
          video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
        // The frame counts once the player maps the presented picture's media time to within 1 s of the click.
        const check = () => {
          const elapsed = performance.now() - clickedAt;
          const wall = Number(tile.dataset.wallMs);
          if (lastFrame !== null && !video.seeking && Math.abs(lastFrame.mediaTime - video.currentTime) < 0.1 && Number.isFinite(wall) && Math.abs(wall - clickedMs) <= 1000) {
            return resolve({ ms: lastFrame.at - clickedAt, seekedMs: seekedAt, why: "shown" });
          }
          if (elapsed > ${SEEK_GIVE_UP_MS}) return resolve({ ms: null, seekedMs: seekedAt, why: "frame " + (lastFrame === null ? "none" : lastFrame.mediaTime) + ", currentTime " + video.currentTime + ", seeking " + video.seeking + ", tile at " + wall + ", clicked " + Math.round(clickedMs) });
          setTimeout(check, 20);
        };
        check();
      }, { once: true, capture: true });
    });
    return "armed";
  })()`);
  const ready = await armed;
  if (ready !== "armed") throw new Error(`cannot time a seek: ${String(ready)}`);
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
  return (await page.evaluate("window.__seek")) as SeekOutcome;
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
  const city = await step("start the city", 120_000, () => startBenchCity({ dataDir: tempDir("recordings-city"), extraArgs: ["--no-simulator", "--video-cache-dir", ".cache/bench-video"], consoles: 1 }));
  const consoleApp = await step("start the console", 120_000, () => startBenchConsole(city, { dataDir: tempDir("recordings-console") }));
  const browser = await step("launch chromium", 60_000, () => launchChromium());
  try {
    await step("every camera recording", 10 * 60_000, () => poll(async () => (await recordingCameras(city.url)) >= 22));
    // A minute and a half recorded, so the wall's playback (a minute back) has material before and after.
    await new Promise((resolve) => setTimeout(resolve, 90_000));
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    page.setDefaultTimeout(60_000);
    await step("open the wall", 90_000, () => page.goto(`${consoleApp.url}?role=wall`));
    await step("3x3 layout and playback", 90_000, async () => {
      await page.getByTestId("wall-layout-3x3").dispatchEvent("click");
      // Playback takes the wall's cameras as they are: only once all nine tiles have theirs.
      await page.locator(`[data-testid="wall-grid"] [data-tile="${TILES - 1}"][data-camera-id]`).waitFor();
      await page.getByTestId("wall-playback").click();
    });
    try {
      await step(`${TILES} playback tiles ready`, 120_000, () => page.locator('[data-testid="playback-tile"][data-state="ready"]').nth(TILES - 1).waitFor({ timeout: 120_000 }));
    } catch (error) {
      const states = await page.getByTestId("playback-tile").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-camera-id")}:${e.getAttribute("data-state")}`));
      throw new Error(`${error instanceof Error ? error.message : String(error)}: ${states.join(", ")}`);
    }
    await page.waitForTimeout(3000);

    const seeks: number[] = [];
    const seekedAfter: number[] = [];
    const missed: string[] = [];
    for (let i = 0; i < SEEKS; i++) {
      const outcome = await step(`click ${i + 1} on the timeline`, SEEK_GIVE_UP_MS + 30_000, () => seekToFrame(page, 0.3 + ((i * 7) % 10) / 25));
      if (outcome.ms === null) missed.push(outcome.why);
      else seeks.push(outcome.ms);
      if (outcome.seekedMs !== null) seekedAfter.push(outcome.seekedMs);
      console.log(`recordings: click ${i + 1}: frame shown after ${outcome.ms === null ? "-" : Math.round(outcome.ms)} ms, seeked after ${outcome.seekedMs === null ? "-" : Math.round(outcome.seekedMs)} ms`);
    }
    if (missed.length > 0) console.error(`recordings: clicks whose frame did not show: ${missed.join("; ")}`);
    console.log(`recordings: seek p50 ${Math.round(percentile(seeks, 50))} ms, p95 ${Math.round(percentile(seeks, 95))} ms; "seeked" p50 ${Math.round(percentile(seekedAfter, 50))} ms, p95 ${Math.round(percentile(seekedAfter, 95))} ms`);
    if (seeks.length === 0) throw new Error(`no click on the timeline showed its frame within ${SEEK_GIVE_UP_MS / 1000} s (${missed.length} tried)`);

    await step("play", 30_000, () => page.getByTestId("playback-play").click());
    await page.waitForTimeout(5000);
    const spreads: number[] = [];
    await step("spread samples", 120_000, async () => {
      for (let i = 0; i < SPREAD_SAMPLES; i++) {
        const spread = await spreadMs(page);
        if (spread !== null) spreads.push(spread);
        await page.waitForTimeout(250);
      }
    });
    if (spreads.length < SPREAD_SAMPLES / 2) throw new Error(`only ${spreads.length} samples had all ${TILES} tiles placed`);
    return {
      "recordings.seek_to_frame_p95_ms": { value: round(percentile(seeks, 95), 0), unit: "ms" },
      // Clicks whose frame never showed within the give-up time: not in the percentile, counted here.
      "recordings.seek_to_frame_missed": { value: missed.length, unit: "clicks" },
      "recordings.sync_spread_p95_ms": { value: round(percentile(spreads, 95), 0), unit: "ms" },
    };
  } finally {
    await step("close chromium", 30_000, () => browser.close()).catch((e: unknown) => console.error(String(e)));
    await step("stop the console", 30_000, () => consoleApp.stop()).catch((e: unknown) => console.error(String(e)));
    await step("stop the city", 30_000, () => city.stop()).catch((e: unknown) => console.error(String(e)));
  }
}
