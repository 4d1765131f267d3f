import { z } from "zod";
import type { RecordedGap, RecordedSegment, RecordingUsage } from "./recording-index.js";

/**
 * One mapping from the recordings' rows to their records, for both stores (same columns; pg
 * returns BIGINT as text, hence the coercion).
 */
const Int = z.coerce.number().int();
const NullableInt = z.union([z.null(), Int]);

const SegmentRowSchema = z.object({ camera_id: z.string(), start_ms: Int, duration_ms: Int, bytes: Int, variant: z.string() });
const GapRowSchema = z.object({ camera_id: z.string(), start_ms: Int, end_ms: Int });
const UsageRowSchema = z.object({ segments: Int, bytes: NullableInt, oldest: NullableInt, newest_end: NullableInt });

/** How far before a range a segment may start and still overlap it (segments are a few seconds). */
export const MAX_SEGMENT_MS = 60_000;

export function toRecordedSegment(row: unknown): RecordedSegment {
  const r = SegmentRowSchema.parse(row);
  return { cameraId: r.camera_id, startMs: r.start_ms, durationMs: r.duration_ms, bytes: r.bytes, variant: r.variant };
}

export function toRecordedGap(row: unknown): RecordedGap {
  const r = GapRowSchema.parse(row);
  return { cameraId: r.camera_id, startMs: r.start_ms, endMs: r.end_ms };
}

export function toRecordingUsage(row: unknown): RecordingUsage {
  const r = UsageRowSchema.parse(row);
  return { segments: r.segments, bytes: r.bytes ?? 0, oldestStartMs: r.oldest, newestEndMs: r.newest_end };
}

export function toOldestStartMs(row: unknown): number | null {
  return z.object({ oldest: NullableInt }).parse(row).oldest;
}
