import { expect, test, type Browser, type Page } from "@playwright/test";
import { backendEntity, backendVersions, citySecrets, startTestCity, startTestConsole, startTestProvince, tempDir } from "./harness/stack.js";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";

async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("alarm-queue")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "online");
}

test.describe("city ↔ province", () => {
  let province: BackendProcess;
  let city: BackendProcess;
  let cityConsole: ConsoleProcess;
  let provinceConsole: ConsoleProcess;
  // Pages of their own (one per centre): closed after the test, or they go on running in the worker's browser.
  const pages: Page[] = [];

  let secrets: Record<"uong-bi", string>;
  let cityData: string;

  test.beforeEach(async () => {
    secrets = citySecrets(["uong-bi"]);
    cityData = tempDir("backend-uong-bi");
    province = await startTestProvince({ "uong-bi": "Uông Bí" }, secrets, { dataDir: tempDir("backend-province") });
    city = await startTestCity("uong-bi", secrets["uong-bi"], province.url, { dataDir: cityData });
    [cityConsole, provinceConsole] = await Promise.all([startTestConsole(city.url), startTestConsole(province.url, tempDir("console-province"))]);
  });

  test.afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
    await Promise.all([cityConsole?.stop(), provinceConsole?.stop()]);
    await city?.stop();
    await province?.stop();
  });

  /** The city's console (online, its queue drawn) and the province's, each in a page of its own. */
  async function openBoth(browser: Browser): Promise<[Page, Page]> {
    const cityPage = await browser.newPage();
    const provincePage = await browser.newPage();
    pages.push(cityPage, provincePage);
    await openConsole(cityPage, cityConsole.url);
    await provincePage.goto(provinceConsole.url);
    return [cityPage, provincePage];
  }

  test("escalate in the city console, answer it with a directive in the province console, acknowledge and finish it in the city; the province sees the note", async ({ browser }) => {
    const [cityPage, provincePage] = await openBoth(browser);
    // The province's backend says it is the province's: its console shows the cities' escalations.
    await expect(provincePage.getByTestId("province-queue")).toBeVisible();
    await expect(provincePage.getByTestId("alarm-queue")).toHaveCount(0);

    const row = cityPage.locator('[data-testid="alarm-row"][data-state="unacknowledged"]').first();
    const alarmId = (await row.getAttribute("data-alarm-id"))!;
    await row.locator(".alarm-row__type").click();
    const details = cityPage.getByTestId("alarm-details");
    await details.getByTestId("action-escalate").click();
    await details.getByTestId("action-text").fill("Cháy lớn, cần lực lượng của tỉnh");
    await details.getByTestId("action-submit").click();

    const escalation = provincePage.locator(`[data-testid="escalation-row"][data-escalation-id="uong-bi~${alarmId}~0"]`);
    await expect(escalation).toHaveAttribute("data-state", "open", { timeout: 15_000 });
    await expect(escalation).toContainText("Cháy lớn, cần lực lượng của tỉnh");
    await expect(provincePage.getByTestId("province-city-filter")).toContainText("Uông Bí");
    await escalation.getByTestId("escalation-acknowledge").click();
    await expect(escalation).toHaveAttribute("data-state", "acknowledged");
    // The city's alarm says the province acknowledged it.
    await expect(details.getByTestId("escalation-delivery")).toHaveAttribute("data-state", "acknowledged", { timeout: 15_000 });

    await escalation.getByTestId("escalation-answer").click();
    // The answer starts on the alarm's ward, picked from the wards the city told the province.
    const alarmWard = ((await backendEntity(city.url, "alarm", alarmId)) as { wardCode: string }).wardCode;
    const wardName = ((await backendEntity(province.url, "ward", `uong-bi~${alarmWard}`)) as { name: string }).name;
    await expect(escalation.getByTestId("directive-ward")).toHaveValue(alarmWard);
    await expect(escalation.getByTestId("directive-ward").locator("option:checked")).toHaveText(wardName);
    await escalation.getByTestId("directive-form-text").fill("Điều 2 xe chữa cháy từ Hạ Long hỗ trợ");
    await escalation.getByTestId("directive-priority").selectOption("critical");
    await escalation.getByTestId("directive-send").click();
    const sent = provincePage.locator(`[data-testid="sent-directive"][data-escalation-id="uong-bi~${alarmId}~0"]`);
    await expect(sent).toHaveCount(1);
    const directiveId = (await sent.getAttribute("data-directive-id"))!;

    const item = cityPage.locator(`[data-testid="directive-item"][data-directive-id="${directiveId}"]`);
    await expect(item).toHaveAttribute("data-state", "delivered", { timeout: 15_000 });
    await expect(item.getByTestId("directive-text")).toHaveText("Điều 2 xe chữa cháy từ Hạ Long hỗ trợ");
    await expect(item).toContainText(wardName);
    await expect(sent.getByTestId("sent-directive-where")).toHaveText(wardName);
    // The escalated alarm says the province answered it, and with what.
    await expect(details.locator(`[data-testid="escalation-answer"][data-directive-id="${directiveId}"]`)).toContainText("Điều 2 xe chữa cháy từ Hạ Long hỗ trợ");
    // Its arrival sounded the tone of its priority.
    await expect(cityPage.getByTestId("directives")).toHaveAttribute("data-last-tone", "critical");
    await expect(sent).toHaveAttribute("data-state", "delivered", { timeout: 15_000 });
    // Its ward is one press away on the city's map.
    await item.getByTestId("directive-show-ward").click();
    await expect(cityPage.getByTestId("map-pane")).toHaveAttribute("data-ward-filter", alarmWard);
    // And the alarm it answers: picked in the queue and its details open, whatever was selected since.
    await cityPage.keyboard.press("Alt+x");
    await expect(details).toHaveCount(0);
    await item.getByTestId("directive-open-alarm").click();
    await expect(details).toHaveAttribute("data-alarm-id", alarmId);

    // Keyboard reachable: the acknowledge button takes focus and Enter presses it.
    await item.getByTestId("directive-acknowledge").focus();
    await cityPage.keyboard.press("Enter");
    await expect(item).toHaveAttribute("data-state", "acknowledged");
    await item.getByTestId("directive-done").click();
    await item.getByTestId("directive-note").fill("Đã tiếp nhận 2 xe, đám cháy đã khống chế");
    await item.getByTestId("directive-done-confirm").click();
    await expect(item).toHaveAttribute("data-state", "done");

    // Every step flowed back to the province, its console and its store.
    await expect(sent).toHaveAttribute("data-state", "done", { timeout: 15_000 });
    await expect(sent.getByTestId("sent-directive-note")).toContainText("Đã tiếp nhận 2 xe, đám cháy đã khống chế");
    expect(await backendEntity(province.url, "directive", directiveId)).toMatchObject({ state: "done", doneNote: "Đã tiếp nhận 2 xe, đám cháy đã khống chế" });

    // Both sides show the link up (told with the backends' stream heartbeats).
    await expect(provincePage.locator('[data-testid="centre-link"][data-link-id="uong-bi"]')).toHaveAttribute("data-state", "up", { timeout: 15_000 });
    await expect(cityPage.locator('[data-testid="centre-link"][data-link-id="province"]')).toHaveAttribute("data-state", "up", { timeout: 15_000 });
  });
  test("escalate an incident from the city console: it joins the province's queue and its acknowledgement comes back onto the incident", async ({ browser }) => {
    const [cityPage, provincePage] = await openBoth(browser);
    await cityPage.getByTestId("alarm-row").first().getByTestId("alarm-check").check();
    await cityPage.getByTestId("create-incident-button").click();
    await cityPage.getByTestId("create-incident-title").fill("Sạt lở đường lên Yên Tử");
    await cityPage.getByTestId("create-incident-submit").click();
    const item = cityPage.getByTestId("incident-item").filter({ hasText: "Sạt lở đường lên Yên Tử" });
    await expect(item).toHaveCount(1);
    const incidentId = (await item.getAttribute("data-incident-id"))!;
    const details = cityPage.getByTestId("incident-details");
    await expect(details).toHaveAttribute("data-incident-id", incidentId);
    await details.getByTestId("escalate-open").click();
    await details.getByTestId("escalate-reason").fill("Cần tỉnh điều máy xúc");
    await details.getByTestId("escalate-submit").click();
    await expect(details.getByTestId("escalation-delivery")).toHaveAttribute("data-state", "delivered", { timeout: 15_000 });

    const row = provincePage.locator(`[data-testid="escalation-row"][data-escalation-id="uong-bi~${incidentId}~0"]`);
    await expect(row).toHaveAttribute("data-subject", "incident", { timeout: 15_000 });
    await expect(row).toContainText("Sạt lở đường lên Yên Tử");
    await expect(row).toContainText("Cần tỉnh điều máy xúc");
    await row.getByTestId("escalation-acknowledge").click();
    await expect(details.getByTestId("escalation-delivery")).toHaveAttribute("data-state", "acknowledged", { timeout: 15_000 });
  });

  test("the city console offline: a directive sent meanwhile arrives when it reconnects; acknowledged offline, it reaches the city and the province once", async ({ browser }) => {
    const [cityPage, provincePage] = await openBoth(browser);
    await expect(provincePage.getByTestId("province-queue")).toBeVisible();
    const port = Number(new URL(city.url).port);
    // The city's console loses its backend (the way a control room loses its server), and the link up with it.
    const goOffline = async () => {
      await city.stop();
      await expect(cityPage.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");
    };
    const comeBack = async () => {
      city = await startTestCity("uong-bi", secrets["uong-bi"], province.url, { port, dataDir: cityData });
      await cityPage.getByTestId("sync-retry").click({ timeout: 2_000 }).catch(() => undefined);
      await expect(cityPage.getByTestId("connection-state")).toHaveAttribute("data-state", "online", { timeout: 30_000 });
    };

    await goOffline();
    await provincePage.getByTestId("province-compose").click();
    const form = provincePage.getByTestId("directive-form");
    await form.getByTestId("directive-form-text").fill("Kiểm tra trạm bơm Vàng Danh trước 18 giờ");
    await form.getByTestId("directive-send").click();
    const sent = provincePage.getByTestId("sent-directive").filter({ hasText: "Kiểm tra trạm bơm Vàng Danh trước 18 giờ" });
    await expect(sent).toHaveAttribute("data-state", "sent");
    const directiveId = (await sent.getAttribute("data-directive-id"))!;
    const item = cityPage.locator(`[data-testid="directive-item"][data-directive-id="${directiveId}"]`);
    await expect(item).toHaveCount(0);

    await comeBack();
    await expect(item).toHaveAttribute("data-state", "delivered", { timeout: 30_000 });
    await expect(sent).toHaveAttribute("data-state", "delivered", { timeout: 15_000 });

    await goOffline();
    await item.getByTestId("directive-acknowledge").click();
    // Shown at once, and waiting in the console's outbox.
    await expect(item).toHaveAttribute("data-state", "acknowledged");
    await expect(cityPage.getByTestId("pending-count")).toHaveText("1");

    await comeBack();
    await expect(cityPage.getByTestId("pending-count")).toHaveText("0", { timeout: 30_000 });
    await expect(sent).toHaveAttribute("data-state", "acknowledged", { timeout: 15_000 });
    // Applied once on each side: one step into "acknowledged" (the city's later write only records that the province confirmed it).
    const steps = (versions: Record<string, unknown>[]) => versions.filter((d, i) => d["state"] === "acknowledged" && versions[i - 1]?.["state"] !== "acknowledged");
    expect(steps(await backendVersions(city.url, "directive", directiveId))).toHaveLength(1);
    expect(steps(await backendVersions(province.url, "directive", directiveId))).toHaveLength(1);
  });
});
