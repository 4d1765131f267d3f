import { createReadStream } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { OperatorRole } from "../../shared/domain/operator.js";
import { IdSchema, LIMITS } from "../../shared/limits.js";
import { BACKEND_PATHS } from "../../shared/protocol/backend.js";
import {
  EvidenceExportRequestSchema,
  EvidenceFileSchema,
  EvidenceManifestSchema,
  RECORDING_PATHS,
  RecordedSegmentNameSchema,
  RecordingHealthListSchema,
  RecordingRangeQuerySchema,
  RecordingTimelineSchema,
  SignedEvidenceManifestSchema,
} from "../../shared/protocol/recordings.js";
import { ok, parseWith, resultSchema } from "../../shared/result.js";
import { exportEvidence, MANIFEST_FILE, type EvidenceExporter } from "../recordings/evidence-export.js";
import { parseRecordedSegmentName, recordedPlaylist, recordedSpans } from "../recordings/recorded-playlist.js";
import type { Recorder } from "../recordings/recorder.js";
import type { SegmentFiles } from "../recordings/segment-files.js";
import type { AuditEntry, BackendStore } from "../store/backend-store.js";
import { roleRefusal, sessionOf } from "./authenticate.js";
import { sendError, sendValidated } from "./respond.js";

/** Who may watch recorded video; a wall-only viewer sees live video only. */
export const RECORDING_VIEW_ROLES: readonly OperatorRole[] = ["operator", "supervisor"];
/** Who may take video out of the system as evidence. */
export const EXPORT_ROLES: readonly OperatorRole[] = ["supervisor"];

/** Most segments one playlist or timeline lists: the longest range in half-second segments. */
const MAX_SEGMENTS = LIMITS.recordingRangeMs / 500;

const CameraParamsSchema = z.object({ cameraId: IdSchema });
const SegmentParamsSchema = z.object({ cameraId: IdSchema, segment: RecordedSegmentNameSchema });
const ExportFileParamsSchema = z.object({ exportId: EvidenceManifestSchema.shape.exportId, file: z.union([EvidenceFileSchema.shape.file, z.literal(MANIFEST_FILE)]) });

export interface RecordingRouteDeps {
  store: BackendStore;
  files: SegmentFiles;
  cameraIds: ReadonlySet<string>;
  /** Null when recording is off on this backend: playback then finds nothing. */
  recorder: Recorder | null;
  exporter: EvidenceExporter;
}

/**
 * Recorded video: VOD playlists for any range and their segments under /hls/ (the stream token
 * and the console Origin, like live video), a camera's timeline, recording health, and evidence
 * exports (supervisors; every export and refused attempt is in the audit trail).
 */
export function registerRecordingRoutes(app: FastifyInstance, deps: RecordingRouteDeps): void {
  const index = deps.store.recordings;
  const unknown = (reply: FastifyReply, cameraId: string) => sendError(reply, { kind: "not_found", message: `Camera ${cameraId} does not exist.` });
  const vod = `${BACKEND_PATHS.hls}/:cameraId/${RECORDING_PATHS.vodDir}`;

  /** What every read of a camera's recorded range starts with: the role, the camera, the range. Null once a refusal is sent. */
  const cameraRangeOf = (request: FastifyRequest, reply: FastifyReply): { cameraId: string; from: string; to: string } | null => {
    const refused = roleRefusal(sessionOf(request), RECORDING_VIEW_ROLES, "watching recorded video");
    if (refused !== null) {
      sendError(reply, refused);
      return null;
    }
    const params = parseWith(CameraParamsSchema, request.params, "camera id");
    if (!params.ok) {
      sendError(reply, params.error);
      return null;
    }
    const range = parseWith(RecordingRangeQuerySchema, request.query ?? {}, "recording range");
    if (!range.ok) {
      sendError(reply, range.error);
      return null;
    }
    const { cameraId } = params.value;
    if (!deps.cameraIds.has(cameraId)) {
      unknown(reply, cameraId);
      return null;
    }
    return { cameraId, from: range.value.from, to: range.value.to };
  };

  app.get(`${vod}/index.m3u8`, async (request, reply) => {
    const asked = cameraRangeOf(request, reply);
    if (asked === null) return reply;
    const { cameraId, from, to } = asked;
    const segments = await index.segmentsBetween(cameraId, Date.parse(from), Date.parse(to), MAX_SEGMENTS);
    if (segments.length === 0) return sendError(reply, { kind: "not_found", message: `Camera ${cameraId} recorded nothing between ${from} and ${to}.` });
    return reply.header("Content-Type", "application/vnd.apple.mpegurl").header("Cache-Control", "no-cache").send(recordedPlaylist(segments));
  });

  app.get(`${vod}/:segment`, async (request, reply) => {
    const refused = roleRefusal(sessionOf(request), RECORDING_VIEW_ROLES, "watching recorded video");
    if (refused !== null) return sendError(reply, refused);
    const params = parseWith(SegmentParamsSchema, request.params, "recorded segment");
    if (!params.ok) return sendError(reply, params.error);
    const { cameraId, segment } = params.value;
    const startMs = parseRecordedSegmentName(segment);
    if (!deps.cameraIds.has(cameraId) || startMs === null) return unknown(reply, cameraId);
    const body = await deps.files.read(cameraId, startMs);
    if (body === null) return sendError(reply, { kind: "not_found", message: `Camera ${cameraId} has no recorded segment ${segment} (deleted by retention, or never recorded).` });
    // A recorded segment never changes; private: it needs a session to see.
    return reply.header("Content-Type", "video/mp2t").header("Cache-Control", "private, max-age=3600").send(body);
  });

  app.get(`${RECORDING_PATHS.recordings}/:cameraId/timeline`, async (request, reply) => {
    const asked = cameraRangeOf(request, reply);
    if (asked === null) return reply;
    const { cameraId } = asked;
    const fromMs = Date.parse(asked.from);
    const toMs = Date.parse(asked.to);
    const segments = await index.segmentsBetween(cameraId, fromMs, toMs, MAX_SEGMENTS);
    const gaps = await index.gapsBetween(cameraId, fromMs, toMs, MAX_SEGMENTS);
    const timeline = { cameraId, fromMs, toMs, recorded: recordedSpans(segments, fromMs, toMs), gaps: gaps.map((g) => ({ startMs: Math.max(fromMs, g.startMs), endMs: Math.min(toMs, g.endMs) })) };
    return sendValidated(reply, resultSchema(RecordingTimelineSchema), ok(timeline));
  });

  app.get(`${RECORDING_PATHS.recordings}/health`, async (request, reply) => {
    const refused = roleRefusal(sessionOf(request), RECORDING_VIEW_ROLES, "recording health");
    if (refused !== null) return sendError(reply, refused);
    const cameras = [];
    for (const cameraId of [...deps.cameraIds].sort()) {
      const usage = await index.usage(cameraId);
      const health = deps.recorder?.health(cameraId) ?? { cameraId, state: "off" as const, gapSinceMs: null, quota: "ok" as const };
      cameras.push({ ...health, bytes: usage.bytes, oldestMs: usage.oldestStartMs });
    }
    return sendValidated(reply, resultSchema(RecordingHealthListSchema), ok({ cameras }));
  });

  // One export at a time: remuxing is light, but two cores serve every camera too.
  let exporting = false;
  app.post(RECORDING_PATHS.exports, async (request, reply) => {
    const session = sessionOf(request);
    const at = new Date();
    const audit = (outcome: AuditEntry["outcome"], detail: Record<string, unknown>): AuditEntry => ({ at: at.toISOString(), operatorId: session.operator.id, action: "evidence.export", targetKind: "camera", targetId: null, outcome, detail });
    const parsed = parseWith(EvidenceExportRequestSchema, request.body, "evidence export");
    if (!parsed.ok) return sendError(reply, parsed.error);
    const req = parsed.value;
    const refused = roleRefusal(session, EXPORT_ROLES, "exporting evidence");
    if (refused !== null) {
      await deps.store.commit([], [audit("rejected", { cameraIds: req.cameraIds, from: req.from, to: req.to, reason: req.reason, refusal: refused.message })]);
      return sendError(reply, refused);
    }
    const missing = req.cameraIds.find((id) => !deps.cameraIds.has(id));
    if (missing !== undefined) return unknown(reply, missing);
    if (exporting) return sendError(reply, { kind: "rate_limited", message: "Another evidence export is running: try again when it is done." });
    exporting = true;
    try {
      const result = await exportEvidence(deps.exporter, req, session.operator, at);
      if (!result.ok) return sendError(reply, result.error);
      const { manifest } = result.value;
      await deps.store.commit(
        [],
        [audit("applied", { exportId: manifest.exportId, cameraIds: req.cameraIds, from: req.from, to: req.to, reason: req.reason, files: manifest.files.map((f) => ({ file: f.file, sha256: f.sha256 })) })],
      );
      return sendValidated(reply, resultSchema(SignedEvidenceManifestSchema), ok(result.value));
    } finally {
      exporting = false;
    }
  });

  app.get(`${RECORDING_PATHS.exports}/:exportId/:file`, async (request, reply) => {
    const refused = roleRefusal(sessionOf(request), EXPORT_ROLES, "downloading evidence");
    if (refused !== null) return sendError(reply, refused);
    const params = parseWith(ExportFileParamsSchema, request.params, "export file");
    if (!params.ok) return sendError(reply, params.error);
    const path = join(deps.exporter.exportsDir, params.value.exportId, params.value.file);
    const stream = createReadStream(path);
    const opened = await new Promise<boolean>((resolve) => {
      stream.once("open", () => resolve(true));
      stream.once("error", () => resolve(false));
    });
    if (!opened) return sendError(reply, { kind: "not_found", message: `No export file ${params.value.file} in export ${params.value.exportId}.` });
    const type = params.value.file === MANIFEST_FILE ? "application/json" : "video/mp4";
    return reply.header("Content-Type", type).header("Content-Disposition", `attachment; filename="${params.value.exportId}-${params.value.file}"`).send(stream);
  });
}
