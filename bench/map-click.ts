import type { Browser } from "playwright-core";
import { benchGet } from "./bench-city.js";

const CLICKS = 40;

/**
 * Browser-side code as strings: bench/ compiles without DOM types, and functions handed to the page
 * would carry tsx's helpers with them.
 */
const NOTE_MOUSEDOWN = `document.addEventListener("mousedown", () => { window.__iocMouseDownAt = performance.now(); }, true)`;

/** Where to click the alarm: its projected point, if on the canvas and the alarm's own mark is on top there (else null). */
const projectOnCanvas = (id: string, lngLat: readonly [number, number]) => `(() => {
  const canvas = document.querySelector('[data-testid="map-pane"] canvas').getBoundingClientRect();
  const p = window.__iocMap.project(${JSON.stringify(lngLat)});
  if (p.x < 0 || p.y < 0 || p.x > canvas.width || p.y > canvas.height) return null;
  if (window.__iocMapTest.hitTest(p.x, p.y) !== ${JSON.stringify(`alarm:${id}`)}) return null;
  return { x: canvas.left + p.x, y: canvas.top + p.y };
})()`;

/** Resolves with the alarm the queue draws selected next (and the time from the mousedown to that frame), or null after 3 s. */
const WATCH_SELECTION = `(() => {
  const selected = () => document.querySelector('[data-testid="alarm-row"][aria-selected="true"]')?.getAttribute("data-alarm-id") ?? null;
  const before = selected();
  const started = performance.now();
  window.__iocSelectionWatch = new Promise((resolve) => {
    const check = () => {
      const now = selected();
      // The row is in this frame's DOM: it is painted with this frame, right after this callback.
      if (now !== null && now !== before && window.__iocMouseDownAt !== undefined && window.__iocMouseDownAt >= started) resolve({ id: now, ms: performance.now() - window.__iocMouseDownAt });
      else if (performance.now() - started > 3000) resolve(null);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
})()`;

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
 * clicks the selection is cleared (Alt+X), so every click changes it. Only alarms whose own mark is
 * on top at their point are clicked (the map's hit test says so); a click that selects nothing
 * is counted as missed, not timed.
 */
export async function clickToSelection(browser: Browser, consoleUrl: string, backendUrl: string): Promise<{ times: number[]; missed: number; hidden: number }> {
  // bypassCSP: the probes are strings, and the page's CSP forbids eval.
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(consoleUrl);
  await page.waitForSelector('[data-testid="map-pane"][data-ready="true"]', { timeout: 90_000 });
  await page.waitForSelector('[data-testid="alarm-row"]', { timeout: 60_000 });
  await page.waitForTimeout(2000);
  await page.evaluate(NOTE_MOUSEDOWN);
  const alarms = await unacknowledgedAlarms(backendUrl);
  const times: number[] = [];
  let missed = 0;
  // Alarms under another mark (or off screen) cannot be clicked; they are skipped, not counted as misses.
  let hidden = 0;
  for (let i = 0; times.length + missed < CLICKS && i < CLICKS * 10; i++) {
    const alarm = alarms[i % alarms.length]!;
    await page.keyboard.press("Alt+x");
    await page.waitForTimeout(300);
    const point = (await page.evaluate(projectOnCanvas(alarm.id, alarm.location))) as { x: number; y: number } | null;
    if (point === null) {
      hidden += 1;
      continue;
    }
    await page.evaluate(WATCH_SELECTION);
    await page.mouse.click(point.x, point.y);
    const seen = (await page.evaluate("window.__iocSelectionWatch")) as { id: string; ms: number } | null;
    if (seen === null) missed += 1;
    else times.push(seen.ms);
  }
  await context.close();
  return { times, missed, hidden };
}
