/**
 * Which recorded segments to delete: those older than the camera's retention, then the oldest
 * ones until the camera is back under its disk quota. A warning is raised from `warnFraction` of
 * the quota, before anything has to go. Pure: the caller reads the oldest segments and the usage,
 * applies the plan, and asks again until nothing more is planned.
 */

export interface RetentionPolicy {
  /** Keep this many days (segments that started earlier are deleted). */
  retentionDays: number;
  /** Most bytes the camera's recordings may take; null = no quota. */
  quotaBytes: number | null;
  /** From this fraction of the quota on, the camera's state says "warning" (default 0.9). */
  warnFraction?: number;
}

export interface SegmentSummary {
  startMs: number;
  bytes: number;
}

export interface RetentionInput {
  nowMs: number;
  policy: RetentionPolicy;
  /** Bytes the camera's recordings take now. */
  usedBytes: number;
  /** The camera's oldest segments, oldest first (a page: the plan never goes past it). */
  oldest: readonly SegmentSummary[];
}

export type QuotaLevel = "ok" | "warning" | "over";

export interface RetentionPlan {
  /** Starts of the segments to delete, oldest first. */
  deleteStarts: number[];
  /** Bytes freed by the deletions. */
  freedBytes: number;
  /** Usage after the plan. */
  usedBytesAfter: number;
  /** Where usage stands against the quota before the plan ran: what to warn about. */
  level: QuotaLevel;
}

const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_WARN_FRACTION = 0.9;

export function quotaLevel(usedBytes: number, policy: RetentionPolicy): QuotaLevel {
  if (policy.quotaBytes === null) return "ok";
  if (usedBytes > policy.quotaBytes) return "over";
  return usedBytes >= policy.quotaBytes * (policy.warnFraction ?? DEFAULT_WARN_FRACTION) ? "warning" : "ok";
}

export function planRetention(input: RetentionInput): RetentionPlan {
  const cutoffMs = input.nowMs - input.policy.retentionDays * DAY_MS;
  const quota = input.policy.quotaBytes;
  const deleteStarts: number[] = [];
  let used = input.usedBytes;
  for (const segment of input.oldest) {
    const tooOld = segment.startMs < cutoffMs;
    const overQuota = quota !== null && used > quota;
    // Oldest first: once a segment is young enough and the quota holds, every later one is kept too.
    if (!tooOld && !overQuota) break;
    deleteStarts.push(segment.startMs);
    used -= segment.bytes;
  }
  return { deleteStarts, freedBytes: input.usedBytes - used, usedBytesAfter: used, level: quotaLevel(input.usedBytes, input.policy) };
}
