import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";
import { RECORDING_PATHS } from "../../shared/protocol/recordings.js";
import { startRtspCamera, type RtspCamera } from "../shared/rtsp-camera.js";
import { backendEntity, startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";

/**
 * A supervisor adds a real RTSP camera (rtsp-server-perl on loopback) in the console: the
 * connection test shows its codec and size, and once saved it plays on the wall and is recorded.
 * An operator is offered no such thing, and the backend refuses it anyway.
 */
test.describe("cameras", () => {
  let rtsp: RtspCamera;
  let backend: BackendProcess;
  let supervisorConsole: ConsoleProcess;
  let operatorConsole: ConsoleProcess;

  test.beforeAll(async () => {
    rtsp = await startRtspCamera();
    // One simulated camera: the test is about the one added.
    backend = await startTestBackend({ video: true, cameras: 1, dataDir: tempDir("backend-cameras") });
    supervisorConsole = await startTestConsole(backend.url, tempDir("console-cameras-sup"), "sup-01");
    operatorConsole = await startTestConsole(backend.url, tempDir("console-cameras-op"), "op-01");
  });

  test.afterAll(async () => {
    await supervisorConsole?.stop();
    await operatorConsole?.stop();
    await backend?.stop();
    rtsp?.stop();
  });

  test("a supervisor adds an RTSP camera: tested, saved, live on the wall and recorded", async ({ page }) => {
    test.setTimeout(120_000);
    // The wall's own window: a full-window wall, where a 1x1 tile is large and a 3x3 one small.
    await page.goto(`${supervisorConsole.url}?role=wall`);
    await expect(page.getByTestId("wall-toolbar")).toBeVisible({ timeout: 30_000 });
    await page.getByTestId("wall-camera-admin").click();
    const panel = page.getByTestId("cameras-panel");
    await expect(panel).toBeVisible();
    await panel.getByTestId("camera-add").click();
    const form = panel.getByTestId("camera-form");
    await form.getByTestId("camera-name").fill("Cổng chợ Uông Bí");
    await form.getByTestId("camera-location").fill("106.7801, 21.0402");

    // A file: address is refused in the form, with the reason.
    await form.getByTestId("camera-url").fill("file:///etc/passwd");
    await form.getByTestId("camera-save").click();
    await expect(form.getByTestId("camera-url-error")).toContainText("rtsp, rtsps, http and https");

    await form.getByTestId("camera-url").fill(rtsp.url);
    // Its sub-stream: the same stream here (one RTSP test camera at a time on a machine).
    await form.getByTestId("camera-sub-url").fill(rtsp.url);
    await form.getByTestId("camera-username").fill("admin");
    await form.getByTestId("camera-password").fill("e2e-Secret-PW");
    await form.getByTestId("camera-test").click();
    await expect(form.getByTestId("camera-probe")).toContainText("h264, 320×180", { timeout: 20_000 });
    await form.getByTestId("camera-save").click();
    await expect(form).toHaveCount(0);

    const row = panel.locator('[data-testid="camera-row"]', { hasText: "Cổng chợ Uông Bí" });
    const cameraId = (await row.getAttribute("data-camera-id"))!;
    expect(cameraId).toMatch(/^cam-/);
    await expect.poll(async () => (await backendEntity(backend.url, "camera", cameraId))?.["status"], { timeout: 20_000 }).toBe("online");
    await expect(row).toHaveAttribute("data-status", "online", { timeout: 20_000 });
    const stored = await backendEntity(backend.url, "camera", cameraId);
    expect(JSON.stringify(stored)).not.toContain("e2e-Secret-PW");
    expect(stored?.["setup"]).toMatchObject({ hasCredentials: true, url: rtsp.url });
    await panel.getByTestId("cameras-close").click();

    // Live on the wall: its picture moves.
    await page.getByTestId("camera-list-toggle").click();
    await page.locator(`[data-testid="camera-list-item"][data-camera-id="${cameraId}"]`).dragTo(page.locator('[data-testid="wall-grid"] [data-tile="0"]'));
    const tile = page.locator(`[data-testid="camera-tile"][data-camera-id="${cameraId}"]`);
    await expect(tile).toHaveAttribute("data-state", "playing", { timeout: 30_000 });
    const video = tile.locator("video");
    const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(t0 + 1);

    // A small tile plays the sub-stream, a full-wall one the main stream: the tile switches with the layout.
    await page.getByTestId("wall-layout-3x3").dispatchEvent("click");
    await expect(tile).toHaveAttribute("data-stream", "sub");
    await expect(tile).toHaveAttribute("data-state", "playing", { timeout: 30_000 });
    await page.getByTestId("wall-layout-1x1").dispatchEvent("click");
    await expect(tile).toHaveAttribute("data-stream", "main");

    // Recorded: its recording state in the camera list, and seconds of it in the backend's timeline.
    await page.getByTestId("wall-camera-admin").click();
    await expect(panel.locator(`[data-testid="camera-row"][data-camera-id="${cameraId}"] [data-testid="recording-badge"]`)).toHaveAttribute("data-state", "recording", { timeout: 30_000 });
    // The recorder indexes a segment once it is closed: the recorded seconds grow while the camera runs.
    const recordedMs = async (): Promise<number> => {
      const now = Date.now();
      const query = `from=${encodeURIComponent(new Date(now - 60_000).toISOString())}&to=${encodeURIComponent(new Date(now + 5_000).toISOString())}`;
      const timeline = (await (await backendFetch(`${backend.url}${RECORDING_PATHS.recordings}/${cameraId}/timeline?${query}`, {}, "op-01")).json()) as { value?: { recorded: { startMs: number; endMs: number }[] } };
      return (timeline.value?.recorded ?? []).reduce((sum, s) => sum + s.endMs - s.startMs, 0);
    };
    await expect.poll(recordedMs, { timeout: 20_000 }).toBeGreaterThan(2000);
  });

  test("an operator is not offered camera administration, and the backend refuses it", async ({ page }) => {
    await page.goto(operatorConsole.url);
    await expect(page.getByTestId("wall-toolbar")).toBeVisible({ timeout: 30_000 });
    await page.getByTestId("wall-camera-admin").click();
    const panel = page.getByTestId("cameras-panel");
    await expect(panel.getByTestId("camera-row").first()).toBeVisible();
    await expect(panel.getByTestId("camera-add")).toHaveCount(0);
    await expect(panel.getByTestId("camera-edit")).toHaveCount(0);
    const command = {
      type: "camera_add",
      target: { kind: "camera", id: `cam-${randomUUID()}` },
      name: "Không được phép",
      wardCode: "22261",
      location: [106.78, 21.04],
      settings: { url: rtsp.url, subStreamUrl: null, credentials: null, recording: true, retentionDays: 7 },
    };
    const body = JSON.stringify({ idempotencyKey: `key-${randomUUID()}`, operatorId: "op-01", at: new Date().toISOString(), command });
    const answer = (await (await backendFetch(`${backend.url}/api/v1/actions`, { method: "POST", headers: { "content-type": "application/json" }, body }, "op-01")).json()) as { ok: boolean; error?: { kind: string } };
    expect(answer).toMatchObject({ ok: false, error: { kind: "forbidden" } });
  });
});
