import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { applyCommand } from "../backend/actions/apply-command.js";
import { buildCityModel } from "../backend/seed/city-model.js";
import { buildSeedWrites } from "../backend/seed/seed.js";
import { loadUongBiWards } from "../backend/seed/ward-geodata.js";
import { openSqliteStore } from "../backend/store/sqlite-store.js";
import { percentile, round, tempDir, type Benchmark } from "./harness.js";

const ACTIONS = 400;

/**
 * What durable commits cost: the backend's action path (applyCommand: the alarm's change,
 * its idempotency key and its audit entry in one commit) on a store file on this machine's disk,
 * ACTIONS comments one after another, with commits synced (FULL, as the backend runs) and not
 * (NORMAL), in the same run, alternating so neither side gets the quieter minute.
 */
async function commitTimes(durability: "full" | "normal"): Promise<number[]> {
  const store = openSqliteStore({ filename: join(tempDir(`durability-${durability}`), "store.sqlite"), auditKey: randomBytes(32), durability });
  const now = new Date();
  await store.commit(buildSeedWrites(buildCityModel(loadUongBiWards()), { now, publicUrl: "http://127.0.0.1:1", cameraStatus: () => "offline", demo: true }));
  const times: number[] = [];
  for (let i = 0; i < ACTIONS; i++) {
    // A new alarm every 40 comments: an alarm keeps at most 50.
    const alarmId = `alm-${String(1 + Math.floor(i / 40)).padStart(4, "0")}`;
    const started = performance.now();
    const answer = await applyCommand(store, { idempotencyKey: randomUUID(), operatorId: "op-01", at: new Date().toISOString(), command: { type: "comment", target: { kind: "alarm", id: alarmId }, text: `Ghi chú ${i}` } }, new Date());
    times.push(performance.now() - started);
    if (!answer.ok) throw new Error(answer.error.message);
  }
  await store.close();
  return times;
}

export const durabilityBenchmark: Benchmark = {
  name: "durability",
  async run() {
    const full: number[] = [];
    const normal: number[] = [];
    for (let round_ = 0; round_ < 3; round_++) {
      full.push(...(await commitTimes("full")));
      normal.push(...(await commitTimes("normal")));
    }
    const fullP95 = percentile(full, 95);
    const normalP95 = percentile(normal, 95);
    return {
      "durability.action_commit_p95_ms": { value: round(fullP95, 2), unit: "ms" },
      "durability.action_commit_normal_p95_ms": { value: round(normalP95, 2), unit: "ms" },
      "durability.action_commit_full_vs_normal_p95_ratio": { value: round(fullP95 / normalP95, 2), unit: "ratio" },
    };
  },
};
