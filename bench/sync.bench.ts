import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { migrate } from "../electron/core/cache/migrate.js";
import { CACHE_PAGE_SIZE } from "../electron/core/cache/open-cache.js";
import { decodeChangeLines } from "../electron/core/sync/decode-change-lines.js";
import { MemorySettingsStore } from "../electron/core/settings/memory-settings-store.js";
import { startConsoleCoreInWorker, type HostedCore } from "../electron/core/worker/core-host.js";
import type { ConsoleEvent } from "../shared/protocol/console-api.js";
import { asciiJson } from "../shared/protocol/ascii-json.js";
import { MAX_BULK_ALARMS } from "../shared/protocol/alarm-requests.js";
import { REPO_ROOT, spawnBackend, type BackendProcess } from "../scripts/lib/backend-process.js";
import { spawnConsole } from "../scripts/lib/console-process.js";
import { backendFetch } from "../scripts/lib/backend-session.js";
import { launchChromium, percentile, round, tempDir, type Benchmark, type Figures } from "./harness.js";

const CATCHUP_CHANGES = Number(process.env.CATCHUP ?? 100_000);
const LIVE_CHANGES = Number(process.env.LIVE ?? 1_000);
const OUTBOX_ACTIONS = Number(process.env.OUTBOX ?? 10_000);
const SCREEN_CHANGES = Number(process.env.SCREEN ?? 300);

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await backendFetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return res.json();
}

async function raiseAlarms(backend: BackendProcess, total: number): Promise<void> {
  for (let done = 0; done < total; done += 10_000) await post(`${backend.url}/api/v1/sim/alarms`, { count: Math.min(10_000, total - done) });
}

/*
 * The core as the Electron app runs it: its two worker threads from the esbuild bundle that
 * `npm run bench` builds first (dist/electron), not TypeScript compiled on the fly by tsx, whose
 * loader takes about a third of a second to start in each worker thread.
 */
const BUNDLED_WORKERS = { workerPath: join(REPO_ROOT, "dist/electron/core-worker.cjs"), decoderWorkerPath: join(REPO_ROOT, "dist/electron/page-decoder-worker.cjs") };

async function startCore(backendUrl: string, dataDir = mkdtempSync(join(tmpdir(), "ioc-bench-core-"))): Promise<HostedCore> {
  const settings = new MemorySettingsStore({ backendUrl, language: "vi", operatorId: "op-01" });
  return startConsoleCoreInWorker({ dataDir, settings, ...BUNDLED_WORKERS, demo: true, autoSignIn: "op-01", log: (line) => { if (!line.startsWith("sync:")) console.error(`core: ${line}`); } });
}

function waitFor(core: HostedCore, check: (e: ConsoleEvent) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const off = core.port.onEvent((e) => {
      if (check(e)) {
        off();
        resolve();
      }
    });
  });
}

/**
 * The ceiling for catch-up, like for like: the same rows written by plain better-sqlite3 in
 * batched transactions into a database of the cache's page size, in WAL with NORMAL sync as the
 * cache is, each row's data already the very text the catch-up stores (serialised before the
 * clock starts). The clock covers only the inserts.
 */
async function rawInsertSeconds(backendUrl: string): Promise<number> {
  const rows: { entity: string; id: string; seq: number; data: unknown }[] = [];
  for (let after = 0; ; ) {
    const page = (await (await backendFetch(`${backendUrl}/api/v1/changes?after=${after}&limit=5000`)).json()) as { changes: typeof rows; hasMore: boolean };
    rows.push(...page.changes);
    after = page.changes.at(-1)?.seq ?? after;
    if (!page.hasMore) break;
  }
  const texts = rows.map((r) => asciiJson(r.data));
  const db = new Database(join(mkdtempSync(join(tmpdir(), "ioc-bench-raw-")), "raw.sqlite"));
  db.pragma(`page_size = ${CACHE_PAGE_SIZE}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  migrate(db);
  const insert = db.prepare("INSERT INTO entities (kind, id, data, seq) VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, seq = excluded.seq");
  const start = performance.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = rows[i]!;
      insert.run(r.entity, r.id, texts[i], r.seq);
    }
  });
  for (let i = 0; i < rows.length; i += 1000) batch(i, Math.min(rows.length, i + 1000));
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return seconds;
}

/**
 * Where catch-up's time goes, each part alone on the same backend: the backend serving every page
 * as the core asks for them (1,000 changes, change lines; the bench reads the bytes and nothing
 * else), and decoding them (every envelope and entity validated, as the core's decoder does) on
 * one thread. Catch-up runs both and the cache's writes at once on this machine's cores.
 */
async function catchUpParts(backendUrl: string): Promise<{ serveSeconds: number; decodeSeconds: number }> {
  const bodies: Buffer[] = [];
  const started = performance.now();
  for (let after = 0; ; ) {
    const res = await backendFetch(`${backendUrl}/api/v1/changes?after=${after}&limit=1000&format=lines`);
    const body = Buffer.from(await res.arrayBuffer());
    bodies.push(body);
    const header = JSON.parse(body.subarray(0, body.indexOf(10)).toString("utf8")) as { hasMore: boolean };
    if (!header.hasMore) break;
    const end = body.lastIndexOf(10, body.length - 2);
    after = (JSON.parse(body.subarray(end + 1, body.indexOf(9, end)).toString("utf8")) as { seq: number }).seq;
  }
  const serveSeconds = (performance.now() - started) / 1000;
  const decodeStart = performance.now();
  for (const body of bodies) {
    const page = decodeChangeLines(body.toString("utf8"));
    if (!page.ok) throw new Error(page.error.message);
  }
  return { serveSeconds, decodeSeconds: (performance.now() - decodeStart) / 1000 };
}

async function catchUp(backend: BackendProcess, figures: Figures): Promise<void> {
  const head = ((await (await backendFetch(`${backend.url}/api/v1/hello`)).json()) as { headSeq: number }).headSeq;
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  // Timed from the moment the core is up (its worker booted), so the figure is the catch-up itself.
  const core = await startCore(backend.url);
  const started = performance.now();
  // While catching up, the renderer keeps asking: measure how long its answers take.
  const answers: number[] = [];
  let catching = true;
  const prober = (async () => {
    while (catching) {
      const t = performance.now();
      await core.port.handle({ type: "outbox.list" });
      answers.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  await waitFor(core, (e) => e.type === "status" && e.status.cursor >= head);
  const seconds = (performance.now() - started) / 1000;
  catching = false;
  await prober;
  lag.disable();
  await core.close();
  const raw = await rawInsertSeconds(backend.url);
  const parts = await catchUpParts(backend.url);
  figures["sync.catchup_part_backend_serve_100k_s"] = { value: round(parts.serveSeconds, 2), unit: "s" };
  figures["sync.catchup_part_decode_100k_s"] = { value: round(parts.decodeSeconds, 2), unit: "s" };
  figures["sync.catchup_100k_s"] = { value: round(seconds, 2), unit: "s" };
  figures["sync.catchup_changes_per_s"] = { value: Math.round(head / seconds), unit: "changes/s" };
  figures["sync.raw_insert_100k_s"] = { value: round(raw, 2), unit: "s" };
  figures["sync.catchup_ratio_vs_raw"] = { value: round(raw / seconds, 3), unit: "ratio" };
  figures["sync.ui_thread_lag_p99_during_catchup_ms"] = { value: round(lag.percentile(99) / 1e6, 1), unit: "ms" };
  figures["sync.ui_request_p95_during_catchup_ms"] = { value: round(percentile(answers, 95), 1), unit: "ms" };
}

async function liveLatency(backend: BackendProcess, figures: Figures): Promise<void> {
  const core = await startCore(backend.url);
  await waitFor(core, (e) => e.type === "status" && e.status.state === "online");
  const latencies: number[] = [];
  const off = core.port.onEvent((e) => {
    if (e.type !== "changed" || !e.alarms) return;
    const now = Date.now();
    for (const a of e.alarms) latencies.push(now - Date.parse(a.updatedAt));
  });
  for (let i = 0; i < LIVE_CHANGES; i++) {
    await post(`${backend.url}/api/v1/sim/alarms`, { count: 1 });
    await new Promise((r) => setTimeout(r, 5));
  }
  const deadline = Date.now() + 10_000;
  while (latencies.length < LIVE_CHANGES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  off();
  await core.close();
  figures["sync.live_p50_ms"] = { value: round(percentile(latencies, 50), 1), unit: "ms" };
  figures["sync.live_p95_ms"] = { value: round(percentile(latencies, 95), 1), unit: "ms" };
  figures["sync.live_received"] = { value: latencies.length, unit: "changes" };
}

/** In the page: each time the queue's alarm count changes, when (epoch ms) it was drawn. Page code is a string (no DOM types here). */
const WATCH_COUNT = `(() => {
  window.__counts = [];
  const target = document.querySelector('[data-testid="alarm-count"]');
  new MutationObserver(() => {
    const n = Number(target.getAttribute("data-count"));
    requestAnimationFrame(() => window.__counts.push([performance.timeOrigin + performance.now(), n]));
  }).observe(target, { attributes: true, attributeFilter: ["data-count"] });
})()`;

/**
 * Backend commit to the screen of the browser console: alarms raised one at a time; each is on
 * screen once the queue's count has reached it (the frame after the count changed).
 */
async function liveToScreen(backend: BackendProcess, figures: Figures): Promise<void> {
  const consoleApp = await spawnConsole({ backendUrl: backend.url, dataDir: tempDir("sync-screen-console") });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(consoleApp.url);
    await page.waitForSelector('[data-testid="connection-state"][data-state="online"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="alarm-queue"][data-ready="true"]');
    await page.waitForTimeout(2_000);
    const before = Number(await page.getByTestId("alarm-count").getAttribute("data-count"));
    await page.evaluate(WATCH_COUNT);
    const startSeq = ((await (await backendFetch(`${backend.url}/api/v1/hello`)).json()) as { headSeq: number }).headSeq;
    const ids: string[] = [];
    for (let i = 0; i < SCREEN_CHANGES; i++) {
      const raised = (await post(`${backend.url}/api/v1/sim/alarms`, { count: 1 })) as { value: { ids: string[] } };
      ids.push(...raised.value.ids);
      await new Promise((r) => setTimeout(r, 20));
    }
    // The commit time of each: the alarm's updatedAt, as the backend's change feed holds it.
    const updatedAt = new Map<string, number>();
    for (let after = startSeq; ; ) {
      const page = (await (await backendFetch(`${backend.url}/api/v1/changes?after=${after}&limit=5000`)).json()) as { changes: Array<{ seq: number; entity: string; id: string; data: { updatedAt: string } }>; hasMore: boolean };
      for (const c of page.changes) if (c.entity === "alarm" && !updatedAt.has(c.id)) updatedAt.set(c.id, Date.parse(c.data.updatedAt));
      after = page.changes.at(-1)?.seq ?? after;
      if (!page.hasMore) break;
    }
    const committed = ids.map((id) => updatedAt.get(id) ?? Number.NaN).filter((t) => Number.isFinite(t));
    await page.waitForFunction(`(window.__counts.at(-1)?.[1] ?? 0) >= ${before + SCREEN_CHANGES}`, undefined, { timeout: 30_000 });
    const counts = (await page.evaluate("window.__counts")) as Array<[number, number]>;
    const lags: number[] = [];
    let c = 0;
    committed.forEach((at, k) => {
      while (c < counts.length && counts[c]![1] < before + k + 1) c++;
      if (c < counts.length) lags.push(counts[c]![0] - at);
    });
    figures["sync.live_screen_p50_ms"] = { value: round(percentile(lags, 50), 1), unit: "ms" };
    figures["sync.live_screen_p95_ms"] = { value: round(percentile(lags, 95), 1), unit: "ms" };
  } finally {
    await browser.close();
    await consoleApp.stop();
  }
}

/**
 * A flood acknowledged while the link is down: OUTBOX_ACTIONS alarms, each acknowledged offline
 * (one outbox entry per alarm), then the backend returns and the outbox drains.
 */
async function outboxDrain(figures: Figures): Promise<void> {
  const dataDir = tempDir("sync-outbox-backend");
  let backend = await spawnBackend({ port: 0, dataDir, extraArgs: ["--no-video", "--no-simulator", "--demo", "--simulator-api"] });
  const port = Number(new URL(backend.url).port);
  await raiseAlarms(backend, OUTBOX_ACTIONS);
  const head = ((await (await backendFetch(`${backend.url}/api/v1/hello`)).json()) as { headSeq: number }).headSeq;
  const core = await startCore(backend.url);
  await waitFor(core, (e) => e.type === "status" && e.status.state === "online" && e.status.cursor >= head);
  const snapshot = await core.port.handle({ type: "snapshot" });
  if (!snapshot.ok) throw new Error(snapshot.error.message);
  const alarmIds = (snapshot.value as { alarms: { id: string; state: string }[] }).alarms.filter((a) => a.state === "unacknowledged").map((a) => a.id);
  await backend.stop();
  await waitFor(core, (e) => e.type === "status" && e.status.state === "offline");
  const enqueueStart = performance.now();
  for (let i = 0; i < alarmIds.length; i += MAX_BULK_ALARMS) {
    const result = await core.port.handle({ type: "alarm.acknowledgeMany", alarmIds: alarmIds.slice(i, i + MAX_BULK_ALARMS) });
    if (!result.ok) throw new Error(result.error.message);
  }
  figures["sync.outbox_enqueue_10k_s"] = { value: round((performance.now() - enqueueStart) / 1000, 2), unit: "s" };
  figures["sync.outbox_actions"] = { value: alarmIds.length, unit: "actions" };
  backend = await spawnBackend({ port, dataDir, extraArgs: ["--no-video", "--no-simulator", "--demo", "--simulator-api"] });
  const started = performance.now();
  await core.port.handle({ type: "sync.retry" });
  await waitFor(core, (e) => e.type === "status" && e.status.pendingActions === 0);
  figures["sync.outbox_drain_10k_s"] = { value: round((performance.now() - started) / 1000, 2), unit: "s" };
  await core.close();
  await backend.stop();
}

/** Catch-up, live latency and outbox drain against a real backend process on loopback. */
export const syncBenchmark: Benchmark = {
  name: "sync",
  async run() {
    const figures: Figures = {};
    const backend = await spawnBackend({ port: 0, dataDir: tempDir("sync-backend"), extraArgs: ["--no-video", "--no-simulator", "--demo", "--simulator-api"] });
    try {
      const seeded = ((await (await backendFetch(`${backend.url}/api/v1/hello`)).json()) as { headSeq: number }).headSeq;
      await raiseAlarms(backend, CATCHUP_CHANGES - seeded);
      console.log("sync: backend holds 100k changes; catching up");
      await catchUp(backend, figures);
      console.log("sync: live latency");
      await liveLatency(backend, figures);
    } finally {
      await backend.stop();
    }
    // To the screen on a city of ordinary size (the 100k-change backend above would measure the
    // browser still loading its 100,000 alarms, not the live path).
    console.log("sync: live latency to the screen");
    const city = await spawnBackend({ port: 0, dataDir: tempDir("sync-screen-backend"), extraArgs: ["--no-video", "--no-simulator", "--demo", "--simulator-api"] });
    try {
      await liveToScreen(city, figures);
    } finally {
      await city.stop();
    }
    console.log("sync: outbox drain");
    await outboxDrain(figures);
    return figures;
  },
};
