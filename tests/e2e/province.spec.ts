import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { backendEntity, citySecrets, startTestCity, startTestConsole, startTestProvince, tempDir } from "./harness/stack.js";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";

async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("alarm-queue")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
}

/** A province operator's command, as the province's own console would send it. */
async function provinceCommand(provinceUrl: string, command: unknown): Promise<{ ok: boolean }> {
  const request = { idempotencyKey: randomUUID(), operatorId: "sup-01", at: new Date().toISOString(), command };
  const response = await backendFetch(`${provinceUrl}/api/v1/actions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) }, "sup-01");
  return (await response.json()) as { ok: boolean };
}

test.describe("province → city directives", () => {
  let province: BackendProcess;
  let city: BackendProcess;
  let cityConsole: ConsoleProcess;

  test.beforeEach(async () => {
    const secrets = citySecrets(["uong-bi"]);
    province = await startTestProvince({ "uong-bi": "Uông Bí" }, secrets, { dataDir: tempDir("backend-province") });
    city = await startTestCity("uong-bi", secrets["uong-bi"], province.url, { dataDir: tempDir("backend-uong-bi") });
    cityConsole = await startTestConsole(city.url);
  });

  test.afterEach(async () => {
    await cityConsole?.stop();
    await city?.stop();
    await province?.stop();
  });

  test("a directive sent by the province arrives in the city's queue, is acknowledged and done there, and the province has the note", async ({ page }) => {
    await openConsole(page, cityConsole.url);
    const id = `dir-${randomUUID()}`;
    const sent = await provinceCommand(province.url, {
      type: "directive_send",
      target: { kind: "directive", id },
      cityId: "uong-bi",
      text: "Tăng cường tuần tra khu vực chợ trung tâm",
      priority: "high",
      wardCode: null,
      location: null,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      escalationId: null,
    });
    expect(sent.ok).toBe(true);

    const item = page.locator(`[data-testid="directive-item"][data-directive-id="${id}"]`);
    await expect(item).toHaveAttribute("data-state", "delivered", { timeout: 15_000 });
    await expect(item.getByTestId("directive-text")).toHaveText("Tăng cường tuần tra khu vực chợ trung tâm");
    // Its arrival sounded the tone of its priority.
    await expect(page.getByTestId("directives")).toHaveAttribute("data-last-tone", "high");

    // Keyboard reachable: the acknowledge button takes focus and Enter presses it.
    await item.getByTestId("directive-acknowledge").focus();
    await page.keyboard.press("Enter");
    await expect(item).toHaveAttribute("data-state", "acknowledged");
    await item.getByTestId("directive-done").click();
    await item.getByTestId("directive-note").fill("Đã bố trí 2 tổ tuần tra");
    await item.getByTestId("directive-done-confirm").click();
    await expect(item).toHaveAttribute("data-state", "done");
    await expect(item.getByTestId("directive-done-note")).toContainText("Đã bố trí 2 tổ tuần tra");

    // Every step flowed back to the province.
    await expect
      .poll(async () => (await backendEntity(province.url, "directive", id))?.["doneNote"] ?? null, { timeout: 15_000 })
      .toBe("Đã bố trí 2 tổ tuần tra");
    const atProvince = await backendEntity(province.url, "directive", id);
    expect(atProvince).toMatchObject({ state: "done", acknowledgedByName: expect.any(String), doneByName: expect.any(String) });
  });
});
