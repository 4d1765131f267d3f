import { expect, test, type Page } from "@playwright/test";
import { backendAlarm, startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";
import { projectToPage, } from "./harness/map.js";
import { colourDistance, pixelsAt } from "./harness/pixels.js";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";

/** Centre of the bounding box of a ward's outer ring: inside for the compact wards of Uông Bí. */
async function wardInteriorPoint(backendUrl: string, wardName: string): Promise<[number, number]> {
  const res = await backendFetch(`${backendUrl}/api/v1/changes?after=0&limit=5000`);
  const page = (await res.json()) as { changes: { entity: string; data: { name: string; boundary: { coordinates: number[][][] } } }[] };
  const ward = page.changes.find((c) => c.entity === "ward" && c.data.name === wardName);
  if (!ward) throw new Error(`ward ${wardName} not in the backend`);
  const ring = ward.data.boundary.coordinates[0]!;
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("app")).toBeVisible();
}

test.describe("foundation: backend → cache → screen", () => {
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;
  const consoleData = tempDir("console-foundation");

  test.beforeAll(async () => {
    backend = await startTestBackend({ video: true });
    consoleApp = await startTestConsole(backend.url, consoleData);
  });

  test.afterAll(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("loads the city from the backend: online, seeded alarms newest critical first", async ({ page }) => {
    await openConsole(page, consoleApp.url);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
    const rows = page.getByTestId("alarm-row");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    const priorities = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-priority")));
    const rank = { critical: 0, high: 1, medium: 2, low: 3 } as Record<string, number>;
    const ranks = priorities.map((p) => rank[p ?? ""] ?? 9);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await expect(page.getByTestId("operator-name")).toContainText("Nguyễn Thị Lan");
  });

  test("the map draws the wards: ward pixels differ from the background", async ({ page }) => {
    await openConsole(page, consoleApp.url);
    await expect(page.getByTestId("map-pane")).toHaveAttribute("data-ready", "true");
    const inside = await projectToPage(page, await wardInteriorPoint(backend.url, "Thanh Sơn"));
    // Far south-west of the city: open background, no ward.
    const outside = await projectToPage(page, [106.64, 20.955]);
    const box = (await page.getByTestId("map-pane").boundingBox())!;
    expect(inside.x).toBeGreaterThan(box.x);
    expect(inside.x).toBeLessThan(box.x + box.width);
    const [wardPixel, backgroundPixel] = await pixelsAt(page, [inside, { x: Math.max(outside.x, box.x + 2), y: Math.min(outside.y, box.y + box.height - 2) }]);
    expect(colourDistance(wardPixel!, backgroundPixel!)).toBeGreaterThan(12);
  });

  test("a camera tile plays: its video's currentTime advances", async ({ page }) => {
    await openConsole(page, consoleApp.url);
    const tile = page.locator('[data-testid="camera-tile"][data-camera-id="cam-01"]');
    await expect(tile).toBeVisible();
    await expect(tile).toHaveAttribute("data-state", "playing", { timeout: 60_000 });
    const video = tile.locator("video");
    const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(t0 + 1);
    await expect(tile.getByTestId("tile-latency")).toContainText(/\d/);
  });

  test("acknowledging an alarm reaches the backend and shows who and when", async ({ page }) => {
    await openConsole(page, consoleApp.url);
    const row = page.locator('[data-testid="alarm-row"][data-state="unacknowledged"]').first();
    await expect(row).toBeVisible();
    const alarmId = (await row.getAttribute("data-alarm-id"))!;
    await row.getByTestId("ack-button").click();
    const same = page.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]`);
    await expect(same.getByTestId("ack-info")).toContainText("Nguyễn Thị Lan");
    await expect.poll(async () => (await backendAlarm(backend.url, alarmId))?.acknowledgedBy, { timeout: 10_000 }).toBe("op-01");
  });
});

test("restarted with the backend down, the console opens from its cache and says it is offline", async ({ page }) => {
  const backend = await startTestBackend();
  const consoleData = tempDir("console-offline");
  let consoleApp = await startTestConsole(backend.url, consoleData);
  try {
    await openConsole(page, consoleApp.url);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
    await expect(page.getByTestId("alarm-queue")).toHaveAttribute("data-ready", "true");
    await expect(page.getByTestId("alarm-row").first()).toBeVisible();
    const alarmCount = await page.getByTestId("alarm-count").textContent();
    const firstAlarm = await page.getByTestId("alarm-row").first().getAttribute("data-alarm-id");
    await consoleApp.stop();
    await backend.stop();

    consoleApp = await startTestConsole(backend.url, consoleData);
    await openConsole(page, consoleApp.url);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");
    await expect(page.getByTestId("alarm-row").first()).toHaveAttribute("data-alarm-id", firstAlarm!);
    await expect(page.getByTestId("alarm-count")).toHaveText(alarmCount!);
    await expect(page.getByTestId("map-pane")).toHaveAttribute("data-ready", "true");
  } finally {
    await consoleApp.stop();
    await backend.stop();
  }
});
