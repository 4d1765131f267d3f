import { chromium } from "playwright-core";
import { spawnBackend } from "/work/main/scripts/lib/backend-process.js";
import { spawnConsole } from "/work/main/scripts/lib/console-process.js";
const throttle = process.argv[2] === "throttle";
const backend = await spawnBackend({ port: 0, dataDir: "/tmp/w6-dbg-b", extraArgs: ["--video-cache-dir", "/work/main/.cache/test-video", "--no-simulator", "--stream-tls"] });
const app = await spawnConsole({ backendUrl: backend.url, dataDir: "/tmp/w6-dbg-c" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--autoplay-policy=no-user-gesture-required"] });
try {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (throttle) await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (40 * 1024 * 1024) / 8, uploadThroughput: (10 * 1024 * 1024) / 8 });
  await page.goto(app.url);
  await page.waitForSelector('[data-testid="camera-tile"]', { timeout: 60000 });
  await page.locator('[data-testid="wall-layout-5x5"]').dispatchEvent("click");
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(10000);
    console.log(JSON.stringify(await page.locator('[data-testid="camera-tile"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-state")?.slice(0, 4) + " " + (e.querySelector("video") as HTMLVideoElement).currentTime.toFixed(0)))));
  }
  console.log(await page.evaluate(() => [...new Set(performance.getEntriesByType("resource").filter((e) => e.name.includes("/hls/")).map((e) => (e as PerformanceResourceTiming).nextHopProtocol))]));
} finally {
  await browser.close(); await app.stop(); await backend.stop();
}
