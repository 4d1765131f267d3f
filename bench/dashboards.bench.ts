import type { Page } from "playwright-core";
import { SERIES_DOMAINS, type SeriesDomain } from "../shared/domain/domain-sample.js";
import { startBenchCity, startBenchConsole } from "./bench-city.js";
import { launchChromium, median, percentile, round, tempDir, type Benchmark, type Figures } from "./harness.js";

/** The longest range the dashboards offer, seeded in full on the backend and caught up by the console. */
const HISTORY_DAYS = 30;
const HOURS_30D = HISTORY_DAYS * 24;
/** Fresh pages per domain for the first draw. */
const ROUNDS = 2;
/** How long the live updates are watched, with the domains' figures rewritten every second. */
const LIVE_SECONDS = 60;

/**
 * Browser-side code as strings: bench/ compiles without DOM types. Notes every draw of the chart
 * (the chart sets data-drawn-points once uPlot has drawn) with the time of the frame after it, when
 * the drawn canvas reaches the screen, and every long task of the page.
 */
const WATCH = `(() => {
  const chart = document.querySelector('[data-testid="dash-chart"]');
  if (chart === null) throw new Error("no chart on the dashboards pane");
  window.__iocDraws = [];
  window.__iocLongTasks = [];
  new MutationObserver(() => {
    const points = Number(chart.getAttribute("data-drawn-points"));
    requestAnimationFrame(() => window.__iocDraws.push({ points, at: performance.now() }));
  }).observe(chart, { attributes: true, attributeFilter: ["data-drawn-points"] });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__iocLongTasks.push(e.duration); }).observe({ type: "longtask" });
})()`;

interface Draw {
  points: number;
  at: number;
}

async function openDomain(page: Page, url: string, domain: SeriesDomain): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid="dashboards-pane"][data-ready="true"]').waitFor({ timeout: 60_000 });
  if (domain !== "public_services") await page.getByTestId(`dash-domain-${domain}`).click();
  await page.locator(`[data-testid="dashboards-pane"][data-ready="true"][data-domain="${domain}"][data-range="today"]`).waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="dash-chart"][data-drawn-points]').waitFor({ timeout: 60_000 });
}

/** Click on "30 days" → the frame after the chart has drawn every hour of the 30 days (ms). */
async function firstDraw30d(page: Page): Promise<number> {
  await page.evaluate(WATCH);
  const clickedAt = (await page.evaluate(`(() => { const t = performance.now(); document.querySelector('[data-testid="dash-range-30d"]').click(); return t; })()`)) as number;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const draws = (await page.evaluate("window.__iocDraws")) as Draw[];
    const full = draws.find((d) => d.points === HOURS_30D);
    if (full !== undefined) return full.at - clickedAt;
    if (Date.now() > deadline) throw new Error(`The 30-day chart was not drawn within 60 s (draws: ${JSON.stringify(draws)}).`);
    await page.waitForTimeout(20);
  }
}

/**
 * The dashboards window as a duty officer keeps it: 30 days of hourly figures for the 11 wards and
 * every domain seeded on the backend and caught up into the console's cache. First draw: a fresh
 * window on one domain, then "30 days", until the chart has drawn its 720 hours and the frame is
 * on screen (each domain, twice). Live: the 30-day view left open while the backend rewrites every
 * domain's current hour each second; the page's long tasks over a minute, and how many redraws
 * happened (the updates really reached the chart).
 */
export const dashboardsBenchmark: Benchmark = {
  name: "dashboards",
  async run() {
    const city = await startBenchCity({
      dataDir: tempDir("dashboards-backend"),
      consoles: 1,
      extraArgs: ["--no-video", "--domain-history-days", String(HISTORY_DAYS), "--domain-interval-ms", "1000"],
    });
    const consoleApp = await startBenchConsole(city, { dataDir: tempDir("dashboards-console") });
    const browser = await launchChromium();
    try {
      const url = `${consoleApp.url}/?role=dashboards`;
      const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
      // The console has caught up the whole history once its link to the backend is live.
      await page.goto(url);
      await page.locator('[data-testid="connection-state"][data-state="online"]').waitFor({ timeout: 300_000 });

      const firstDraws: number[] = [];
      for (let pass = 0; pass < ROUNDS; pass++) {
        for (const domain of SERIES_DOMAINS) {
          await openDomain(page, url, domain);
          const drawn = await firstDraw30d(page);
          console.log(`dashboards: ${domain} (pass ${pass + 1}) first 30-day draw ${Math.round(drawn)} ms`);
          firstDraws.push(drawn);
        }
      }

      // Live: the last page shows 30 days of its domain; the backend rewrites the hour every second.
      await page.evaluate(WATCH);
      await page.waitForTimeout(LIVE_SECONDS * 1000);
      const draws = (await page.evaluate("window.__iocDraws")) as Draw[];
      const longTasks = (await page.evaluate("window.__iocLongTasks")) as number[];
      const liveDraws = draws.filter((d) => d.points === HOURS_30D).length;
      if (liveDraws < LIVE_SECONDS / 2) throw new Error(`Only ${liveDraws} redraws in ${LIVE_SECONDS} s of live updates: the updates did not reach the chart.`);
      const figures: Figures = {
        "dashboards.first_draw_30d_ms": { value: round(median(firstDraws)), unit: "ms" },
        "dashboards.first_draw_30d_max_ms": { value: round(Math.max(...firstDraws)), unit: "ms" },
        "dashboards.live_update_long_task_p95_ms": { value: round(longTasks.length === 0 ? 0 : percentile(longTasks, 95)), unit: "ms" },
        "dashboards.live_update_long_tasks": { value: longTasks.length, unit: "tasks" },
        "dashboards.live_redraws": { value: liveDraws, unit: "draws" },
      };
      return figures;
    } finally {
      await browser.close();
      await consoleApp.stop();
      await city.stop();
    }
  },
};
