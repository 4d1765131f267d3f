import { chromium, type Page } from "playwright-core";
import { REPO_ROOT, type BackendProcess } from "../scripts/lib/backend-process.js";
import { CHROMIUM_PATH } from "../scripts/lib/chromium.js";
import { backendFetch } from "../scripts/lib/backend-session.js";
import { join } from "node:path";
import { startBenchCity, startBenchConsole } from "./bench-city.js";
import { CHROMIUM_ARGS, median, percentile, round, tempDir, type Benchmark, type Figures } from "./harness.js";

const FLOOD_PER_SECOND = 1_000;
const FLOOD_SECONDS = 10;
const TOTAL_FOR_HEAP = 100_000;
const ROUND_TRIPS = 25;

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await backendFetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** raisedAt of every alarm the backend holds, ascending (read from its change feed). */
async function raisedTimes(backendUrl: string): Promise<number[]> {
  const latest = new Map<string, number>();
  let after = 0;
  for (;;) {
    const res = await backendFetch(`${backendUrl}/api/v1/changes?after=${after}&limit=5000`);
    const page = (await res.json()) as { changes: Array<{ seq: number; entity: string; id: string; data: { raisedAt: string } }>; hasMore: boolean };
    for (const c of page.changes) {
      after = c.seq;
      if (c.entity === "alarm" && !latest.has(c.id)) latest.set(c.id, Date.parse(c.data.raisedAt));
    }
    if (!page.hasMore) break;
  }
  return [...latest.values()].sort((a, b) => a - b);
}

/**
 * Records, in the page, when the queue's alarm count changes (each animation frame), and long tasks.
 * Page code is a string: this file compiles without DOM types (it runs in Node).
 */
const INSTRUMENT = `(() => {
  window.__samples = [];
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: "longtask" });
  let last = -1;
  const poll = () => {
    const n = Number(document.querySelector('[data-testid="alarm-count"]')?.getAttribute("data-count") ?? "-1");
    if (n !== last) { last = n; window.__samples.push([Date.now(), n]); }
    requestAnimationFrame(poll);
  };
  poll();
})()`;

async function instrument(page: Page): Promise<void> {
  await page.evaluate(INSTRUMENT);
}

async function count(page: Page): Promise<number> {
  return Number(await page.getByTestId("alarm-count").getAttribute("data-count"));
}

async function waitForCount(page: Page, atLeast: number, timeoutMs: number): Promise<number> {
  const end = Date.now() + timeoutMs;
  let n = await count(page);
  while (n < atLeast && Date.now() < end) {
    await page.waitForTimeout(250);
    n = await count(page);
  }
  return n;
}

async function flood(backend: BackendProcess, page: Page): Promise<Figures> {
  const before = await count(page);
  await instrument(page);
  await post(`${backend.url}/api/v1/sim/flood`, { perSecond: FLOOD_PER_SECOND, seconds: FLOOD_SECONDS, chatterShare: 0.3 });
  const expected = before + FLOOD_PER_SECOND * FLOOD_SECONDS;
  const reached = await waitForCount(page, expected, 120_000);
  const samples = (await page.evaluate("window.__samples")) as Array<[number, number]>;
  const longTasks = (await page.evaluate("window.__longTasks")) as number[];
  const raised = (await raisedTimes(backend.url)).slice(-FLOOD_PER_SECOND * FLOOD_SECONDS);
  // The k-th flood alarm has arrived on screen once the count first reaches before + k.
  const lags: number[] = [];
  let s = 0;
  raised.forEach((raisedAt, k) => {
    while (s < samples.length && samples[s]![1] < before + k + 1) s++;
    if (s < samples.length) lags.push(samples[s]![0] - raisedAt);
  });
  return {
    "alarms.flood_lost": { value: Math.max(0, expected - reached), unit: "alarms" },
    "alarms.flood_lag_p95_ms": { value: round(percentile(lags, 95)), unit: "ms" },
    "alarms.flood_long_task_p95_ms": { value: round(longTasks.length === 0 ? 0 : percentile(longTasks, 95)), unit: "ms" },
    "alarms.flood_long_tasks": { value: longTasks.length, unit: "tasks" },
  };
}

async function heapAfter100k(backend: BackendProcess, page: Page): Promise<Figures> {
  let total = await count(page);
  while (total < TOTAL_FOR_HEAP) {
    const batch = Math.min(10_000, TOTAL_FOR_HEAP - total);
    await post(`${backend.url}/api/v1/sim/alarms`, { count: batch });
    total += batch;
    await waitForCount(page, total, 120_000);
  }
  const session = await page.context().newCDPSession(page);
  await session.send("HeapProfiler.collectGarbage");
  await session.send("Performance.enable");
  const { metrics } = await session.send("Performance.getMetrics");
  const used = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? Number.NaN;
  return { "alarms.heap_after_100k_mb": { value: round(used / 1024 / 1024), unit: "MB" } };
}

/** Console A acknowledges; the time until console B (another console process) shows it. */
async function ackRoundTrips(backend: BackendProcess, a: Page, b: Page): Promise<Figures> {
  const raised = (await post(`${backend.url}/api/v1/sim/alarms`, { count: ROUND_TRIPS, priority: "low" })) as { value: { ids: string[] } };
  const times: number[] = [];
  for (const id of raised.value.ids) {
    for (const page of [a, b]) {
      await page.bringToFront();
      await page.getByTestId("alarm-search").fill(id);
      await page
        .locator(`[data-testid="alarm-row"][data-alarm-id="${id}"]`)
        .waitFor()
        .catch(async (e: unknown) => {
          const rows = await page.getByTestId("alarm-row").evaluateAll((els) => els.map((el) => `${el.getAttribute("data-alarm-id")}:${el.getAttribute("data-state")}`));
          throw new Error(`${page === a ? "A" : "B"} rows=${rows.join(",")} search=${await page.getByTestId("alarm-search").inputValue()} ${String(e)}`);
        });
    }
    const row = `document.querySelector('[data-testid="alarm-row"][data-alarm-id=${JSON.stringify(id)}]')`;
    const seen = b.evaluate(`new Promise((resolve) => {
      const check = () => (${row}?.getAttribute("data-state") === "acknowledged" ? resolve(Date.now()) : requestAnimationFrame(check));
      check();
    })`) as Promise<number>;
    const clickedAt = (await a.evaluate(`(() => { const t = Date.now(); ${row}.querySelector('[data-testid="ack-button"]').click(); return t; })()`)) as number;
    times.push((await seen) - clickedAt);
  }
  for (const page of [a, b]) await page.getByTestId("alarm-search").fill("");
  return {
    "alarms.ack_roundtrip_p50_ms": { value: round(median(times)), unit: "ms" },
    "alarms.ack_roundtrip_p95_ms": { value: round(percentile(times, 95)), unit: "ms" },
  };
}

/**
 * The alarm queue under load, in the browser console as operators have it (the combined window,
 * its 2x2 camera wall playing live video): a flood of 1,000 alarms/s for 10 s (no alarm lost,
 * ingestion lag, long tasks), the page's heap after 100,000 alarms, and the acknowledgement round
 * trip from one console through the backend to another.
 */
export const alarmsBenchmark: Benchmark = {
  name: "alarms",
  async run() {
    const city = await startBenchCity({ dataDir: tempDir("alarms-backend"), extraArgs: ["--video-cache-dir", join(REPO_ROOT, ".cache", "test-video"), "--no-simulator"] });
    const backend = city.backend;
    const consoleA = await startBenchConsole(city, { dataDir: tempDir("alarms-console-a"), index: 0 });
    const consoleB = await startBenchConsole(city, { dataDir: tempDir("alarms-console-b"), operator: "op-02", index: 1 });
    // Two consoles side by side, like two desks: neither window may be throttled as "in the background".
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
    });
    try {
      // One context (window) each: a background tab gets no animation frames, and the page renders on them.
      const newPage = async () => (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
      const [a, b] = [await newPage(), await newPage()];
      for (const [page, url] of [
        [a, consoleA.url],
        [b, consoleB.url],
      ] as const) {
        await page.goto(url);
        await page.waitForSelector('[data-testid="connection-state"][data-state="online"]', { timeout: 60_000 });
        await page.waitForSelector('[data-testid="alarm-queue"][data-ready="true"]');
      }
      // The flood is measured with the wall playing: its tiles decode video on the same two cores.
      await a.waitForSelector('[data-testid="camera-tile"][data-state="playing"]', { timeout: 120_000 });
      console.log(`alarms: ${await a.locator('[data-testid="camera-tile"][data-state="playing"]').count()} wall tiles playing in console A`);
      const roundTrips = await ackRoundTrips(backend, a, b);
      await b.close();
      await consoleB.stop();
      const floodFigures = await flood(backend, a);
      const heap = await heapAfter100k(backend, a);
      return { ...floodFigures, ...heap, ...roundTrips };
    } finally {
      await browser.close();
      await consoleA.stop();
      await consoleB.stop();
      await backend.stop();
    }
  },
};
