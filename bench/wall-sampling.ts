import type { Page } from "playwright-core";
import { cpuPercent, treeTicks } from "./process-cpu.js";

/** One video's counters at one moment (getVideoPlaybackQuality, currentTime, the tile's latency). */
interface VideoSample {
  camera: string;
  dropped: number;
  total: number;
  time: number;
  height: number;
  /** Seconds behind live as the wall tile shows it; NaN on the bare page or before it knows. */
  latency: number;
}

// In-page code is a string: bench/ compiles without the DOM library.
const SAMPLE = `[...document.querySelectorAll("video")].map((v) => {
  const q = v.getVideoPlaybackQuality();
  const tile = v.closest("[data-camera-id]");
  const latency = tile?.querySelector('[data-testid="tile-latency"]')?.getAttribute("data-latency") ?? "";
  return {
    camera: tile?.getAttribute("data-camera-id") ?? v.getAttribute("data-camera-id") ?? "",
    dropped: q.droppedVideoFrames, total: q.totalVideoFrames, time: v.currentTime, height: v.videoHeight,
    latency: latency === "" ? NaN : Number(latency),
  };
})`;

const sample = (page: Page) => page.evaluate(SAMPLE) as Promise<VideoSample[]>;

export interface StepResult {
  tiles: number;
  dropped: number;
  total: number;
  advancing: number;
  /** e.g. "49×180p", the renditions the videos played at the end. */
  heights: string;
  /** CPU of the bench's Chromium (its own process tree) over the measurement, in % of one core. */
  cpuPct: number;
  /** Every tile's latency, sampled once a second (wall only). */
  latencies: number[];
}

/** Frames decoded and dropped by every video of the page over `ms`, how many advanced, CPU, latencies. */
export async function measureStep(page: Page, chromiumPid: number, ms: number): Promise<StepResult> {
  const before = await sample(page);
  const ticksBefore = treeTicks(chromiumPid);
  const started = performance.now();
  const latencies: number[] = [];
  let last = before;
  while (performance.now() - started < ms) {
    await page.waitForTimeout(Math.min(1000, ms - (performance.now() - started)));
    last = await sample(page);
    latencies.push(...last.map((v) => v.latency).filter((v) => Number.isFinite(v)));
  }
  const elapsed = performance.now() - started;
  const cpuPct = cpuPercent(ticksBefore, treeTicks(chromiumPid), elapsed);
  let dropped = 0;
  let total = 0;
  let advancing = 0;
  const heights = new Map<number, number>();
  last.forEach((a, i) => {
    const b = before[i] ?? { dropped: 0, total: 0, time: 0 };
    dropped += a.dropped - b.dropped;
    total += a.total - b.total;
    if (a.time > b.time + elapsed / 2000) advancing += 1;
    heights.set(a.height, (heights.get(a.height) ?? 0) + 1);
  });
  const heightText = [...heights].map(([h, n]) => `${n}×${h}p`).join(" ");
  return { tiles: last.length, dropped, total, advancing, heights: heightText, cpuPct, latencies };
}

/** Smooth: every one of `tiles` videos advancing and under 1% of frames dropped. */
export const isSmooth = (r: StepResult, tiles: number) => r.tiles >= tiles && r.advancing >= tiles && r.total > 0 && r.dropped / r.total < 0.01;

export const describeStep = (r: StepResult) =>
  `${r.advancing}/${r.tiles} advancing, ${r.dropped}/${r.total} frames dropped, heights ${r.heights}, Chromium CPU ${Math.round(r.cpuPct)}% of a core`;

/** Where each tile's video is in the wall's window, and which camera it shows. */
export interface TileBox {
  camera: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function wallTileBoxes(page: Page): Promise<TileBox[]> {
  return (await page.evaluate(`[...document.querySelectorAll('[data-testid="camera-tile"] video')].map((v) => {
    const r = v.getBoundingClientRect();
    return { camera: v.closest("[data-camera-id]")?.getAttribute("data-camera-id") ?? "", x: r.x, y: r.y, width: r.width, height: r.height };
  })`)) as TileBox[];
}
