import type { RecordingIndex } from "../store/recording-index.js";
import { planRetention, type QuotaLevel, type RetentionPolicy } from "./retention-plan.js";
import type { SegmentFiles } from "./segment-files.js";

/** Segments considered per round: bounded work per camera, repeated until nothing more is planned. */
const PAGE = 500;
const MAX_ROUNDS = 100;

export interface RetentionOutcome {
  deleted: number;
  freedBytes: number;
  /** The quota level before deleting: "warning" and "over" are logged and shown in the camera's health. */
  level: QuotaLevel;
}

/**
 * Applies the retention planner to one camera's stored recordings: index rows first (so nothing
 * serves a segment about to go), then the files.
 */
export async function applyRetention(index: RecordingIndex, files: SegmentFiles, cameraId: string, policy: RetentionPolicy, nowMs: number): Promise<RetentionOutcome> {
  let deleted = 0;
  let freedBytes = 0;
  let level: QuotaLevel | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Summing a camera's segments reads all its rows: only worth it when there is a quota to hold.
    const usedBytes = policy.quotaBytes === null ? 0 : (await index.usage(cameraId)).bytes;
    const plan = planRetention({ nowMs, policy, usedBytes, oldest: await index.oldestSegments(cameraId, PAGE) });
    level ??= plan.level;
    if (plan.deleteStarts.length === 0) break;
    await index.removeSegments(cameraId, plan.deleteStarts);
    for (const startMs of plan.deleteStarts) await files.remove(cameraId, startMs);
    deleted += plan.deleteStarts.length;
    freedBytes += plan.freedBytes;
  }
  return { deleted, freedBytes, level: level ?? "ok" };
}
