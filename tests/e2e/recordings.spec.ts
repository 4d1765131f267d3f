import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";
import { RECORDING_PATHS } from "../../shared/protocol/recordings.js";
import { cameraOutagePath } from "../../shared/protocol/simulator.js";
import { backendAlarm, startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";

/** The demo catalogue's cameras, every one recorded. */
const CAMERAS = 22;

async function recordingCameraIds(backendUrl: string): Promise<string[]> {
  const response = await backendFetch(`${backendUrl}${RECORDING_PATHS.recordings}/health`, {}, "op-01");
  const body = (await response.json()) as { ok: boolean; value?: { cameras: { cameraId: string; state: string }[] } };
  return (body.value?.cameras ?? []).filter((c) => c.state === "recording").map((c) => c.cameraId);
}

const recordingCameras = async (backendUrl: string): Promise<number> => (await recordingCameraIds(backendUrl)).length;

/** How much of [fromMs, toMs) the camera has recorded, in ms. */
async function recordedMs(backendUrl: string, cameraId: string, fromMs: number, toMs: number): Promise<number> {
  const query = `from=${encodeURIComponent(new Date(fromMs).toISOString())}&to=${encodeURIComponent(new Date(toMs).toISOString())}`;
  const response = await backendFetch(`${backendUrl}${RECORDING_PATHS.recordings}/${cameraId}/timeline?${query}`, {}, "op-01");
  const body = (await response.json()) as { value?: { recorded: { startMs: number; endMs: number }[] } };
  return (body.value?.recorded ?? []).reduce((sum, s) => sum + s.endMs - s.startMs, 0);
}

/** While playing: each tile's camera, the time of its picture, and, if it holds for lack of recording, when its next picture is. */
const tileSync = (page: Page) =>
  page.locator('[data-testid="playback-tile"][data-state="ready"]').evaluateAll((els) =>
    els.map((e) => ({
      cameraId: e.getAttribute("data-camera-id") ?? "",
      wallMs: Number(e.getAttribute("data-wall-ms") ?? "NaN"),
      held: e.getAttribute("data-held") === "true",
      nextMs: e.hasAttribute("data-next-ms") ? Number(e.getAttribute("data-next-ms")) : null,
    })),
  );

const tileWallMs = (page: Page) =>
  page.locator('[data-testid="playback-tile"][data-state="ready"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-wall-ms") ?? "NaN")));

test.describe("recordings", () => {
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;
  const backendDir = tempDir("backend-recordings");

  test.beforeAll(async () => {
    backend = await startTestBackend({ video: true, dataDir: backendDir });
    consoleApp = await startTestConsole(backend.url, tempDir("console-recordings"));
  });

  test.afterAll(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("video at the alarm opens its cameras at the alarm's time, and they play in step", async ({ page }) => {
    test.setTimeout(360_000);
    // Once every camera's loop is encoded (the first run on a machine encodes them all).
    await expect.poll(() => recordingCameras(backend.url), { timeout: 240_000 }).toBe(CAMERAS);
    // Every camera has recorded the quarter minute before the alarm: the tiles open there, and the timeline click below lands there.
    const ids = await recordingCameraIds(backend.url);
    await expect
      .poll(async () => Math.min(...(await Promise.all(ids.map((id) => recordedMs(backend.url, id, Date.now() - 15_000, Date.now()))))), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(12_000);
    const raised = (await (await backendFetch(`${backend.url}/api/v1/sim/alarms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 1 }) }, "sup-01")).json()) as {
      value: { ids: string[] };
    };
    const alarmId = raised.value.ids[0]!;
    const alarm = (await backendAlarm(backend.url, alarmId))!;
    const raisedAtMs = Date.parse(String(alarm["raisedAt"]));
    const cameraId = String(alarm["cameraId"] ?? "");
    // Recorded a few seconds either side of the alarm before we look at it.
    if (cameraId !== "") await expect.poll(() => recordedMs(backend.url, cameraId, raisedAtMs, raisedAtMs + 4000), { timeout: 30_000 }).toBeGreaterThanOrEqual(3500);

    // The panel loads what was recorded up to its opening: some seconds after the alarm, so the seconds played below are in it.
    await expect.poll(() => Date.now(), { timeout: 15_000 }).toBeGreaterThan(raisedAtMs + 8000);

    // The alarm queue's window: no live wall decoding beside the recorded tiles.
    await page.goto(`${consoleApp.url}?role=alarms`);
    await expect(page.getByTestId("alarm-queue")).toHaveAttribute("data-ready", "true");
    // A row is selected on mousedown; dispatched, because a new alarm's row flashes (re-rendered) longer than click()'s stability wait.
    await page.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]`).dispatchEvent("mousedown");
    await expect(page.getByTestId("alarm-details")).toHaveAttribute("data-alarm-id", alarmId);
    await page.getByTestId("video-at-alarm").click();
    const panel = page.getByTestId("playback-panel");
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId("playback-tile")).toHaveCount(4);
    if (cameraId !== "") await expect(panel.getByTestId("playback-tile").first()).toHaveAttribute("data-camera-id", cameraId);
    await expect(panel.locator('[data-testid="playback-tile"][data-state="ready"]')).toHaveCount(4, { timeout: 30_000 });
    await expect(panel.getByTestId("playback-alarm-mark")).not.toHaveCount(0);

    // Paused at the alarm: every tile's picture is the one recorded at the alarm's time (±1 s).
    await expect.poll(async () => (await tileWallMs(page)).every((ms) => Math.abs(ms - raisedAtMs) <= 1000) && (await tileWallMs(page)).length === 4, { timeout: 20_000 }).toBe(true);
    const shown = await tileWallMs(page);
    for (const ms of shown) expect(Math.abs(ms - raisedAtMs)).toBeLessThanOrEqual(1000);

    // Synchronised playback: one clock; every tile within half a second of the others while playing.
    await page.getByTestId("playback-play").click();
    await expect(panel).toHaveAttribute("data-playing", "true");
    await expect.poll(async () => Number(await panel.getAttribute("data-clock-ms")), { timeout: 20_000 }).toBeGreaterThan(raisedAtMs + 1500);
    for (let sample = 0; sample < 5; sample++) {
      const clockMs = Number(await panel.getAttribute("data-clock-ms"));
      const tiles = await tileSync(page);
      expect(tiles).toHaveLength(4);
      // Tiles showing a picture show the same moment; one may hold only where its camera recorded nothing.
      const playing = tiles.filter((tile) => !tile.held).map((tile) => tile.wallMs);
      expect(playing.length).toBeGreaterThan(0);
      expect(Math.max(...playing) - Math.min(...playing)).toBeLessThanOrEqual(500);
      for (const tile of tiles.filter((t) => t.held)) {
        if (tile.nextMs === null) {
          // Past the end of what was loaded: its last picture, never a later one.
          expect(tile.wallMs).toBeLessThanOrEqual(clockMs + 500);
        } else {
          expect(tile.nextMs).toBeGreaterThan(clockMs - 500);
          expect(await recordedMs(backend.url, tile.cameraId, clockMs, tile.nextMs)).toBeLessThan(500);
        }
      }
      await page.waitForTimeout(400);
    }

    // Back to the alarm: every tile is sought there again.
    await page.getByTestId("playback-play").click();
    await page.getByTestId("playback-to-alarm").click();
    await expect.poll(async () => (await tileWallMs(page)).every((ms) => Math.abs(ms - raisedAtMs) <= 1000), { timeout: 20_000 }).toBe(true);
    // A click on the timeline takes every tile to the time under the pointer.
    const timeline = panel.getByTestId("playback-timeline");
    const box = (await timeline.boundingBox())!;
    const startMs = Number(await timeline.getAttribute("data-start-ms"));
    const spanMs = Number(await timeline.getAttribute("data-span-ms"));
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height / 2);
    const clickedMs = startMs + spanMs * 0.45;
    await expect(panel).toHaveAttribute("data-clock-ms", /\d+/);
    expect(Math.abs(Number(await panel.getAttribute("data-clock-ms")) - clickedMs)).toBeLessThanOrEqual(spanMs / box.width + 50);
    await expect.poll(async () => (await tileWallMs(page)).every((ms) => Math.abs(ms - clickedMs) <= 1000), { timeout: 20_000 }).toBe(true);
    await page.getByTestId("playback-close").click();
    await expect(panel).toHaveCount(0);
  });

  test("the wall's camera list shows each camera's recording state", async ({ page }) => {
    await expect.poll(() => recordingCameras(backend.url), { timeout: 120_000 }).toBe(CAMERAS);
    await page.goto(`${consoleApp.url}?role=wall`);
    await page.getByTestId("camera-list-toggle").click();
    const badge = page.locator('[data-testid="camera-list-item"][data-camera-id="cam-02"] [data-testid="recording-badge"]');
    await expect(badge).toHaveAttribute("data-state", "recording", { timeout: 30_000 });
    await expect(badge).toContainText(/\d+ MB/);
  });

  test("a supervisor exports ten seconds of the wall's playback as evidence; the folder the console kept verifies, a changed clip does not", async ({ page }) => {
    test.setTimeout(360_000);
    await expect.poll(() => recordingCameras(backend.url), { timeout: 120_000 }).toBe(CAMERAS);
    const supervisorConsole = await startTestConsole(backend.url, tempDir("console-recordings-sup"), "sup-01");
    try {
      await page.goto(`${supervisorConsole.url}?role=wall`);
      const tile = page.locator('[data-testid="wall-grid"] [data-tile="0"]');
      await expect(tile).toHaveAttribute("data-camera-id", /.+/);
      const cameraId = (await tile.getAttribute("data-camera-id"))!;
      await page.getByTestId("wall-layout-1x1").dispatchEvent("click");
      // The wall's playback opens a minute back: wait until the camera has recorded that far back.
      await expect.poll(async () => recordedMs(backend.url, cameraId, Date.now() - 65_000, Date.now() - 45_000), { timeout: 150_000 }).toBeGreaterThanOrEqual(19_000);
      await page.getByTestId("wall-playback").click();
      const panel = page.getByTestId("playback-panel");
      const clockMs = Number(await panel.getAttribute("data-clock-ms"));
      expect(await recordedMs(backend.url, cameraId, clockMs, clockMs + 10_000)).toBeGreaterThanOrEqual(9000);

      // Shift-drag along the timeline marks a range...
      const timeline = panel.getByTestId("playback-timeline");
      const box = (await timeline.boundingBox())!;
      await page.keyboard.down("Shift");
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.keyboard.up("Shift");
      const selection = panel.getByTestId("playback-selection");
      await expect(selection).toBeVisible();
      expect(Number(await selection.getAttribute("data-to-ms"))).toBeGreaterThan(Number(await selection.getAttribute("data-from-ms")));
      // ...and I and O set its ends at the playhead: here the ten seconds from where playback opened.
      await timeline.focus();
      await page.keyboard.press("i");
      await page.keyboard.press("Shift+ArrowRight");
      await page.keyboard.press("o");
      await expect(selection).toHaveAttribute("data-from-ms", String(clockMs));
      await expect(selection).toHaveAttribute("data-to-ms", String(clockMs + 10_000));

      await panel.getByTestId("playback-export").click();
      const form = panel.getByTestId("evidence-form");
      await expect(form.getByTestId("evidence-range")).toHaveAttribute("data-from-ms", String(clockMs));
      await expect(form.getByTestId("evidence-range")).toContainText("10");
      await form.getByTestId("evidence-submit").click();
      await expect(form.getByTestId("evidence-error")).toBeVisible();
      await form.getByTestId("evidence-reason").fill("Công an phường Quang Trung yêu cầu, công văn số 12");
      await form.getByTestId("evidence-submit").click();
      const saved = form.getByTestId("evidence-saved");
      await expect(saved).toBeVisible({ timeout: 60_000 });
      const folder = (await saved.getAttribute("data-folder"))!;
      await expect(saved).toContainText(`${cameraId}.mp4`);

      const verify = (): { code: number; output: string } => {
        try {
          const output = execFileSync(process.execPath, ["--import", "tsx", "backend/recordings/verify-evidence-cli.ts", join(folder, "manifest.json"), "--data-dir", backendDir], { stdio: "pipe", env: { ...process.env, IOC_AUDIT_KEY: "" } });
          return { code: 0, output: output.toString() };
        } catch (error) {
          const failed = error as { status: number; stderr: Buffer };
          return { code: failed.status, output: failed.stderr.toString() };
        }
      };
      expect(verify()).toMatchObject({ code: 0, output: expect.stringContaining("Evidence intact") });
      const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as { manifest: { operatorId: string; reason: string; from: string; to: string } };
      expect(manifest.manifest).toMatchObject({ operatorId: "sup-01", reason: "Công an phường Quang Trung yêu cầu, công văn số 12", from: new Date(clockMs).toISOString(), to: new Date(clockMs + 10_000).toISOString() });
      const clip = join(folder, `${cameraId}.mp4`);
      const bytes = readFileSync(clip);
      bytes[1000] = (bytes[1000] ?? 0) ^ 1;
      writeFileSync(clip, bytes);
      expect(verify().code).toBe(1);
    } finally {
      await supervisorConsole.stop();
    }
  });

  test("each wall tile shows its camera's recording state: recording, then a gap while the camera is offline", async ({ page }) => {
    test.setTimeout(180_000);
    await expect.poll(() => recordingCameras(backend.url), { timeout: 120_000 }).toBe(CAMERAS);
    await page.goto(`${consoleApp.url}?role=wall`);
    const tile = page.locator('[data-testid="wall-grid"] [data-tile="0"]');
    await expect(tile).toHaveAttribute("data-camera-id", /.+/);
    const cameraId = (await tile.getAttribute("data-camera-id"))!;
    await expect(tile.getByTestId("tile-recording")).toHaveAttribute("data-state", "recording", { timeout: 30_000 });
    const outage = await backendFetch(`${backend.url}${cameraOutagePath(cameraId)}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seconds: 60 }) }, "sup-01");
    expect(outage.ok).toBe(true);
    // The health is read every ten seconds; the gap shows once the recorder has seen segments stop.
    await expect(tile.getByTestId("tile-recording")).toHaveAttribute("data-state", "gap", { timeout: 60_000 });
    await expect(tile.getByTestId("tile-recording")).toContainText(/\d{2}:\d{2}/);
  });

  test("an operator is not offered the export", async ({ page }) => {
    await page.goto(`${consoleApp.url}?role=wall`);
    await page.getByTestId("wall-playback").click();
    await expect(page.getByTestId("playback-panel")).toBeVisible();
    await expect(page.getByTestId("playback-export")).toHaveCount(0);
  });
});
