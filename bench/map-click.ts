import type { Browser } from "playwright-core";
import { benchGet } from "./bench-city.js";

const CLICKS = 40;

/** The page's globals the evaluated code uses (this file compiles without the DOM library). */
interface ClickGlobals {
  __iocMap: { project(lngLat: [number, number]): { x: number; y: number } };
  __iocSelectionWatch?: Promise<{ id: string; ms: number } | null>;
  requestAnimationFrame(callback: (time: number) => void): number;
  document: {
    addEventListener(type: string, listener: () => void, capture: boolean): void;
    querySelector(selector: string): { getAttribute(name: string): string | null; getBoundingClientRect(): { left: number; top: number; width: number; height: number } } | null;
  };
  __iocMouseDownAt?: number;
}

const g = () => globalThis as unknown as ClickGlobals;

async function unacknowledgedAlarms(backendUrl: string): Promise<Array<{ id: string; location: [number, number] }>> {
  const latest = new Map<string, { id: string; state: string; location: [number, number] }>();
  for (let after = 0; ; ) {
    const page = (await (await benchGet(`${backendUrl}/api/v1/changes?after=${after}&limit=5000`)).json()) as { changes: Array<{ seq: number; entity: string; id: string; data: { id: string; state: string; location: [number, number] } | null }>; hasMore: boolean };
    for (const c of page.changes) if (c.entity === "alarm" && c.data !== null) latest.set(c.id, c.data);
    after = page.changes.at(-1)?.seq ?? after;
    if (!page.hasMore) break;
  }
  return [...latest.values()].filter((a) => a.state === "unacknowledged").map((a) => ({ id: a.id, location: a.location }));
}

/**
 * A real click on an alarm drawn on the map (page.mouse at its projected position) until the
 * queue in the same window draws that alarm's row selected: the clock starts at the page's own
 * mousedown event and stops at the first animation frame whose DOM has the row selected. Between
 * clicks the selection is cleared (Alt+X), so every click changes it. Clicks that select nothing
 * (the alarm hidden under another, or off screen) are counted, not timed.
 */
export async function clickToSelection(browser: Browser, consoleUrl: string, backendUrl: string): Promise<{ times: number[]; missed: number }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.goto(consoleUrl);
  await page.waitForSelector('[data-testid="map-pane"][data-ready="true"]', { timeout: 90_000 });
  await page.waitForSelector('[data-testid="alarm-row"]', { timeout: 60_000 });
  await page.waitForTimeout(2000);
  await page.evaluate(() => g().document.addEventListener("mousedown", () => (g().__iocMouseDownAt = performance.now()), true));
  const alarms = await unacknowledgedAlarms(backendUrl);
  const times: number[] = [];
  let missed = 0;
  for (let i = 0; i < CLICKS; i++) {
    const alarm = alarms[i % alarms.length]!;
    await page.keyboard.press("Alt+x");
    await page.waitForTimeout(300);
    const point = await page.evaluate((lngLat) => {
      const canvas = g().document.querySelector('[data-testid="map-pane"] canvas')!.getBoundingClientRect();
      const p = g().__iocMap.project(lngLat);
      return p.x < 0 || p.y < 0 || p.x > canvas.width || p.y > canvas.height ? null : { x: canvas.left + p.x, y: canvas.top + p.y };
    }, alarm.location);
    if (point === null) {
      missed += 1;
      continue;
    }
    await page.evaluate(() => {
      g().__iocSelectionWatch = new Promise((resolve) => {
        const started = performance.now();
        const before = g().document.querySelector('[data-testid="alarm-row"][aria-selected="true"]')?.getAttribute("data-alarm-id") ?? null;
        const check = (frame: number) => {
          const now = g().document.querySelector('[data-testid="alarm-row"][aria-selected="true"]')?.getAttribute("data-alarm-id") ?? null;
          if (now !== null && now !== before && g().__iocMouseDownAt !== undefined) resolve({ id: now, ms: frame - g().__iocMouseDownAt! });
          else if (performance.now() - started > 3000) resolve(null);
          else g().requestAnimationFrame(check);
        };
        g().requestAnimationFrame(check);
      });
    });
    await page.mouse.click(point.x, point.y);
    const seen = await page.evaluate(() => g().__iocSelectionWatch!);
    if (seen === null) missed += 1;
    else times.push(seen.ms);
  }
  await context.close();
  return { times, missed };
}
