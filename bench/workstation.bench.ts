import { spawnBackend } from "../scripts/lib/backend-process.js";
import { spawnConsole } from "../scripts/lib/console-process.js";
import { launchChromium, percentile, round, tempDir, type Benchmark } from "./harness.js";

const SELECTIONS = 200;
/** Rows cycled through in the queue window; consecutive selections always differ. */
const ROWS = 8;

/**
 * Browser-side code as strings: bench/ compiles without DOM types. In the receiving window: when the
 * selection indicator shows a new alarm, note the time of the next frame in window.__iocLink.
 */
const WATCH_SELECTION = `(() => {
  const target = document.querySelector('[data-testid="selection-indicator"]');
  if (target === null) throw new Error("no selection indicator");
  window.__iocLink = [];
  new MutationObserver(() => {
    const id = target.getAttribute("data-alarm-id") || "";
    const shown = performance.timeOrigin + performance.now();
    requestAnimationFrame(() => window.__iocLink.push({ id, shown, at: performance.timeOrigin + performance.now() }));
  }).observe(target, { attributes: true, attributeFilter: ["data-alarm-id"] });
})()`;

/** In the queue window: press the mouse on row i (rows select on mousedown), returning its alarm and the time. */
const selectRow = (index: number) => `(() => {
  const row = document.querySelectorAll('[data-testid="alarm-row"]')[${index}];
  const at = performance.timeOrigin + performance.now();
  row.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, button: 0 }));
  return { id: row.getAttribute("data-alarm-id") || "", at };
})()`;

const drawnAt = (id: string) => `(() => { const e = (window.__iocLink || []).findLast((x) => x.id === ${JSON.stringify(id)}); return e ? { at: e.at, shown: e.shown } : null; })()`;

/**
 * Cross-window link latency: an alarm clicked in the queue window (?role=alarms) until the map
 * window (?role=map) has drawn the new selection — the path is queue → core (selection.set) →
 * "selection" event → other window → React → next frame. Both pages run in one Chromium, so
 * performance.timeOrigin + now() is one clock.
 */
export const workstationBenchmark: Benchmark = {
  name: "workstation",
  async run() {
    const backend = await spawnBackend({ port: 0, dataDir: tempDir("ws-backend"), extraArgs: ["--no-video", "--no-simulator", "--demo", "--simulator-api"] });
    const consoleApp = await spawnConsole({ backendUrl: backend.url, dataDir: tempDir("ws-console") });
    const browser = await launchChromium();
    try {
      // bypassCSP: the probes below are strings (bench/ has no DOM types), and the page's CSP forbids eval.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      const queue = await context.newPage();
      const map = await context.newPage();
      await queue.goto(`${consoleApp.url}/?role=alarms`);
      await map.goto(`${consoleApp.url}/?role=map`);
      await queue.waitForFunction(`document.querySelectorAll('[data-testid="alarm-row"]').length >= ${ROWS}`, undefined, { timeout: 60_000 });
      await map.waitForSelector('[data-testid="selection-indicator"]', { timeout: 60_000 });
      await map.evaluate(WATCH_SELECTION);

      const latencies: number[] = [];
      // Until the DOM of the other window shows it (transport + React), apart from the next frame (WebGL on the CPU here).
      const delivered: number[] = [];
      for (let i = 0; i < SELECTIONS; i++) {
        await map.evaluate("window.__iocLink = []");
        const { id, at } = (await queue.evaluate(selectRow(i % ROWS))) as { id: string; at: number };
        const drawn = await map.waitForFunction(drawnAt(id), undefined, { timeout: 10_000 });
        const times = (await drawn.jsonValue()) as { at: number; shown: number };
        latencies.push(times.at - at);
        delivered.push(times.shown - at);
      }
      await context.close();
      return {
        "workstation.link_p50_ms": { value: round(percentile(latencies, 50)), unit: "ms" },
        "workstation.link_p95_ms": { value: round(percentile(latencies, 95)), unit: "ms" },
        "workstation.link_dom_p50_ms": { value: round(percentile(delivered, 50)), unit: "ms" },
        "workstation.link_dom_p95_ms": { value: round(percentile(delivered, 95)), unit: "ms" },
      };
    } finally {
      await browser.close();
      await consoleApp.stop();
      await backend.stop();
    }
  },
};
