import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CacheStore } from "../../electron/core/cache/cache-store.js";
import { openCache } from "../../electron/core/cache/open-cache.js";
import { commentIdFor } from "../../shared/alarm-actions.js";
import { REPO_ROOT, spawnBackend, stopChild, type BackendProcess } from "../../scripts/lib/backend-process.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";
import { freePort } from "../../scripts/lib/free-port.js";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/lib/throwaway-postgres.js";
import { backendEntities, cacheEntities } from "./cache-vs-backend.js";

/**
 * Two backend instances on one PostgreSQL database; a console given both. kill -9 of the instance
 * the console is on, during catch-up and during outbox draining: it finishes on the other, with
 * its cache equal to the backend and every queued action applied exactly once.
 */
const dir = mkdtempSync(join(tmpdir(), "ioc-failover-"));
const consoleDir = join(dir, "console");
const keyFile = join(dir, "audit.key");
let server: ThrowawayPostgres;
let databaseUrl: string;
const backends: BackendProcess[] = [];
const consoles: ChildProcess[] = [];

async function instance(name: string): Promise<BackendProcess> {
  const backend = await spawnBackend({
    port: await freePort(),
    dataDir: join(dir, name),
    extraArgs: ["--database-url", databaseUrl, "--audit-key-file", keyFile, "--demo", "--simulator-api", "--no-video", "--no-simulator", "--quiet"],
  });
  backends.push(backend);
  return backend;
}

function startConsole(urls: readonly string[]): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/fixtures/core-child.ts", consoleDir, urls.join(","), "5"], { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "inherit"] });
  consoles.push(child);
  return child;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, done: () => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
}

async function expectCacheEqualsBackend(url: string): Promise<void> {
  const { entities, headSeq } = await backendEntities(url);
  await until("the console caught up", () => cacheEntities(consoleDir).cursor >= headSeq);
  const cache = cacheEntities(consoleDir);
  expect(cache.entities.size).toBe(entities.size);
  for (const [key, data] of entities) expect(cache.entities.get(key), key).toEqual(data);
}

beforeAll(async () => {
  writeFileSync(keyFile, randomBytes(32).toString("hex"), { mode: 0o600 });
  server = await startThrowawayPostgres();
  databaseUrl = await server.createDatabase();
  const a = await instance("a");
  const raised = await backendFetch(`${a.url}/api/v1/sim/alarms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 1500 }) });
  expect(raised.ok).toBe(true);
  await instance("b");
});

afterAll(async () => {
  for (const child of consoles) await stopChild(child, "SIGKILL");
  for (const backend of backends) await backend.stop();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("a console with two backend instances", () => {
  it("finishes catch-up on the other instance when the one it is on is killed", async () => {
    const [a, b] = backends;
    const child = startConsole([a!.url, b!.url]);
    const { headSeq } = await backendEntities(b!.url);
    await until("catch-up is under way", () => cacheEntities(consoleDir).cursor > 0);
    await stopChild(a!.child, "SIGKILL");
    const atKill = cacheEntities(consoleDir).cursor;
    expect(atKill).toBeLessThan(headSeq);
    await expectCacheEqualsBackend(b!.url);
    await stopChild(child);
  }, 180_000);

  it("finishes draining its outbox on the other instance when the one it is on is killed, each action applied once", async () => {
    const b = backends[1]!;
    const c = await instance("c");
    const alarms = [...cacheEntities(consoleDir).entities.keys()].filter((k) => k.startsWith("alarm/")).slice(0, 400).map((k) => k.slice(6));
    const opened = openCache({ path: join(consoleDir, "cache.sqlite") });
    const keys = alarms.map((_, i) => `failover-${i.toString().padStart(4, "0")}`);
    const queued = new CacheStore(opened.db).enqueueCommands(
      alarms.map((alarmId, i) => ({ idempotencyKey: keys[i]!, operatorId: "op-01", at: new Date().toISOString(), command: { type: "comment" as const, target: { kind: "alarm" as const, id: alarmId }, text: `ghi chú ${i}` } })),
    );
    expect(queued.ok).toBe(true);
    opened.db.close();

    // On b first; b dies once some of the outbox has gone through it.
    const child = startConsole([b.url, c.url]);
    await until("draining is under way", () => cacheEntities(consoleDir).pending < keys.length);
    await stopChild(b.child, "SIGKILL");
    expect(cacheEntities(consoleDir).pending).toBeGreaterThan(0);
    await until("the outbox is empty", () => cacheEntities(consoleDir).pending === 0);

    const { entities } = await backendEntities(c.url);
    const commentIds = [...entities.values()].flatMap((e) => ((e as { comments?: { id: string }[] }).comments ?? []).map((x) => x.id));
    for (const key of keys) expect(commentIds.filter((id) => id === commentIdFor(key, "op-01")), key).toHaveLength(1);
    await expectCacheEqualsBackend(c.url);
    await stopChild(child);
  }, 180_000);
});
