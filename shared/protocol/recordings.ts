import { z } from "zod";
import { IsoTimeSchema } from "../domain/geo.js";
import { IdSchema, LIMITS, NoteTextSchema } from "../limits.js";

/**
 * Recordings: every camera's HLS segments kept as they were served (no re-encoding), indexed by
 * camera and time. Played back as VOD playlists under /hls/<camera>/rec/ (stream token, like live
 * video), and exported as evidence (MP4 + a manifest signed with the audit key) through the API.
 */
export const RECORDING_PATHS = {
  /** GET /hls/:cameraId/rec/index.m3u8?from=ISO&to=ISO; segments /hls/:cameraId/rec/<startMs>.ts */
  vodDir: "rec",
  /** GET /api/v1/recordings/:cameraId/timeline?from=ISO&to=ISO */
  recordings: "/api/v1/recordings",
  /** POST /api/v1/evidence/exports; GET /api/v1/evidence/exports/:exportId/:file */
  exports: "/api/v1/evidence/exports",
} as const;

/** "1733300000000.ts": a recorded segment is named by its wall-clock start in ms. */
export const RecordedSegmentNameSchema = z.string().regex(/^\d{1,15}\.ts$/);

/** A time range asked for: from < to, at most `maxMs` long. */
function rangeSchema(maxMs: number) {
  return z
    .object({ from: IsoTimeSchema, to: IsoTimeSchema })
    .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: "from must be before to" })
    .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= maxMs, { message: `a range may cover at most ${maxMs / 60_000} minutes` });
}

export const RecordingRangeQuerySchema = rangeSchema(LIMITS.recordingRangeMs);
export type RecordingRangeQuery = z.infer<typeof RecordingRangeQuerySchema>;

export const TimeSpanSchema = z.object({ startMs: z.number().int(), endMs: z.number().int() });
export type TimeSpan = z.infer<typeof TimeSpanSchema>;

/** What a timeline draws for one camera over a range: recorded spans (merged) and gaps. */
export const RecordingTimelineSchema = z.object({
  cameraId: IdSchema,
  fromMs: z.number().int(),
  toMs: z.number().int(),
  recorded: z.array(TimeSpanSchema),
  gaps: z.array(TimeSpanSchema),
});
export type RecordingTimeline = z.infer<typeof RecordingTimelineSchema>;

export const EvidenceExportRequestSchema = z
  .object({
    cameraIds: z.array(IdSchema).min(1).max(LIMITS.exportCameras),
    from: IsoTimeSchema,
    to: IsoTimeSchema,
    reason: NoteTextSchema,
  })
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: "from must be before to" })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= LIMITS.exportRangeMs, { message: `an export may cover at most ${LIMITS.exportRangeMs / 60_000} minutes` })
  .refine((r) => new Set(r.cameraIds).size === r.cameraIds.length, { message: "each camera once" });
export type EvidenceExportRequest = z.infer<typeof EvidenceExportRequestSchema>;

export const EvidenceFileSchema = z.object({
  cameraId: IdSchema,
  /** A bare file name beside the manifest. */
  file: z.string().regex(/^[A-Za-z0-9._-]{1,120}\.mp4$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** Stored segments the file was made from, and the wall-clock span they cover. */
  segments: z.number().int().positive(),
  startMs: z.number().int(),
  endMs: z.number().int(),
  /** Gaps (nothing recorded) inside the span. */
  gaps: z.array(TimeSpanSchema),
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

export const EvidenceManifestSchema = z.object({
  format: z.literal("ioc-evidence/1"),
  exportId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  createdAt: IsoTimeSchema,
  operatorId: IdSchema,
  operatorName: z.string().max(LIMITS.nameChars),
  reason: NoteTextSchema,
  from: IsoTimeSchema,
  to: IsoTimeSchema,
  files: z.array(EvidenceFileSchema).min(1).max(LIMITS.exportCameras),
});
export type EvidenceManifest = z.infer<typeof EvidenceManifestSchema>;

/** manifest.json as written: the manifest and an HMAC-SHA256 of its canonical JSON under the audit key. */
export const SignedEvidenceManifestSchema = z.object({
  manifest: EvidenceManifestSchema,
  signature: z.object({
    algorithm: z.literal("HMAC-SHA256"),
    /** First 16 hex digits of SHA-256(key): says which key signed it, reveals nothing of it. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    value: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type SignedEvidenceManifest = z.infer<typeof SignedEvidenceManifestSchema>;

/** A camera's recording state: recording, in a gap since a time (offline, source broken), or not recorded. */
export const CameraRecordingHealthSchema = z.object({
  cameraId: IdSchema,
  state: z.enum(["recording", "gap", "off"]),
  /** End of the last recorded segment while in a gap. */
  gapSinceMs: z.number().int().nullable(),
  /** Against the camera's disk quota: "warning" before it is reached, "over" while the oldest are deleted. */
  quota: z.enum(["ok", "warning", "over"]),
  bytes: z.number().int().nonnegative(),
  oldestMs: z.number().int().nullable(),
});
export type CameraRecordingHealth = z.infer<typeof CameraRecordingHealthSchema>;

export const RecordingHealthListSchema = z.object({ cameras: z.array(CameraRecordingHealthSchema) });
export type RecordingHealthList = z.infer<typeof RecordingHealthListSchema>;

/** An export the console made and kept: its signed manifest and the folder on this computer holding it and its clips. */
export const SavedEvidenceSchema = z.object({ signed: SignedEvidenceManifestSchema, folder: z.string().min(1) });
export type SavedEvidence = z.infer<typeof SavedEvidenceSchema>;

/**
 * Console API: the backend's recording health of every camera (for the camera list and the wall);
 * an evidence export made by the backend and kept by the console (clips checked against the manifest).
 */
export const RECORDING_REQUESTS = [z.object({ type: z.literal("recordings.health") }), z.object({ type: z.literal("evidence.export"), export: EvidenceExportRequestSchema })] as const;
export const RECORDING_RESPONSE_SCHEMAS = { "recordings.health": RecordingHealthListSchema, "evidence.export": SavedEvidenceSchema } as const;
