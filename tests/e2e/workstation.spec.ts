import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
import { backendAlarm, startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";

/** One browser console, its windows as role pages of one browser context (as a desk's windows are). */
async function openRole(context: BrowserContext, url: string, role: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/?role=${role}`);
  await expect(page.getByTestId("window-role")).toHaveAttribute("data-role", role);
  return page;
}

async function signIn(page: Page, operatorId: string, password: string): Promise<void> {
  await page.getByTestId("sign-in-button").click();
  await page.getByTestId("sign-in-operator").fill(operatorId);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
}

test.describe("multi-monitor workstation: role windows linked through the core", () => {
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;

  test.beforeAll(async () => {
    backend = await startTestBackend();
    consoleApp = await startTestConsole(backend.url, tempDir("console-workstation"));
  });

  test.afterAll(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("a selection in the queue window appears in the map and wall windows; Alt+X in another clears it everywhere", async ({ context }) => {
    const alarms = await openRole(context, consoleApp.url, "alarms");
    const map = await openRole(context, consoleApp.url, "map");
    const wall = await openRole(context, consoleApp.url, "wall");
    // Each window shows only its pane.
    await expect(alarms.getByTestId("alarm-queue")).toBeVisible();
    await expect(alarms.getByTestId("map-pane")).toHaveCount(0);
    await expect(map.getByTestId("alarm-queue")).toHaveCount(0);
    await expect(wall.getByTestId("map-pane")).toHaveCount(0);

    const rows = alarms.getByTestId("alarm-row");
    await expect(rows.nth(1)).toBeVisible();
    for (const index of [1, 0]) {
      const alarmId = (await rows.nth(index).getAttribute("data-alarm-id"))!;
      await rows.nth(index).click();
      for (const page of [alarms, map, wall]) await expect(page.getByTestId("selection-indicator")).toHaveAttribute("data-alarm-id", alarmId);
    }
    // A window opened later starts with the core's selection, not an empty one.
    const selected = (await rows.nth(0).getAttribute("data-alarm-id"))!;
    const late = await openRole(context, consoleApp.url, "combined");
    await expect(late.getByTestId("selection-indicator")).toHaveAttribute("data-alarm-id", selected);

    await map.bringToFront();
    await map.keyboard.press("Alt+X");
    for (const page of [alarms, map, wall, late]) await expect(page.getByTestId("selection-indicator")).toHaveAttribute("data-alarm-id", "");
  });

  test("the window with the keyboard says so in its bar, with no outline drawn over its wall of video", async ({ context }) => {
    const wall = await openRole(context, consoleApp.url, "wall");
    await wall.bringToFront();
    await expect(wall.getByTestId("keyboard-indicator")).toHaveAttribute("data-has-keyboard", "true");
    const look = await wall.evaluate(() => ({
      outline: getComputedStyle(document.querySelector('[data-testid="app"]')!).outlineStyle,
      bar: getComputedStyle(document.querySelector(".ws-bar")!).boxShadow,
    }));
    // An outline round the whole window overlaps every playing tile: Chromium then re-rasters the
    // page's root layer on every frame.
    expect(look.outline).toBe("none");
    expect(look.bar).toMatch(/inset/);
  });

  test("a viewer cannot acknowledge: the refusal is clear in the window and the backend refuses viewers too", async ({ context }) => {
    const page = await openRole(context, consoleApp.url, "alarms");
    await signIn(page, "view-01", "wrong password");
    await expect(page.getByTestId("sign-in-error")).toContainText("Wrong operator ID or password.");
    await page.getByTestId("sign-in-password").fill("uongbi-view-01");
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("sign-in-dialog")).toHaveCount(0);
    await expect(page.getByTestId("ws-operator")).toHaveAttribute("data-role", "viewer");

    const row = page.locator('[data-testid="alarm-row"][data-state="unacknowledged"]').first();
    const alarmId = (await row.getAttribute("data-alarm-id"))!;
    await row.getByTestId("ack-button").click();
    await expect(page.getByTestId("alarm-error")).toContainText(/viewer/i);
    await expect(page.getByTestId("alarm-error")).toHaveAttribute("data-error-kind", "forbidden");

    // The backend's own answer to a viewer, whatever the console does.
    const response = await backendFetch(`${backend.url}/api/v1/actions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ idempotencyKey: `viewer-${Date.now()}`, operatorId: "view-01", at: new Date().toISOString(), command: { type: "acknowledge", target: { kind: "alarm", id: alarmId } } }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { kind: "forbidden", message: expect.stringMatching(/signed in as viewer/) } });
    expect((await backendAlarm(backend.url, alarmId))?.acknowledgedBy).toBeNull();
  });

  test("shift handover: the outgoing operator's note, with open items listed, is acknowledged by the incoming one", async ({ context }) => {
    const page = await openRole(context, consoleApp.url, "combined");
    await signIn(page, "op-01", "uongbi-op-01");
    await expect(page.getByTestId("ws-operator")).toContainText("Nguyễn Thị Lan");

    await page.getByTestId("handover-button").click();
    const draft = page.getByTestId("handover-draft-summary");
    await expect(draft.locator('[data-section="unacknowledgedCritical"]')).toBeVisible();
    const critical = Number(await draft.locator('[data-section="unacknowledgedCritical"]').getAttribute("data-count"));
    const note = "Cầu Đá Bạc: chờ đội PCCC báo lại. Camera chợ Uông Bí mất tín hiệu từ 14:00.";
    await page.getByTestId("handover-note").fill(note);
    await page.getByTestId("handover-submit").click();
    await expect(page.getByTestId("handover-written")).toBeVisible();
    await page.getByRole("button", { name: "Đóng" }).click();

    // The incoming operator signs in at the same workstation (another window of it).
    const other = await openRole(context, consoleApp.url, "alarms");
    await signIn(other, "op-02", "uongbi-op-02");
    await expect(other.getByTestId("ws-operator")).toContainText("Trần Văn Minh");
    await other.getByTestId("handover-button").click();
    const pending = other.getByTestId("handover-pending");
    await expect(other.getByTestId("handover-pending-note")).toHaveText(note);
    await expect(pending.locator('[data-section="unacknowledgedCritical"]')).toHaveAttribute("data-count", String(critical));
    await other.getByTestId("handover-acknowledge").click();
    await expect(other.getByTestId("handover-acknowledged")).toContainText("Trần Văn Minh");

    const left = await (await backendFetch(`${backend.url}/api/v1/handovers/pending`)).json();
    expect(left).toEqual({ handover: null });
  });
});
