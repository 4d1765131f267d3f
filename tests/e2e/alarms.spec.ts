import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { backendAlarm, startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";

async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("alarm-queue")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await backendFetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return res.json();
}

/** The backend's audit trail, read from its store (what it really recorded, once per action). */
function auditRows(dataDir: string): Array<{ action: string; target_id: string; outcome: string }> {
  const db = new Database(join(dataDir, "ioc-backend.sqlite"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT action, target_id, outcome FROM audit_log ORDER BY id").all() as Array<{ action: string; target_id: string; outcome: string }>;
  } finally {
    db.close();
  }
}

test.describe("alarm queue", () => {
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;
  let backendData = "";

  test.beforeEach(async () => {
    backendData = tempDir("backend-alarms");
    backend = await startTestBackend({ dataDir: backendData });
    consoleApp = await startTestConsole(backend.url);
  });

  test.afterEach(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("keyboard only: move to an alarm and acknowledge it; the backend records it", async ({ page }) => {
    await openConsole(page, consoleApp.url);
    await page.getByTestId("alarm-queue").locator('[role="listbox"]').focus();
    await page.keyboard.press("Home");
    const first = page.locator('[data-testid="alarm-row"][aria-selected="true"]');
    await expect(first).toHaveAttribute("data-state", "unacknowledged");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    const alarmId = (await first.getAttribute("data-alarm-id"))!;
    await page.keyboard.press("a");
    const row = page.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]`);
    await expect(row).toHaveAttribute("data-state", "acknowledged");
    await expect(row.getByTestId("ack-info")).toContainText("Nguyễn Thị Lan");
    await expect.poll(async () => (await backendAlarm(backend.url, alarmId))?.acknowledgedBy).toBe("op-01");
  });

  test("bulk acknowledgement names how many and reaches the backend exactly once per alarm", async ({ page }) => {
    await openConsole(page, consoleApp.url);
    await page.getByTestId("filter-state").selectOption("unacknowledged");
    await page.getByTestId("alarm-queue").locator('[role="listbox"]').focus();
    await page.keyboard.press("Home");
    const ticked: string[] = [];
    for (let i = 0; i < 3; i++) {
      const selected = page.locator('[data-testid="alarm-row"][aria-selected="true"]');
      await expect(selected).toHaveAttribute("data-state", "unacknowledged");
      ticked.push((await selected.getAttribute("data-alarm-id"))!);
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
    }
    await expect(page.locator('[data-testid="alarm-row"][data-checked="true"]')).toHaveCount(3);
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("bulk-confirm");
    await expect(dialog).toHaveAttribute("data-count", "3");
    await expect(dialog).toContainText("3");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("bulk-confirm")).toHaveCount(0);
    await page.getByTestId("filter-state").selectOption("");
    for (const id of ticked) await expect(page.locator(`[data-testid="alarm-row"][data-alarm-id="${id}"]`)).toHaveAttribute("data-state", "acknowledged");
    await expect(page.getByTestId("pending-count")).toHaveText("0");
    for (const id of ticked) await expect.poll(async () => (await backendAlarm(backend.url, id))?.acknowledgedBy).toBe("op-01");
    const acks = auditRows(backendData).filter((r) => r.action === "acknowledge");
    expect(acks.map((r) => [r.target_id, r.outcome]).sort()).toEqual(ticked.map((id) => [id, "applied"]).sort());
  });

  test("filters, search and details: comment, escalate, SOP step, shelve with expiry", async ({ page }) => {
    await openConsole(page, consoleApp.url);
    const rows = page.getByTestId("alarm-row");
    await page.locator('[data-testid="filter-priority"][data-priority="critical"]').click();
    await expect(rows.first()).toHaveAttribute("data-priority", "critical");
    expect(await rows.evaluateAll((els) => els.every((e) => e.getAttribute("data-priority") === "critical"))).toBe(true);
    await expect(page.getByTestId("filtered-count")).toBeVisible();
    await page.locator('[data-testid="filter-priority"][data-priority="critical"]').click();
    await expect(page.getByTestId("filtered-count")).toHaveCount(0);
    await page.getByTestId("alarm-search").fill("cho");
    await expect(page.getByTestId("filtered-count")).toBeVisible();
    await page.getByTestId("alarm-search").fill("");

    const row = page.locator('[data-testid="alarm-row"][data-state="unacknowledged"]').first();
    const alarmId = (await row.getAttribute("data-alarm-id"))!;
    await row.locator(".alarm-row__type").click();
    const details = page.getByTestId("alarm-details");
    await expect(details).toHaveAttribute("data-alarm-id", alarmId);

    await details.getByTestId("action-comment").click();
    await details.getByTestId("action-text").fill("Đã liên hệ tổ dân phố");
    await details.getByTestId("action-submit").click();
    await expect(details.getByTestId("alarm-timeline")).toContainText("Đã liên hệ tổ dân phố");

    await details.getByTestId("action-escalate").click();
    await details.getByTestId("action-text").fill("Vượt khả năng xử lý của thành phố");
    await details.getByTestId("action-submit").click();
    await expect(details.getByTestId("escalations")).toContainText("Vượt khả năng xử lý của thành phố");
    // This backend has no province: the escalation says it waits to be sent, never that the province has it.
    await expect(details.getByTestId("escalation-delivery")).toHaveAttribute("data-state", "queued");

    const step = details.getByTestId("sop-step").first();
    await step.click();
    await expect(details.getByTestId("sop-checklist")).toHaveAttribute("data-done", "1");

    await details.getByTestId("action-shelve").click();
    await details.getByTestId("action-text").fill("Đội bảo trì đang sửa");
    await details.getByTestId("shelve-minutes").selectOption("15");
    await details.getByTestId("action-submit").click();
    await expect(page.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]`)).toHaveAttribute("data-state", "shelved");

    await expect
      .poll(async () => {
        const a = await backendAlarm(backend.url, alarmId);
        return a === null ? null : { state: a.state, esc: (a.escalations as unknown[]).length, sop: (a.sopDone as unknown[]).length, comments: (a.comments as unknown[]).length };
      })
      .toEqual({ state: "shelved", esc: 1, sop: 1, comments: 1 });
  });

  test("a flood: banner, rate meter, toasts, flashing critical rows and grouping by source", async ({ page }) => {
    await openConsole(page, consoleApp.url);
    await post(`${backend.url}/api/v1/sim/alarms`, { count: 30, priority: "critical" });
    await expect(page.getByTestId("flood-banner")).toBeVisible();
    await expect(page.getByTestId("rate-meter")).toHaveAttribute("data-level", "flood");
    await expect(page.getByTestId("alarm-toast").first()).toBeVisible();
    await expect(page.getByTestId("alarm-queue")).toHaveAttribute("data-last-tone", "critical");
    await expect(page.locator('[data-testid="alarm-row"][data-flash="true"]').first()).toBeVisible();

    await page.getByTestId("silence-button").click();
    await expect(page.getByTestId("silence-button")).toHaveAttribute("data-silenced", "true");
    // Silence does not acknowledge anything.
    await expect(page.locator('[data-testid="alarm-row"][data-flash="true"]').first()).toBeVisible();

    await post(`${backend.url}/api/v1/sim/flood`, { perSecond: 40, seconds: 1, chatterShare: 1, priority: "high" });
    // The flood repeats five sources, all high: show only high alarms, the newest (the flood's) first.
    await page.locator('[data-testid="filter-priority"][data-priority="high"]').click();
    await page.getByTestId("group-toggle").click();
    await expect(page.locator('[data-testid="alarm-group"]').first()).toBeVisible();
    await expect(page.getByTestId("chattering").first()).toBeVisible();
  });
});

test("a malformed alarm from the backend shows as a sync problem, and the queue keeps working", async ({ page }) => {
  const dataDir = tempDir("backend-malformed");
  const backend = await startTestBackend({ dataDir });
  const consoleApp = await startTestConsole(backend.url);
  try {
    await openConsole(page, consoleApp.url);
    const db = new Database(join(dataDir, "ioc-backend.sqlite"));
    db.pragma("busy_timeout = 5000");
    db.prepare("INSERT INTO changes (entity, op, id, at, data) VALUES ('alarm', 'upsert', 'alm-broken', ?, ?)").run(
      new Date().toISOString(),
      JSON.stringify({ id: "alm-broken", priority: "apocalyptic" }),
    );
    db.close();
    // The next change reaches the console with a gap before it: it re-pulls and meets the broken one.
    const raised = (await post(`${backend.url}/api/v1/sim/alarms`, { count: 1, priority: "high" })) as { value: { ids: string[] } };
    await expect(page.getByTestId("problems-button")).toBeVisible();
    await page.getByTestId("problems-button").click();
    await expect(page.getByTestId("problems-list")).toContainText("alm-broken");
    await expect(page.locator(`[data-testid="alarm-row"][data-alarm-id="${raised.value.ids[0]}"]`)).toBeVisible();
    await expect(page.locator('[data-testid="alarm-row"][data-alarm-id="alm-broken"]')).toHaveCount(0);
  } finally {
    await consoleApp.stop();
    await backend.stop();
  }
});
