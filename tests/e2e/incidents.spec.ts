import { expect, test, type Page } from "@playwright/test";
import { backendEntity, startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";

async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("alarm-queue")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
}

const backendIncident = (backendUrl: string, incidentId: string) => backendEntity(backendUrl, "incident", incidentId);

test.describe("incidents from alarms", () => {
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;

  test.beforeEach(async () => {
    backend = await startTestBackend({ dataDir: tempDir("backend-incidents") });
    consoleApp = await startTestConsole(backend.url);
  });

  test.afterEach(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("tick two alarms, create an incident, see it with both alarms, work it; the backend has it", async ({ page }) => {
    await openConsole(page, consoleApp.url);
    const rows = page.getByTestId("alarm-row");
    const picked: string[] = [];
    for (const index of [0, 1]) {
      const row = rows.nth(index);
      picked.push((await row.getAttribute("data-alarm-id"))!);
      await row.getByTestId("alarm-check").check();
    }
    await page.getByTestId("create-incident-button").click();
    const form = page.getByTestId("create-incident-form");
    await expect(form).toHaveAttribute("data-count", "2");
    await form.getByTestId("create-incident-title").fill("Cháy chợ trung tâm");
    await form.getByTestId("create-incident-submit").click();

    const item = page.getByTestId("incident-item").filter({ hasText: "Cháy chợ trung tâm" });
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute("data-status", "open");
    const incidentId = (await item.getAttribute("data-incident-id"))!;
    expect(incidentId).toMatch(/^inc-/);
    const details = page.getByTestId("incident-details");
    await expect(details).toHaveAttribute("data-incident-id", incidentId);
    await expect(details.getByTestId("incident-alarm")).toHaveCount(2);
    for (const id of picked) await expect(details.locator(`[data-testid="incident-alarm"][data-alarm-id="${id}"]`)).toHaveCount(1);
    await expect(details.getByTestId("incident-status")).toHaveText("Mới mở");

    await details.getByTestId("incident-unit-input").fill("Đội PCCC số 3");
    await details.getByTestId("incident-assign").click();
    await expect(details.getByTestId("incident-unit")).toHaveText("Đội PCCC số 3");
    await details.getByTestId("incident-to-in_progress").click();
    await expect(details).toHaveAttribute("data-status", "in_progress");
    await details.getByTestId("incident-note-input").fill("Đã khống chế đám cháy");
    await details.getByTestId("incident-note-submit").click();
    await expect(details.getByTestId("incident-timeline").locator("li")).toHaveCount(4);
    await expect(details.getByTestId("incident-timeline")).toContainText("Đã khống chế đám cháy");
    await details.getByTestId("incident-to-closed").click();
    await expect(details).toHaveAttribute("data-status", "closed");
    await expect(details.getByTestId("incident-to-open")).toHaveCount(0);

    await expect.poll(async () => (await backendIncident(backend.url, incidentId))?.["status"]).toBe("closed");
    const stored = (await backendIncident(backend.url, incidentId))!;
    expect(stored).toMatchObject({ title: "Cháy chợ trung tâm", alarmIds: picked, assignedUnit: "Đội PCCC số 3", createdBy: "op-01" });
    expect((stored["timeline"] as Array<{ kind: string }>).map((line) => line.kind)).toEqual(["created", "assigned", "status", "note", "status"]);
  });
});
