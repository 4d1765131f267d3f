import { expect, test } from "@playwright/test";
import { freePort } from "../../scripts/lib/free-port.js";
import { backendAlarm, startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";


test("the link drops mid-shift: offline, actions queue up and are visible, then drain when the backend returns", async ({ page }) => {
  const port = await freePort();
  const backendData = tempDir("backend-offline");
  let backend = await startTestBackend({ port, dataDir: backendData });
  const consoleApp = await startTestConsole(backend.url);
  try {
    await page.goto(consoleApp.url);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
    const row = page.locator('[data-testid="alarm-row"][data-state="unacknowledged"]').first();
    const alarmId = (await row.getAttribute("data-alarm-id"))!;

    await backend.stop();
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");
    await expect(page.getByTestId("sync-retry")).toBeVisible();

    // Acknowledged offline: shown at once, and counted as pending.
    await page.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]`).getByTestId("ack-button").click();
    await expect(page.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]`).getByTestId("ack-info")).toContainText("Nguyễn Thị Lan");
    await expect(page.getByTestId("pending-count")).toHaveText("1");
    await page.getByTestId("pending-button").click();
    await expect(page.getByTestId("pending-item")).toHaveCount(1);
    await expect(page.getByTestId("pending-item")).toContainText(alarmId);
    await page.keyboard.press("Escape");

    backend = await startTestBackend({ port, dataDir: backendData });
    await page.getByTestId("sync-retry").click();
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
    await expect(page.getByTestId("pending-count")).toHaveText("0");
    expect((await backendAlarm(backend.url, alarmId))?.acknowledgedBy).toBe("op-01");
  } finally {
    await consoleApp.stop();
    await backend.stop();
  }
});

test("a large catch-up after an outage reaches the screen in full, as one reload rather than item by item", async ({ page }) => {
  const port = await freePort();
  const backendData = tempDir("backend-bulk");
  let backend = await startTestBackend({ port, dataDir: backendData });
  const consoleApp = await startTestConsole(backend.url);
  try {
    await page.goto(consoleApp.url);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
    await expect(page.getByTestId("alarm-queue")).toHaveAttribute("data-ready", "true");
    // The seeded city has active alarms: read the count once they are on screen, not before.
    await expect(page.getByTestId("alarm-count")).not.toHaveAttribute("data-count", "0");
    const before = Number(await page.getByTestId("alarm-count").getAttribute("data-count"));

    // While the console is cut off, the city raises far more alarms than one page of details.
    await backend.stop();
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");
    backend = await startTestBackend({ port, dataDir: backendData });
    const raised = await backendFetch(`${backend.url}/api/v1/sim/alarms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 2500 }) });
    expect(raised.ok).toBe(true);

    // The console finds the backend again by itself (back-off of at most 15 s).
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online", { timeout: 30_000 });
    await expect(page.getByTestId("alarm-count")).toHaveAttribute("data-count", String(before + 2500), { timeout: 20_000 });
  } finally {
    await consoleApp.stop();
    await backend.stop();
  }
});

test("the console's disk fills mid-shift: the status bar says so and the queue stays on screen", async ({ page }) => {
  const backend = await startTestBackend();
  const dataDir = tempDir("console-full");
  let consoleApp = await startTestConsole(backend.url, dataDir);
  try {
    await page.goto(consoleApp.url);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
    await expect(page.getByTestId("alarm-queue")).toHaveAttribute("data-ready", "true");
    await expect(page.getByTestId("alarm-row").first()).toBeVisible();
    const count = await page.getByTestId("alarm-count").getAttribute("data-count");
    await consoleApp.stop();
    // The same console, its cache now held at its size (as a full disk holds it).
    consoleApp = await startTestConsole(backend.url, dataDir, undefined, ["--cache-quota-mb", "0.001"]);
    await page.goto(consoleApp.url);
    await expect(page.getByTestId("alarm-count")).toHaveAttribute("data-count", count!);
    await expect(page.getByTestId("storage-full")).toHaveCount(0);
    const raised = await backendFetch(`${backend.url}/api/v1/sim/alarms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 3000 }) });
    expect(raised.status).toBe(200);
    await expect(page.getByTestId("storage-full")).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("storage-full")).toContainText("Đầy ổ đĩa");
    // What the console had is still there (a few new alarms may have fitted before the disk filled).
    expect(Number(await page.getByTestId("alarm-count").getAttribute("data-count"))).toBeGreaterThanOrEqual(Number(count));
    await expect(page.getByTestId("alarm-row").first()).toBeVisible();
  } finally {
    await consoleApp.stop();
    await backend.stop();
  }
});
