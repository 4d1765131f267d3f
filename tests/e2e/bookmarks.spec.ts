import { expect, test } from "@playwright/test";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
import { backendEntity, startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";

test.describe("bookmarks", () => {
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;

  test.beforeAll(async () => {
    // Bookmarks need no video: the player's clock says where the mark goes.
    backend = await startTestBackend({ dataDir: tempDir("backend-bookmarks") });
    consoleApp = await startTestConsole(backend.url, tempDir("console-bookmarks"));
  });

  test.afterAll(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("made in playback with a note, marked on the timeline, found by search and camera, opened at its time", async ({ page }) => {
    await page.goto(`${consoleApp.url}?role=wall`);
    const firstTile = page.locator('[data-testid="wall-grid"] [data-tile="0"]');
    await expect(firstTile).toHaveAttribute("data-camera-id", /.+/);
    const cameraId = (await firstTile.getAttribute("data-camera-id"))!;

    await page.getByTestId("wall-playback").click();
    const panel = page.getByTestId("playback-panel");
    await expect(panel).toBeVisible();
    const clockMs = Number(await panel.getAttribute("data-clock-ms"));
    await panel.getByTestId("playback-bookmark").click();
    const form = panel.getByTestId("bookmark-form");
    // An empty note is refused where the operator sees it.
    await form.getByTestId("bookmark-save").click();
    await expect(form.getByTestId("bookmark-error")).toBeVisible();
    if ((await form.getByTestId("bookmark-camera").count()) > 0) await form.getByTestId("bookmark-camera").selectOption(cameraId);
    await form.getByTestId("bookmark-length").selectOption("30");
    await form.getByTestId("bookmark-note").fill("Người đàn ông áo đỏ trèo qua rào");
    await form.getByTestId("bookmark-save").click();
    await expect(form).toHaveCount(0);
    await expect(panel.getByTestId("playback-bookmark-mark")).toHaveCount(1);
    await panel.getByTestId("playback-close").click();

    await page.getByTestId("wall-bookmarks").click();
    const list = page.getByTestId("bookmarks-panel");
    await expect(list.getByTestId("bookmark-row")).toHaveCount(1);
    // Accents and case do not matter; words that are not there find nothing.
    await list.getByTestId("bookmarks-search").fill("AO DO rao");
    await expect(list.getByTestId("bookmark-row")).toHaveCount(1);
    const row = list.getByTestId("bookmark-row");
    await expect(row.getByTestId("bookmark-row-note")).toHaveText("Người đàn ông áo đỏ trèo qua rào");
    await list.getByTestId("bookmarks-search").fill("xe tải");
    await expect(list.getByTestId("bookmarks-empty")).toBeVisible();
    await list.getByTestId("bookmarks-search").fill("");
    const otherCamera = await list.getByTestId("bookmarks-camera").locator("option").evaluateAll((options, own) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== "" && v !== own) ?? "", cameraId);
    await list.getByTestId("bookmarks-camera").selectOption(otherCamera);
    await expect(list.getByTestId("bookmarks-empty")).toBeVisible();
    await list.getByTestId("bookmarks-camera").selectOption(cameraId);
    await expect(list.getByTestId("bookmark-row")).toHaveCount(1);

    // The backend has it, made by the signed-in operator, and the range starts where the player was.
    const bookmarkId = (await list.getByTestId("bookmark-row").getAttribute("data-bookmark-id"))!;
    await expect.poll(() => backendEntity(backend.url, "bookmark", bookmarkId), { timeout: 15_000 }).toMatchObject({ cameraId, createdBy: "op-01", note: "Người đàn ông áo đỏ trèo qua rào" });
    const stored = (await backendEntity(backend.url, "bookmark", bookmarkId))!;
    const startMs = Date.parse(String(stored["startAt"]));
    expect(Math.abs(startMs - clockMs)).toBeLessThan(5000);
    expect(Date.parse(String(stored["endAt"])) - startMs).toBe(30_000);

    // Play opens the recording of its camera at its time.
    await list.getByTestId("bookmark-play").click();
    await expect(list).toHaveCount(0);
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute("data-clock-ms", String(startMs));
    await expect(panel.getByTestId("playback-tile")).toHaveAttribute("data-camera-id", cameraId);
  });

  test("a range marked on the timeline with the start and end buttons is the bookmark's range", async ({ page }) => {
    await page.goto(`${consoleApp.url}?role=wall`);
    await page.getByTestId("wall-playback").click();
    const panel = page.getByTestId("playback-panel");
    await expect(panel).toBeVisible();
    const cameraId = (await panel.getByTestId("playback-tile").first().getAttribute("data-camera-id"))!;
    const clockMs = Number(await panel.getAttribute("data-clock-ms"));
    await panel.getByTestId("playback-mark-in-button").click();
    for (let step = 0; step < 5; step++) await panel.getByTestId("playback-step-forward").click();
    await panel.getByTestId("playback-mark-out-button").click();
    await expect(panel.getByTestId("playback-selection")).toHaveAttribute("data-to-ms", String(clockMs + 5000));

    await panel.getByTestId("playback-bookmark").click();
    const form = panel.getByTestId("bookmark-form");
    await expect(form.getByTestId("bookmark-range")).toHaveAttribute("data-from-ms", String(clockMs));
    await expect(form.getByTestId("bookmark-length")).toHaveCount(0);
    if ((await form.getByTestId("bookmark-camera").count()) > 0) await form.getByTestId("bookmark-camera").selectOption(cameraId);
    await form.getByTestId("bookmark-note").fill("Xe máy đi ngược chiều");
    await form.getByTestId("bookmark-save").click();
    await expect(form).toHaveCount(0);
    await panel.getByTestId("playback-close").click();

    await page.getByTestId("wall-bookmarks").click();
    const list = page.getByTestId("bookmarks-panel");
    await list.getByTestId("bookmarks-search").fill("nguoc chieu");
    await expect(list.getByTestId("bookmark-row")).toHaveCount(1);
    const bookmarkId = (await list.getByTestId("bookmark-row").getAttribute("data-bookmark-id"))!;
    await expect.poll(() => backendEntity(backend.url, "bookmark", bookmarkId), { timeout: 15_000 }).toMatchObject({
      cameraId,
      startAt: new Date(clockMs).toISOString(),
      endAt: new Date(clockMs + 5000).toISOString(),
    });
  });
});
