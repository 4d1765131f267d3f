import { benchGet, startBenchCity, startBenchConsole } from "./bench-city.js";
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

/**
 * In the map window: every frame maplibre draws, with the map's centre in screen pixels of the
 * canvas, so the bench can find the first frame drawn centred on an alarm.
 */
const WATCH_FRAMES = `(() => {
  const map = window.__iocMap;
  if (!map) throw new Error("no map (the page must be the --mode test build)");
  window.__iocFrames = [];
  map.on("render", () => {
    const c = map.getCenter();
    window.__iocFrames.push({ lng: c.lng, lat: c.lat, at: performance.timeOrigin + performance.now() });
    if (window.__iocFrames.length > 2000) window.__iocFrames.splice(0, 1000);
  });
})()`;

/** The first frame drawn after \`after\` whose centre is within 2 screen pixels of the alarm's location; null if none yet. */
const centredAt = (lngLat: readonly [number, number], after: number) => `(() => {
  const map = window.__iocMap;
  const target = map.project(${JSON.stringify(lngLat)});
  const frame = (window.__iocFrames || []).find((f) => {
    if (f.at < ${after}) return false;
    const p = map.project([f.lng, f.lat]);
    return Math.hypot(p.x - target.x, p.y - target.y) <= 2;
  });
  return frame ? frame.at : null;
})()`;

const drawnAt = (id: string) => `(() => { const e = (window.__iocLink || []).findLast((x) => x.id === ${JSON.stringify(id)}); return e ? { at: e.at, shown: e.shown } : null; })()`;

/**
 * Cross-window link latency: an alarm pressed in the queue window (?role=alarms) until the map
 * window (?role=map) has drawn a frame centred on it (maplibre's render event, the map's centre
 * within 2 px of the alarm) — the path is queue → core (selection.set) → "selection" event → other
 * window → React → the map moves → its frame. Only selections that move the map count (an alarm at
 * the place of the one before needs no frame). Both pages run in one Chromium, so
 * performance.timeOrigin + now() is one clock. The selection text drawn in the other window is
 * reported beside it (workstation.link_dom_*).
 */
/** Every alarm's location, read from the backend's change feed in the supervisor's session. */
async function alarmLocations(backendUrl: string): Promise<Map<string, [number, number]>> {
  const locations = new Map<string, [number, number]>();
  for (let after = 0; ; ) {
    const page = (await (await benchGet(`${backendUrl}/api/v1/changes?after=${after}&limit=5000`)).json()) as { changes: Array<{ seq: number; entity: string; id: string; data: { location?: [number, number] } | null }>; hasMore: boolean };
    for (const c of page.changes) if (c.entity === "alarm" && c.data?.location) locations.set(c.id, c.data.location);
    after = page.changes.at(-1)?.seq ?? after;
    if (!page.hasMore) return locations;
  }
}

export const workstationBenchmark: Benchmark = {
  name: "workstation",
  async run() {
    const city = await startBenchCity({ dataDir: tempDir("ws-backend"), extraArgs: ["--no-video", "--no-simulator"], consoles: 1 });
    const backend = city.backend;
    const consoleApp = await startBenchConsole(city, { dataDir: tempDir("ws-console") });
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
      await map.waitForFunction("window.__iocMap !== undefined", undefined, { timeout: 60_000 });
      // A selection made while the map is still loading counts as the one it opened with (it
      // starts on the city, not flown there): the clock runs only for a map that is up.
      await map.waitForSelector('[data-testid="map-pane"][data-ready="true"]', { timeout: 60_000 });
      await map.evaluate(WATCH_FRAMES);
      const locations = await alarmLocations(city.url);

      const latencies: number[] = [];
      let previous: string | null = null;
      let unmoved = 0;
      // Until the DOM of the other window shows it (transport + React), apart from the next frame (WebGL on the CPU here).
      const delivered: number[] = [];
      for (let i = 0; i < SELECTIONS; i++) {
        await map.evaluate("window.__iocLink = []");
        const { id, at } = (await queue.evaluate(selectRow(i % ROWS))) as { id: string; at: number };
        const drawn = await map.waitForFunction(drawnAt(id), undefined, { timeout: 10_000 });
        const times = (await drawn.jsonValue()) as { at: number; shown: number };
        delivered.push(times.shown - at);
        const location = locations.get(id);
        const moved = location !== undefined && (previous === null || JSON.stringify(locations.get(previous)) !== JSON.stringify(location));
        previous = id;
        if (!moved || location === undefined) {
          unmoved += 1;
          continue;
        }
        const centred = await map.waitForFunction(centredAt(location, at), undefined, { timeout: 10_000 });
        latencies.push(((await centred.jsonValue()) as number) - at);
      }
      await context.close();
      console.log(`workstation: ${latencies.length} selections moved the map, ${unmoved} did not (same place as the one before)`);
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
