import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyCommand } from "../backend/actions/apply-command.js";
import { buildCityModel } from "../backend/seed/city-model.js";
import { buildSeedWrites } from "../backend/seed/seed.js";
import { loadUongBiWards } from "../backend/seed/ward-geodata.js";
import type { BackendStore } from "../backend/store/backend-store.js";
import { openPgStore } from "../backend/store/pg/pg-store.js";
import { openSqliteStore } from "../backend/store/sqlite-store.js";
import { REPO_ROOT, spawnBackend, stopChild, type BackendProcess } from "../scripts/lib/backend-process.js";
import { backendFetch } from "../scripts/lib/backend-session.js";
import { freePort } from "../scripts/lib/free-port.js";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../scripts/lib/throwaway-postgres.js";
import { round, tempDir, type Benchmark, type Figures } from "./harness.js";
import { liveConsoles } from "./scale-consoles.js";
import { withBoundedMallocArenas } from "../backend/runtime/malloc-arenas.js";

const ACTIONS = 400;
const ROUNDS = 3;

/**
 * Actions per second through the backend's action path (applyCommand: the alarm's change,
 * its idempotency key and its audit entry in one commit), one after another as one busy operator
 * sends them, on a freshly seeded store. Both stores durable: SQLite synchronous=FULL on this
 * disk, PostgreSQL with fsync and synchronous_commit on.
 */
async function actionsPerSecond(store: BackendStore, inFlight: number): Promise<number> {
  const now = new Date();
  await store.commit(buildSeedWrites(buildCityModel(loadUongBiWards()), { now, publicUrl: "http://127.0.0.1:1", cameraStatus: () => "offline", demo: true }));
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < ACTIONS) {
      const i = next++;
      // A new alarm every 40 comments: an alarm keeps at most 50.
      const alarmId = `alm-${String(1 + Math.floor(i / 40)).padStart(4, "0")}`;
      const answer = await applyCommand(store, { idempotencyKey: randomUUID(), operatorId: "op-01", at: new Date().toISOString(), command: { type: "comment", target: { kind: "alarm", id: alarmId }, text: `Ghi chú ${i}` } }, new Date());
      if (!answer.ok) throw new Error(answer.error.message);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return ACTIONS / seconds;
}

async function writeRatio(server: ThrowawayPostgres): Promise<Figures> {
  const key = randomBytes(32);
  const sqlite: number[] = [];
  const pg: number[] = [];
  const pg8: number[] = [];
  // Alternating, so neither store gets the quieter minute.
  for (let r = 0; r < ROUNDS; r++) {
    const dir = tempDir("scale-sqlite");
    sqlite.push(await actionsPerSecond(openSqliteStore({ filename: join(dir, "store.sqlite"), auditKey: key }), 1));
    rmSync(dir, { recursive: true, force: true });
    pg.push(await actionsPerSecond(await openPgStore({ connectionString: await server.createDatabase(), auditKey: key, followOtherInstances: false }), 1));
    pg8.push(await actionsPerSecond(await openPgStore({ connectionString: await server.createDatabase(), auditKey: key, followOtherInstances: false }), 8));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    "scale.sqlite_actions_per_s": { value: round(median(sqlite), 1), unit: "actions/s" },
    "scale.pg_actions_per_s": { value: round(median(pg), 1), unit: "actions/s" },
    "scale.pg_8_in_flight_actions_per_s": { value: round(median(pg8), 1), unit: "actions/s" },
    "scale.pg_vs_sqlite_write_ratio": { value: round(median(pg) / median(sqlite), 3), unit: "ratio" },
  };
}

/** The console's status lines (`status <state> <cursor> <pending>`), each with when it came. */
function statusLog(child: ChildProcess): Array<{ at: number; state: string }> {
  const log: Array<{ at: number; state: string }> = [];
  let partial = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      const state = /^status (\S+)/.exec(line)?.[1];
      if (state !== undefined) log.push({ at: performance.now(), state });
    }
  });
  return log;
}

async function until<T>(what: string, find: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Two instances on one database, a console core on both: kill -9 of the instance it is on, until
 * the console is live again (caught up and following the stream) on the other.
 */
async function failover(server: ThrowawayPostgres): Promise<Figures> {
  const dir = tempDir("scale-failover");
  const keyFile = join(dir, "audit.key");
  writeFileSync(keyFile, randomBytes(32).toString("hex"), { mode: 0o600 });
  const databaseUrl = await server.createDatabase();
  const instances: BackendProcess[] = [];
  let consoleChild: ChildProcess | null = null;
  try {
    for (const name of ["a", "b"]) {
      instances.push(
        await spawnBackend({ port: await freePort(), dataDir: join(dir, name), extraArgs: ["--database-url", databaseUrl, "--audit-key-file", keyFile, "--demo", "--simulator-api", "--no-video", "--no-simulator", "--quiet"] }),
      );
    }
    const [a, b] = instances as [BackendProcess, BackendProcess];
    await backendFetch(`${a.url}/api/v1/sim/alarms`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 200 }) });
    const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/fixtures/core-child.ts", join(dir, "console"), `${a.url},${b.url}`], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"], env: withBoundedMallocArenas() });
    consoleChild = child;
    const log = statusLog(child);
    await until("the console online on the first instance", () => log.find((s) => s.state === "online"));
    const killed = performance.now();
    await stopChild(a.child, "SIGKILL");
    // The console noticed (left "online"), then came back online: on the other instance, the only one left.
    const lost = await until("the console to notice", () => log.find((s) => s.at >= killed && s.state !== "online"));
    const backOnline = (await until("the console online again", () => log.find((s) => s.at > lost.at && s.state === "online"))).at;
    return { "scale.failover_s": { value: round((backOnline - killed) / 1000, 2), unit: "s" } };
  } finally {
    if (consoleChild !== null) await stopChild(consoleChild, "SIGKILL");
    for (const instance of instances) await instance.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A smaller run to check the bench itself (the figures' names stay those of the full run). */
function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export const scaleBenchmark: Benchmark = {
  name: "scale",
  async run() {
    const server = await startThrowawayPostgres({ fsync: true });
    try {
      const figures = await writeRatio(server);
      if (process.env["IOC_BENCH_SCALE_WRITE_ONLY"] === "1") return figures;
      const consoles = { consoles: envNumber("IOC_BENCH_SCALE_CONSOLES", 200), perSecond: envNumber("IOC_BENCH_SCALE_ALARMS_PER_S", 500), seconds: envNumber("IOC_BENCH_SCALE_SECONDS", 60) };
      return { ...figures, ...(await failover(server)), ...(await liveConsoles(server, consoles)) };
    } finally {
      await server.stop();
    }
  },
};
