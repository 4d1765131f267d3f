import { join } from "node:path";
import type { Page } from "playwright-core";
import type { BackendProcess } from "../scripts/lib/backend-process.js";
import { backendFetch } from "../scripts/lib/backend-session.js";
import { spawnConsole, type ConsoleProcess } from "../scripts/lib/console-process.js";
import { launchChromium, percentile, round, type Figures } from "./harness.js";

const ROUNDS = Number(process.env.ESCALATION_ROUNDS ?? 20);
const STEP_TIMEOUT_MS = 30_000;

/** In the province page: a promise of the Date.now() at which a node matching `selector` is first in the DOM. */
const watchFor = (selector: string) => `window.__escalationSeen = new Promise((resolve) => {
  const selector = ${JSON.stringify(selector)};
  if (document.querySelector(selector) !== null) return resolve(Date.now());
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector) === null) return;
    observer.disconnect();
    resolve(Date.now());
  });
  observer.observe(document.body, { childList: true, subtree: true });
}); undefined`;

/** In the city page: the clock starts at the click on the escalation's submit button itself. */
const CLICK_SUBMIT = `(() => { const button = document.querySelector('[data-testid="alarm-details"] [data-testid="action-submit"]'); const at = Date.now(); button.click(); return at; })()`;

/** The promise's value, or an error naming the step if it takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function openCity(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid="alarm-queue"][data-ready="true"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('[data-testid="connection-state"][data-state="online"]').waitFor({ timeout: STEP_TIMEOUT_MS });
}

/**
 * province.escalation_p95_ms: a city console and the province console in one browser (one machine
 * clock), both backends healthy on loopback. Each round escalates a new unacknowledged alarm in the
 * city console; the clock starts in the city page as the submit button is clicked and stops in the
 * province page when a MutationObserver sees the escalation's row in its DOM. Both clocks are Date.now()
 * of the same machine; the figure is the 95th percentile of ROUNDS rounds.
 */
export async function measureEscalationLatency(province: BackendProcess, city: BackendProcess, dataDir: string): Promise<Figures> {
  const consoles: ConsoleProcess[] = [];
  const browser = await launchChromium();
  try {
    // One fresh unacknowledged alarm per round (each round acknowledges the one it escalated).
    const raised = await backendFetch(`${city.url}/api/v1/sim/alarms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: ROUNDS }) }, "sup-01");
    if (!raised.ok) throw new Error(`the city's simulator raised no alarms (HTTP ${raised.status})`);
    consoles.push(await spawnConsole({ backendUrl: city.url, dataDir: join(dataDir, "console-city") }));
    consoles.push(await spawnConsole({ backendUrl: province.url, dataDir: join(dataDir, "console-province") }));
    const [cityConsole, provinceConsole] = consoles as [ConsoleProcess, ConsoleProcess];
    // The size the e2e tests use: the alarm details and their buttons sit where they do there.
    const newPage = async () => (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    const cityPage = await newPage();
    const provincePage = await newPage();
    await openCity(cityPage, cityConsole.url);
    await provincePage.goto(provinceConsole.url);
    await provincePage.getByTestId("province-queue").waitFor({ timeout: STEP_TIMEOUT_MS });
    const samples: number[] = [];
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      const row = cityPage.locator('[data-testid="alarm-row"][data-state="unacknowledged"]').first();
      const alarmId = (await row.getAttribute("data-alarm-id", { timeout: STEP_TIMEOUT_MS }))!;
      await row.locator(".alarm-row__type").click();
      const details = cityPage.locator(`[data-testid="alarm-details"][data-alarm-id="${alarmId}"]`);
      await details.waitFor({ timeout: STEP_TIMEOUT_MS }).catch((error: unknown) => {
        throw new Error(`round ${round_ + 1}: the details of ${alarmId} did not open (${String(error)})`);
      });
      // An alarm's escalations are numbered in order: this one is the next.
      const key = `uong-bi~${alarmId}~${await details.getByTestId("escalation-delivery").count()}`;
      // The province page watches for the row before the click, so nothing of the path is missed.
      await provincePage.evaluate(watchFor(`[data-testid="escalation-row"][data-escalation-id="${key}"]`));
      const seen = provincePage.evaluate("window.__escalationSeen") as Promise<number>;
      // Awaited below; if an earlier step fails, the browser closes and this must not become an unhandled rejection.
      seen.catch(() => undefined);
      // The steps before the timed click need no pointer (a long queue can put the details under the hint line).
      await details.getByTestId("action-escalate").dispatchEvent("click");
      await details.getByTestId("action-text").fill(`Cần tỉnh hỗ trợ ${round_ + 1}`);
      const submit = details.getByTestId("action-submit");
      await submit.waitFor();
      // The clock starts in the page, at the click itself.
      const started = (await cityPage.evaluate(CLICK_SUBMIT)) as number;
      const drawn = await within(seen, STEP_TIMEOUT_MS, `escalation ${key} drawn in the province console`);
      samples.push(drawn - started);
      // Acknowledged in the city, so the next round takes another alarm.
      await cityPage.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]`).getByTestId("ack-button").dispatchEvent("click");
      await cityPage.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]:not([data-state="unacknowledged"])`).waitFor({ timeout: STEP_TIMEOUT_MS });
    }
    return {
      "province.escalation_p95_ms": { value: round(percentile(samples, 95), 0), unit: "ms" },
      "province.escalation_median_ms": { value: round(percentile(samples, 50), 0), unit: "ms" },
    };
  } finally {
    await browser.close();
    for (const c of consoles.reverse()) await c.stop();
  }
}
