import { expect, test, type Page } from "@playwright/test";
import { spawnBackend, type BackendProcess } from "../../scripts/lib/backend-process.js";
import { spawnConsole, type ConsoleProcess } from "../../scripts/lib/console-process.js";
import { freePort } from "../../scripts/lib/free-port.js";
import { cameraOutagePath } from "../../shared/protocol/simulator.js";
import { startTestBackend, startTestConsole, tempDir, VIDEO_CACHE_DIR } from "./harness/stack.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";

/** Camera id per visible tile, in tile order (null for an empty tile). */
function wallCameras(page: Page): Promise<(string | null)[]> {
  return page.locator('[data-testid="wall-grid"] [data-tile]').evaluateAll((els) => els.map((e) => e.getAttribute("data-camera-id")));
}

async function openWall(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("app")).toBeVisible();
  await expect(page.getByTestId("wall-grid")).toBeVisible();
  await expect(page.getByTestId("camera-tile").first()).toBeVisible({ timeout: 30_000 });
}

/**
 * Picks a layout. dispatchEvent rather than click(): with a wall of players decoding on a loaded
 * two-core machine, click()'s animation-frame stability checks can wait a very long time.
 */
async function chooseLayout(page: Page, layout: string): Promise<void> {
  await page.getByTestId(`wall-layout-${layout}`).dispatchEvent("click");
  await expect(page.getByTestId("wall-grid")).toHaveAttribute("data-layout", layout);
}

const livePlayers = (page: Page) => page.evaluate(() => (globalThis as { __iocWall?: { livePlayers: number } }).__iocWall?.livePlayers ?? -1);

test.describe("camera wall", () => {
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;

  test.beforeAll(async () => {
    backend = await startTestBackend({ video: true });
    consoleApp = await startTestConsole(backend.url, tempDir("console-wall"));
  });

  test.afterAll(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("switching layouts keeps the assigned cameras", async ({ page }) => {
    await openWall(page, consoleApp.url);
    await chooseLayout(page, "3x3");
    await expect(page.locator('[data-testid="wall-grid"] [data-tile]')).toHaveCount(9);
    const nine = await wallCameras(page);
    expect(nine.filter((id) => id !== null)).toHaveLength(9);
    await chooseLayout(page, "1x1");
    await expect(page.locator('[data-testid="wall-grid"] [data-tile]')).toHaveCount(1);
    expect(await wallCameras(page)).toEqual(nine.slice(0, 1));
    await chooseLayout(page, "1+7");
    await expect(page.locator('[data-testid="wall-grid"] [data-tile]')).toHaveCount(8);
    expect(await wallCameras(page)).toEqual(nine.slice(0, 8));
    await chooseLayout(page, "3x3");
    await expect(page.locator('[data-testid="wall-grid"] [data-tile]')).toHaveCount(9);
    expect(await wallCameras(page)).toEqual(nine);
  });

  test("drag a camera from the list into a tile, and swap tiles by dragging", async ({ page }) => {
    await openWall(page, consoleApp.url);
    await chooseLayout(page, "2x2");
    await page.getByTestId("camera-list-toggle").click();
    await page.getByTestId("camera-search").fill("song uong");
    const item = page.locator('[data-testid="camera-list-item"][data-camera-id="cam-05"]');
    await expect(item).toBeVisible();
    await expect(page.getByTestId("camera-list-item")).toHaveCount(2);
    await item.dragTo(page.locator('[data-testid="wall-grid"] [data-tile="1"]'));
    await expect(page.locator('[data-testid="wall-grid"] [data-tile="1"]')).toHaveAttribute("data-camera-id", "cam-05");
    const before = await wallCameras(page);
    await page.locator('[data-testid="wall-grid"] [data-tile="0"]').dragTo(page.locator('[data-testid="wall-grid"] [data-tile="1"]'));
    await expect(page.locator('[data-testid="wall-grid"] [data-tile="0"]')).toHaveAttribute("data-camera-id", "cam-05");
    await expect(page.locator('[data-testid="wall-grid"] [data-tile="1"]')).toHaveAttribute("data-camera-id", before[0]!);
    // Number key picks a tile, Enter maximizes it and back.
    await page.getByTestId("wall-grid").focus();
    await page.keyboard.press("2");
    await page.keyboard.press("Enter");
    await expect(page.locator('[data-testid="wall-grid"] [data-tile]')).toHaveCount(1);
    await expect(page.getByTestId("wall-grid")).toHaveAttribute("data-maximized", "1");
    await page.keyboard.press("Enter");
    await expect(page.locator('[data-testid="wall-grid"] [data-tile]')).toHaveCount(4);
  });

  test("a tile plays the live camera and shows its latency in seconds", async ({ page }) => {
    await openWall(page, consoleApp.url);
    await page.getByTestId("camera-list-toggle").click();
    await page.locator('[data-testid="camera-list-item"][data-camera-id="cam-01"]').dragTo(page.locator('[data-testid="wall-grid"] [data-tile="0"]'));
    const tile = page.locator('[data-testid="camera-tile"][data-camera-id="cam-01"]');
    await expect(tile).toHaveAttribute("data-state", "playing", { timeout: 60_000 });
    const video = tile.locator("video");
    const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(t0 + 1);
    await expect.poll(async () => Number((await tile.getByTestId("tile-latency").getAttribute("data-latency")) || "NaN"), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(tile.getByTestId("tile-latency")).toContainText(/\d s/);
    // Square corners: a rounded clip over a playing video is redrawn through a mask on every frame
    // (on a CPU-composited wall it tripled the compositor's work and dropped a third of the frames).
    expect(await tile.evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).toBe("0px");
  });

  test("a small tile plays the 180p rendition, a maximized tile the 360p one (capLevelToPlayerSize)", async ({ page }) => {
    test.setTimeout(180_000);
    // The 360p loops are encoded in the background after every camera's 180p one (first run only).
    await expect
      .poll(async () => (await (await backendFetch(`${backend.url}/hls/cam-22/index.m3u8`)).text()).includes("RESOLUTION=640x360"), { timeout: 150_000 })
      .toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openWall(page, consoleApp.url);
    await chooseLayout(page, "5x5");
    // cam-01 is the live clock camera, encoded at 180p only: take the first looped camera.
    const tiles = page.locator('[data-testid="camera-tile"]:not([data-camera-id="cam-01"])');
    const cameraId = (await tiles.first().getAttribute("data-camera-id"))!;
    const tile = page.locator(`[data-testid="camera-tile"][data-camera-id="${cameraId}"]`);
    await expect(tile).toHaveAttribute("data-state", "playing", { timeout: 60_000 });
    const videoHeight = () => tile.locator("video").evaluate((v: HTMLVideoElement) => v.videoHeight);
    await expect.poll(videoHeight, { timeout: 30_000 }).toBe(180);
    await tile.getByTestId("tile-maximize").dispatchEvent("click");
    await expect(page.getByTestId("wall-grid")).toHaveAttribute("data-maximized", /\d/);
    await expect.poll(videoHeight, { timeout: 45_000 }).toBe(360);
    await expect(tile).toHaveAttribute("data-state", "playing");
  });

  test("a stream that fails shows reconnecting, then plays again by itself", async ({ page }) => {
    await openWall(page, consoleApp.url);
    const tile = page.locator('[data-testid="wall-grid"] [data-tile="1"]');
    await expect(tile).toHaveAttribute("data-state", "playing", { timeout: 60_000 });
    const cameraId = (await tile.getAttribute("data-camera-id"))!;
    // The link to this camera's stream breaks (the camera record itself stays online).
    await page.route(`**/hls/${cameraId}/**`, (route) => route.abort("connectionreset"));
    await expect(tile).toHaveAttribute("data-state", "reconnecting", { timeout: 45_000 });
    await expect(tile.getByTestId("tile-state")).toContainText(/\S/);
    await page.unroute(`**/hls/${cameraId}/**`);
    await expect(tile).toHaveAttribute("data-state", "playing", { timeout: 60_000 });

    // A camera outage on the backend: offline, then back by itself when the outage ends.
    const res = await backendFetch(`${backend.url}${cameraOutagePath(cameraId)}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seconds: 4 }) });
    expect(res.status).toBe(200);
    await expect(tile).toHaveAttribute("data-state", "offline", { timeout: 20_000 });
    await expect(tile).toHaveAttribute("data-state", "playing", { timeout: 60_000 });
  });

  test("no player is left after 100 layout changes, and memory stays flat", async ({ page }) => {
    await openWall(page, consoleApp.url);
    await chooseLayout(page, "2x2");
    await expect(page.locator('[data-testid="camera-tile"][data-state="playing"]').first()).toBeVisible({ timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      return page.evaluate(() => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    };
    const heapBefore = await heap();
    // 100 layout changes driven inside the page (each one mounts and unmounts players), a frame apart.
    await page.evaluate(async () => {
      const cycle = ["3x3", "1x1", "1+5", "2x2"];
      for (let i = 0; i < 100; i++) {
        document.querySelector<HTMLButtonElement>(`[data-testid="wall-layout-${cycle[i % cycle.length]}"]`)?.click();
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
    });
    await chooseLayout(page, "1x1");
    await expect(page.locator('[data-testid="wall-grid"] [data-tile]')).toHaveCount(1);
    // One tile, one player: every player of the 100 layouts before it was destroyed.
    await expect.poll(() => livePlayers(page), { timeout: 10_000 }).toBe(1);
    expect(await page.locator("video").count()).toBe(1);
    const created = await page.evaluate(() => (globalThis as { __iocWall?: { created: number } }).__iocWall?.created ?? 0);
    expect(created).toBeGreaterThan(100);
    const heapAfter = await heap();
    expect(heapAfter - heapBefore).toBeLessThan(40 * 1024 * 1024);
  });

  test("a tour advances through the cameras", async ({ page }) => {
    await openWall(page, consoleApp.url);
    await chooseLayout(page, "2x2");
    await page.getByTestId("tour-interval").selectOption("5");
    await page.getByTestId("tour-start").click();
    await expect(page.getByTestId("wall-pane")).toHaveAttribute("data-tour", "on");
    const first = await wallCameras(page);
    await expect.poll(() => wallCameras(page), { timeout: 20_000 }).not.toEqual(first);
    expect(Number(await page.getByTestId("wall-pane").getAttribute("data-tour-step"))).toBeGreaterThanOrEqual(1);
    await page.getByTestId("tour-stop").click();
    await expect(page.getByTestId("wall-pane")).toHaveAttribute("data-tour", "off");
  });

  test("a named view is saved to the backend and opened again after a reload", async ({ page }) => {
    await openWall(page, consoleApp.url);
    await chooseLayout(page, "1+5");
    const cameras = await wallCameras(page);
    await page.getByTestId("wall-view-name").fill("Ca đêm – cầu");
    await page.getByTestId("wall-view-save").click();
    await expect(page.getByTestId("wall-notice")).toContainText("Ca đêm – cầu");
    await chooseLayout(page, "1x1");
    await page.reload();
    await expect(page.getByTestId("wall-grid")).toBeVisible({ timeout: 60_000 });
    const option = page.getByTestId("wall-view-select").locator("option", { hasText: "Ca đêm – cầu" });
    await expect(option).toHaveCount(1);
    await page.getByTestId("wall-view-select").selectOption({ label: "Ca đêm – cầu" });
    await expect(page.getByTestId("wall-grid")).toHaveAttribute("data-layout", "1+5");
    expect(await wallCameras(page)).toEqual(cameras);
  });
});

// 9 tiles: more streams than HTTP/1.1's 6 connections per host, few enough for two CPU cores to decode.
test.describe("a wall of 9 tiles over a slow link, streams over HTTP/2", () => {
  test.use({ ignoreHTTPSErrors: true });
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;

  test.beforeAll(async () => {
    const consolePort = await freePort();
    backend = await spawnBackend({
      port: 0,
      dataDir: tempDir("backend-h2"),
      extraArgs: ["--video-cache-dir", VIDEO_CACHE_DIR, "--stream-tls", "--no-simulator", "--demo", "--console-origin", `http://127.0.0.1:${consolePort}`],
    });
    consoleApp = await spawnConsole({ backendUrl: backend.url, dataDir: tempDir("console-h2"), port: consolePort });
  });

  test.afterAll(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("every tile plays through a link with 300 ms of latency (HTTP/1.1's 6 connections could not keep up)", async ({ page }) => {
    test.setTimeout(240_000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 300, downloadThroughput: (40 * 1024 * 1024) / 8, uploadThroughput: (10 * 1024 * 1024) / 8 });
    await openWall(page, consoleApp.url);
    await chooseLayout(page, "3x3");
    const tiles = page.locator('[data-testid="camera-tile"]');
    const count = await tiles.count();
    expect(count).toBe(9);
    // Every tile must get its stream through the slow link and play (the machine is shared, so
    // "played" is recorded as it happens rather than demanded of all tiles in the same instant).
    await page.evaluate(() => {
      const seen = new Set<string>();
      (globalThis as { __played?: Set<string> }).__played = seen;
      const record = () => document.querySelectorAll('[data-testid="camera-tile"][data-state="playing"]').forEach((el) => seen.add(el.getAttribute("data-camera-id") ?? ""));
      new MutationObserver(record).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
      record();
    });
    const played = () => page.evaluate(() => (globalThis as { __played?: Set<string> }).__played?.size ?? 0);
    await expect.poll(played, { timeout: 150_000 }).toBe(count);
    // The streams really are HTTP/2: one connection carries all the tiles' requests.
    // (A segment fetched again, e.g. after a jump back to the live edge, may come from the HTTP cache:
    // no network, no protocol; only requests that went over the link are counted.)
    const protocols = await page.evaluate(() =>
      [
        ...new Set(
          performance
            .getEntriesByType("resource")
            .map((e) => e as PerformanceResourceTiming)
            .filter((e) => e.name.includes("/hls/") && e.transferSize > 0)
            .map((e) => e.nextHopProtocol),
        ),
      ],
    );
    expect(protocols).toEqual(["h2"]);
    // Over HTTP/2 the tiles hold blocking playlist reloads (LL-HLS _HLS_msn): they hear of each
    // segment when it exists instead of polling for it.
    const blockingReloads = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.includes(".m3u8") && e.name.includes("_HLS_msn=")).length);
    expect(blockingReloads).toBeGreaterThan(9);
  });
});
