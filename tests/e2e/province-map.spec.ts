import { expect, test } from "@playwright/test";
import { citySecrets, startTestCity, startTestConsole, startTestProvince, tempDir } from "./harness/stack.js";
import { escalate, raiseAlarm } from "../backend/province-helpers.js";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";

test.describe("the province map", () => {
  let province: BackendProcess;
  let city: BackendProcess;
  let provinceConsole: ConsoleProcess;

  test.beforeEach(async () => {
    const secrets = citySecrets(["uong-bi"]);
    province = await startTestProvince({ "uong-bi": "Uông Bí" }, secrets, { dataDir: tempDir("backend-province") });
    city = await startTestCity("uong-bi", secrets["uong-bi"], province.url, { dataDir: tempDir("backend-uong-bi") });
    provinceConsole = await startTestConsole(province.url, tempDir("console-province"));
  });

  test.afterEach(async () => {
    await provinceConsole?.stop();
    await city?.stop();
    await province?.stop();
  });

  test("draws the city's wards it was told, with its link up and its open escalations counted", async ({ page }) => {
    await page.goto(provinceConsole.url);
    const uongBi = page.locator('[data-testid="province-city"][data-city-id="uong-bi"]');
    await expect(uongBi).toHaveAttribute("data-link-state", "up", { timeout: 15_000 });
    await expect(uongBi).toContainText("Uông Bí");
    await expect(uongBi).toHaveAttribute("data-open-escalations", "0");
    // The city told the province its 11 wards: they are the wards the map draws.
    await expect(uongBi).toHaveAttribute("data-wards", "11");
    const map = page.getByTestId("map-pane");
    await expect(map).toHaveAttribute("data-wards", "11");
    await expect(map).toHaveAttribute("data-ready", "true");

    const alarmId = await raiseAlarm(city.url);
    expect((await escalate(city.url, alarmId)).ok).toBe(true);
    await expect(uongBi).toHaveAttribute("data-open-escalations", "1", { timeout: 15_000 });
  });
});
