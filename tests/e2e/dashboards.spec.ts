import { expect, test } from "@playwright/test";
import type { BackendProcess } from "../../scripts/lib/backend-process.js";
import type { ConsoleProcess } from "../../scripts/lib/console-process.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";
import { rangePeriod, totalsByWard } from "../../shared/dashboards/aggregate.js";
import { DomainSampleSchema, type DomainSample } from "../../shared/domain/domain-sample.js";
import { SensorSchema } from "../../shared/domain/sensor.js";
import { oneStopNow, publicServicesNow } from "../shared/fixtures.js";
import { WARD } from "../../backend/seed/ward-codes.js";
import { PublishDomainSamplesResponseSchema, SIMULATOR_PATHS } from "../../shared/protocol/simulator.js";
import { startTestBackend, startTestConsole, tempDir } from "./harness/stack.js";
import { readFile } from "node:fs/promises";
import { pdfText } from "../shared/pdf-text.js";
import { formatCityDateTime } from "../../shared/time.js";
import { shiftPeriod } from "../../renderer/src/features/dashboards/model/shift-periods.js";


interface FeedChange {
  seq: number;
  entity: string;
  id: string;
  data: unknown;
}

/** Every change of one kind of record the backend's change feed holds, oldest first. */
async function backendChanges(backendUrl: string, entity: string): Promise<FeedChange[]> {
  const out: FeedChange[] = [];
  let after = 0;
  for (;;) {
    const page = (await (await backendFetch(`${backendUrl}/api/v1/changes?after=${after}&limit=5000`)).json()) as { changes: FeedChange[]; hasMore: boolean };
    for (const c of page.changes) {
      if (c.entity === entity) out.push(c);
      after = c.seq;
    }
    if (!page.hasMore) return out;
  }
}

/** Every domain sample the backend recorded, as it stands now. */
async function backendSamples(backendUrl: string): Promise<DomainSample[]> {
  const byId = new Map<string, DomainSample>();
  for (const c of await backendChanges(backendUrl, "domain_sample")) byId.set(c.id, DomainSampleSchema.parse(c.data));
  return [...byId.values()];
}

/** Every reading of one sensor the backend took in the last day, each change of its record being one. */
async function backendReadings(backendUrl: string, sensorId: string): Promise<Array<{ at: string; value: number }>> {
  const from = new Date(Date.now() - 24 * 3_600_000).toISOString();
  return (await backendChanges(backendUrl, "sensor"))
    .filter((c) => c.id === sensorId)
    .map((c) => SensorSchema.parse(c.data))
    .flatMap((s) => (s.lastAt === null || s.lastValue === null || s.lastAt < from ? [] : [{ at: s.lastAt, value: s.lastValue }]));
}

test.describe("the dashboards window", () => {
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;

  test.beforeAll(async () => {
    backend = await startTestBackend({ consoles: 1 });
    consoleApp = await startTestConsole(backend.url, tempDir("console-dashboards"));
  });

  test.afterAll(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("shows today's dossiers per ward as the backend counted them, and a ward picked there is the shared selection", async ({ page }) => {
    // Dossiers this hour in every ward, one ward clearly ahead: the city's day may have begun minutes ago, with offices shut.
    const wardCodes: string[] = Object.values(WARD);
    const published = await backendFetch(`${backend.url}${SIMULATOR_PATHS.domainSamples}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ samples: wardCodes.map((code, i) => publicServicesNow(code, 5 * (i + 1) + (code === WARD.quangTrung ? 200 : 0))) }),
    }, "sup-01");
    expect(published.status).toBe(200);
    await page.goto(`${consoleApp.url}/?role=dashboards`);
    const pane = page.getByTestId("dashboards-pane");
    await expect(pane).toHaveAttribute("data-ready", "true");
    await expect(pane).toHaveAttribute("data-domain", "public_services");

    const period = rangePeriod("today", new Date());
    const today = (await backendSamples(backend.url)).filter((s) => s.domain === "public_services" && s.hour >= period.from.toISOString());
    const expected = totalsByWard(today, "public_services", "received");
    expect(expected.size).toBe(11);
    for (const [wardCode, received] of expected) {
      await expect(page.getByTestId(`dash-ward-${wardCode}`)).toHaveAttribute("data-value", String(received));
      await expect(page.getByTestId(`dash-ward-${wardCode}`)).toContainText(new Intl.NumberFormat("vi-VN").format(received));
    }
    const cityTotal = [...expected.values()].reduce((a, b) => a + b, 0);
    await expect(page.getByTestId("dash-kpi-public_services.received")).toHaveAttribute("data-value", String(cityTotal));
    // Ward names keep their diacritics.
    await expect(page.getByTestId("dash-ward-06817")).toContainText("Quang Trung");
    await expect(page.getByTestId("dash-wards")).toContainText("Thượng Yên Công");

    // The day's dossiers by procedure group add up to the city's received.
    const parts = await page.getByTestId("dash-breakdown").locator("li").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-value"))));
    expect(parts).toHaveLength(5);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(cityTotal);
    await expect(page.getByTestId("dash-part-public_services.civilStatus")).toContainText("Hộ tịch");

    // The ward map writes the same figure on each ward, shaded by class, with a legend in numbers.
    const map = page.getByTestId("dash-choropleth");
    for (const [wardCode, received] of expected) {
      await expect(map.getByTestId(`dash-map-ward-${wardCode}`)).toHaveAttribute("data-value", String(received));
      await expect(map.getByTestId(`dash-map-ward-${wardCode}`)).toContainText(new Intl.NumberFormat("vi-VN").format(received));
    }
    const highest = [...expected].sort((a, b) => b[1] - a[1])[0]!;
    await expect(map.getByTestId(`dash-map-ward-${highest[0]}`)).toHaveAttribute("data-step", "4");
    await expect(page.getByTestId("dash-choropleth-legend").locator("li")).toHaveCount(5);
    // A ward picked on the map is the shared selection, like one picked in the bars.
    await map.getByTestId("dash-map-ward-06820").click();
    await expect(page.getByTestId("dash-ward-06820")).toHaveAttribute("aria-pressed", "true");
    await expect(map.getByTestId("dash-map-ward-06820")).toContainText("▶");
    await map.getByTestId("dash-map-ward-06820").click();
    await expect(page.getByTestId("dash-ward-06820")).toHaveAttribute("aria-pressed", "false");

    // Picking a ward narrows the tiles to it and marks it in words, not only in colour.
    await page.getByTestId("dash-ward-06817").click();
    await expect(page.getByTestId("dash-ward-06817")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("dash-ward-06817")).toContainText("▶");
    await expect(page.getByTestId("dash-kpi-public_services.received")).toHaveAttribute("data-value", String(expected.get("06817")));

    // Another range reads another period from the cache; the chart draws one point per hour of it.
    await page.getByTestId("dash-range-7d").click();
    await expect(pane).toHaveAttribute("data-range", "7d");
    await expect(page.getByTestId("dash-chart")).toHaveAttribute("data-points", String(7 * 24));
  });

  test("a one-stop queue crossing its threshold raises an alarm the operator sees in the queue, in the ward", async ({ page }) => {
    await page.goto(consoleApp.url);
    await expect(page.getByTestId("alarm-queue")).toHaveAttribute("data-ready", "true");
    const queue = (waiting: number) => oneStopNow("06817", waiting);
    const publish = async (sample: DomainSample) => {
      const res = await backendFetch(`${backend.url}${SIMULATOR_PATHS.domainSamples}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ samples: [sample] }) });
      const body = PublishDomainSamplesResponseSchema.parse(await res.json());
      if (!body.ok) throw new Error(body.error.message);
      return body.value.alarmIds;
    };
    // Below the threshold first (whatever the simulator made of this hour), then 45 people waiting.
    await publish(queue(2));
    const [alarmId] = await publish(queue(45));
    expect(alarmId).toBeDefined();
    // However long the queue, the operator finds it by its number.
    await page.getByTestId("alarm-search").fill(alarmId!);
    const row = page.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute("data-state", "unacknowledged");
    await expect(row).toContainText("Hàng chờ dài tại bộ phận một cửa");
    await expect(row).toContainText("Quang Trung");
  });

  test("exports, with the backend gone, the domain report as PDF (ward names, the city's count) and CSV, and the shift report with the handover note", async ({ page }) => {
    await page.goto(`${consoleApp.url}/?role=dashboards`);
    await expect(page.getByTestId("dashboards-pane")).toHaveAttribute("data-ready", "true");
    const period = rangePeriod("today", new Date());
    const today = (await backendSamples(backend.url)).filter((s) => s.domain === "public_services" && s.hour >= period.from.toISOString());
    const cityReceived = [...totalsByWard(today, "public_services", "received").values()].reduce((a, b) => a + b, 0);
    // Reports come from the console's cache: the backend is not needed (the last test here).
    await backend.stop();
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");

    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByTestId("dash-export-pdf").click()]);
    expect(pdf.suggestedFilename()).toMatch(/^bao-cao-public_services-.*\.pdf$/);
    const text = await pdfText(await readFile((await pdf.path())!));
    expect(text).toContain("BÁO CÁO LĨNH VỰC DỊCH VỤ CÔNG");
    expect(text).toContain("Xã Thượng Yên Công");
    expect(text).toContain(new Intl.NumberFormat("vi-VN").format(cityReceived));

    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("dash-export-csv").click()]);
    expect((await readFile((await csv.path())!)).toString("utf8")).toContain(`Toàn thành phố,${cityReceived},`);

    // The shift report carries the officer's handover note as written, and who wrote it.
    await page.getByTestId("dash-shift").locator("summary").click();
    await page.getByTestId("dash-shift-note").fill("Bàn giao: theo dõi hàng chờ một cửa phường Quang Trung.");
    const [shift] = await Promise.all([page.waitForEvent("download"), page.getByTestId("dash-shift-pdf").click()]);
    const shiftText = await pdfText(await readFile((await shift.path())!));
    expect(shiftText).toContain("BÁO CÁO CA TRỰC");
    expect(shiftText).toContain("Nguyễn Thị Lan");
    expect(shiftText).toContain("Bàn giao: theo dõi hàng chờ một cửa phường Quang Trung.");

    // The night shift's report covers the night shift, whenever it is asked for.
    await page.getByTestId("dash-shift-period").selectOption("22");
    const [night] = await Promise.all([page.waitForEvent("download"), page.getByTestId("dash-shift-pdf").click()]);
    const nightText = await pdfText(await readFile((await night.path())!));
    expect(nightText).toContain(`Ca trực: từ ${formatCityDateTime(shiftPeriod("22", new Date()).from)}`);
  });
});

test.describe("a sensor's readings on the environment dashboard", () => {
  let backend: BackendProcess;
  let consoleApp: ConsoleProcess;

  test.beforeAll(async () => {
    // Sensors report often (a quarter of them every 300 ms), alarms rarely: a day's readings in seconds.
    backend = await startTestBackend({ consoles: 1, simulator: true, extraArgs: ["--sensor-interval-ms", "300", "--alarm-interval-ms", "600000"] });
    consoleApp = await startTestConsole(backend.url, tempDir("console-sensors"));
  });

  test.afterAll(async () => {
    await consoleApp?.stop();
    await backend?.stop();
  });

  test("draws every reading the backend took of the picked sensor, live, and again from the cache with the backend gone", async ({ page }) => {
    await page.goto(`${consoleApp.url}/?role=dashboards`);
    await page.getByTestId("dash-domain-environment").click();
    const section = page.getByTestId("dash-sensors");
    await expect(section).toHaveAttribute("data-ready", "true");
    // Pick the second sensor listed: the pick, not the default, is what is drawn.
    const second = section.locator('[data-testid^="dash-sensor-"]:not([data-testid="dash-sensor-chart"])').nth(1);
    const sensorId = (await second.getAttribute("data-testid"))!.replace("dash-sensor-", "");
    await second.click();
    await expect(section).toHaveAttribute("data-sensor-id", sensorId);
    await expect(second).toHaveAttribute("aria-pressed", "true");

    // Live: at some moment the page shows exactly the readings the backend has taken (each once, none lost).
    await expect.poll(async () => (await backendReadings(backend.url, sensorId)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
    let matched = 0;
    await expect
      .poll(
        async () => {
          const taken = await backendReadings(backend.url, sensorId);
          const shown = { count: Number(await section.getAttribute("data-readings")), lastAt: await section.getAttribute("data-last-at") };
          if (shown.count !== taken.length || shown.lastAt !== taken.at(-1)?.at) return false;
          matched = taken.length;
          return true;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const chart = section.getByTestId("dash-sensor-chart");
    await expect.poll(async () => Number(await chart.getAttribute("data-drawn-points"))).toBeGreaterThanOrEqual(matched);
    // The list shows the latest reading; the sensor reports every 300 ms, so compare with the backend's latest each time, until they meet.
    const oneDecimal = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    await expect
      .poll(async () => {
        const latest = (await backendReadings(backend.url, sensorId)).at(-1);
        if (latest === undefined) return false;
        // The whole number shown, not a tail of a longer one ("4,0" inside "44,0").
        const shown = /(\d[\d.]*,\d)\s/.exec((await second.textContent()) ?? "")?.[1];
        return shown === oneDecimal.format(latest.value);
      }, { timeout: 30_000 })
      .toBe(true);

    // Offline: a fresh page, with the backend stopped, draws the same readings from the console's cache.
    await backend.stop();
    await page.reload();
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");
    await page.getByTestId("dash-domain-environment").click();
    await page.getByTestId(`dash-sensor-${sensorId}`).click();
    await expect(section).toHaveAttribute("data-sensor-id", sensorId);
    await expect(section).toHaveAttribute("data-ready", "true");
    const offline = Number(await section.getAttribute("data-readings"));
    expect(offline).toBeGreaterThanOrEqual(matched);
    await expect(chart).toHaveAttribute("data-drawn-points", String(offline));
  });
});
