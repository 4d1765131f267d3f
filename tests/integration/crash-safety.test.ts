import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CacheStore } from "../../electron/core/cache/cache-store.js";
import { openCache } from "../../electron/core/cache/open-cache.js";
import { REPO_ROOT, spawnBackend, stopChild, type BackendProcess } from "../../scripts/lib/backend-process.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";
import { commentIdFor } from "../../shared/alarm-actions.js";
import { backendEntities, cacheEntities } from "./cache-vs-backend.js";

/**
 * kill -9 of the console at random points during catch-up and outbox sending, many times:
 * afterwards the cache must equal the backend, and every queued action must be applied exactly once.
 */
const KILLS = 8;

function startChild(dataDir: string, backendUrl: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "tests/integration/fixtures/core-child.ts", dataDir, backendUrl, "5"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
}

/** Resolves when the child reports a sync state (it prints `status <state> <cursor> <pending>`). */
function reached(child: ChildProcess, state: string): Promise<void> {
  return new Promise((resolve) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`status ${state}`)) {
        child.stdout?.off("data", onData);
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", () => resolve());
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runUntil(dataDir: string, backendUrl: string, done: () => boolean): Promise<void> {
  const child = startChild(dataDir, backendUrl);
  const deadline = Date.now() + 60_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("the console never finished");
    await sleep(200);
  }
  await stopChild(child);
}

/**
 * Kills the console KILLS times at a random moment after it reaches `phase` (syncing: catch-up
 * under way; online: outbox draining); returns what the cache held after each kill.
 */
async function killRandomly(dataDir: string, backendUrl: string, phase: "syncing" | "online", maxMs: number): Promise<{ cursor: number; pending: number }[]> {
  const after: { cursor: number; pending: number }[] = [];
  for (let i = 0; i < KILLS; i++) {
    const child = startChild(dataDir, backendUrl);
    await reached(child, phase);
    await sleep(Math.random() * maxMs);
    await stopChild(child, "SIGKILL");
    const { cursor, pending } = cacheEntities(dataDir);
    after.push({ cursor, pending });
  }
  return after;
}

describe("crash safety: random kill -9 of the console", () => {
  let backend: BackendProcess;
  const dataDir = mkdtempSync(join(tmpdir(), "ioc-crash-"));

  beforeAll(async () => {
    backend = await spawnBackend({ port: 0, dataDir: mkdtempSync(join(tmpdir(), "ioc-crash-backend-")), extraArgs: ["--no-video", "--no-simulator", "--demo", "--simulator-api"] });
    const res = await backendFetch(`${backend.url}/api/v1/sim/alarms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 3000 }) });
    expect(res.ok).toBe(true);
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it("loses and duplicates nothing when killed during catch-up", async () => {
    const kills = await killRandomly(dataDir, backend.url, "syncing", 120);
    const { entities, headSeq } = await backendEntities(backend.url);
    // The test only proves something if some kills landed in the middle of catch-up.
    expect(kills.some((k) => k.cursor > 0 && k.cursor < headSeq), JSON.stringify(kills)).toBe(true);
    await runUntil(dataDir, backend.url, () => cacheEntities(dataDir).cursor >= headSeq);
    const cache = cacheEntities(dataDir);
    expect(cache.entities.size).toBe(entities.size);
    for (const [key, data] of entities) expect(cache.entities.get(key), key).toEqual(data);
  }, 180_000);

  it("sends every queued action exactly once when killed while draining the outbox", async () => {
    const alarms = [...cacheEntities(dataDir).entities.keys()].filter((k) => k.startsWith("alarm/")).slice(0, 150).map((k) => k.slice(6));
    const opened = openCache({ path: join(dataDir, "cache.sqlite") });
    const store = new CacheStore(opened.db);
    const keys: string[] = [];
    const queued = store.enqueueCommands(
      alarms.map((alarmId, i) => {
        const idempotencyKey = `crash-test-${i.toString().padStart(4, "0")}`;
        keys.push(idempotencyKey);
        return { idempotencyKey, operatorId: "op-01", at: new Date().toISOString(), command: { type: "comment" as const, target: { kind: "alarm" as const, id: alarmId }, text: `ghi chú ${i}` } };
      }),
    );
    expect(queued.ok).toBe(true);
    opened.db.close();

    const kills = await killRandomly(dataDir, backend.url, "online", 120);
    expect(kills.some((k) => k.pending > 0 && k.pending < keys.length), JSON.stringify(kills)).toBe(true);
    await runUntil(dataDir, backend.url, () => cacheEntities(dataDir).pending === 0);

    const { entities, headSeq } = await backendEntities(backend.url);
    const commentIds = [...entities.values()].flatMap((e) => ((e as { comments?: { id: string }[] }).comments ?? []).map((c) => c.id));
    for (const key of keys) expect(commentIds.filter((id) => id === commentIdFor(key, "op-01")), key).toHaveLength(1);

    await runUntil(dataDir, backend.url, () => cacheEntities(dataDir).cursor >= headSeq);
    const cache = cacheEntities(dataDir);
    for (const [key, data] of entities) expect(cache.entities.get(key), key).toEqual(data);
  }, 180_000);
});
