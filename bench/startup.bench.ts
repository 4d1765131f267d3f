import { spawnBackend } from "../scripts/lib/backend-process.js";
import { spawnConsole } from "../scripts/lib/console-process.js";
import { launchChromium, median, round, tempDir, type Benchmark } from "./harness.js";

const RUNS = 7;

/**
 * Cold start of the browser console from its cache with the backend down: the console process
 * is restarted for every run and each page load gets a fresh browser context (no HTTP cache).
 * Usable = the alarm queue drawn with the cached alarms and taking input (mark ioc:alarms-ready).
 */
export const startupBenchmark: Benchmark = {
  name: "startup",
  async run() {
    const backend = await spawnBackend({ port: 0, dataDir: tempDir("startup-backend"), extraArgs: ["--no-video", "--no-simulator", "--demo", "--simulator-api"] });
    const dataDir = tempDir("startup-console");
    const browser = await launchChromium();
    try {
      let consoleApp = await spawnConsole({ backendUrl: backend.url, dataDir });
      const warm = await browser.newPage();
      await warm.goto(consoleApp.url);
      await warm.waitForSelector('[data-testid="connection-state"][data-state="online"]', { timeout: 60_000 });
      await warm.close();
      await consoleApp.stop();
      await backend.stop();

      const usable: number[] = [];
      const mapReady: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        consoleApp = await spawnConsole({ backendUrl: backend.url, dataDir });
        const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
        const page = await context.newPage();
        await page.goto(consoleApp.url);
        await page.waitForFunction(() => performance.getEntriesByName("ioc:alarms-ready").length > 0, null, { timeout: 30_000 });
        await page.waitForFunction(() => performance.getEntriesByName("ioc:map-ready").length > 0, null, { timeout: 60_000 });
        const marks = await page.evaluate(() => ({
          usable: performance.getEntriesByName("ioc:alarms-ready")[0]!.startTime,
          map: performance.getEntriesByName("ioc:map-ready")[0]!.startTime,
        }));
        usable.push(marks.usable);
        mapReady.push(marks.map);
        await context.close();
        await consoleApp.stop();
      }
      return {
        "startup.cold_from_cache_ms": { value: round(median(usable)), unit: "ms" },
        "startup.map_ready_ms": { value: round(median(mapReady)), unit: "ms" },
      };
    } finally {
      await browser.close();
      await backend.stop();
    }
  },
};
