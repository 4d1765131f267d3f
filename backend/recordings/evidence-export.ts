import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LIMITS } from "../../shared/limits.js";
import type { EvidenceExportRequest, EvidenceFile, SignedEvidenceManifest } from "../../shared/protocol/recordings.js";
import { err, ok, type Result } from "../../shared/result.js";
import { runFfmpeg } from "../hls/run-ffmpeg.js";
import type { RecordingIndex } from "../store/recording-index.js";
import { sha256OfFile, signManifest } from "./evidence-manifest.js";
import type { SegmentFiles } from "./segment-files.js";

export interface EvidenceExporter {
  index: RecordingIndex;
  files: SegmentFiles;
  /** Null when ffmpeg is unusable: exports are refused with that sentence. */
  ffmpegPath: string | null;
  ffmpegProblem: string | null;
  /** Each export gets a folder here: the clips and manifest.json. */
  exportsDir: string;
  auditKey: Buffer;
}

export interface Exporter {
  id: string;
  name: string;
}

export const MANIFEST_FILE = "manifest.json";
/** Segments one camera's export may hold: an hour of the shortest (half-second) segments. */
const MAX_SEGMENTS = LIMITS.exportRangeMs / 500;

/** The stored segments' bytes, one after the other: one MPEG-TS stream, read a chunk at a time. */
async function* concatenated(paths: readonly string[]): AsyncIterable<Buffer> {
  for (const path of paths) {
    for await (const chunk of createReadStream(path)) yield chunk as Buffer;
  }
}

/**
 * One MP4 per camera from its stored segments, remuxed (`-c copy`: the camera's own frames,
 * nothing re-encoded), and a manifest naming the range, the operator, the reason and each clip's
 * SHA-256, signed with the audit key.
 */
export async function exportEvidence(exporter: EvidenceExporter, request: EvidenceExportRequest, operator: Exporter, now: Date): Promise<Result<SignedEvidenceManifest>> {
  if (exporter.ffmpegPath === null) return err("offline", exporter.ffmpegProblem ?? "ffmpeg is not usable on this backend: nothing can be exported.");
  const fromMs = Date.parse(request.from);
  const toMs = Date.parse(request.to);
  const plans = [];
  for (const cameraId of request.cameraIds) {
    const segments = await exporter.index.segmentsBetween(cameraId, fromMs, toMs, MAX_SEGMENTS);
    if (segments.length === 0) return err("not_found", `Camera ${cameraId} recorded nothing between ${request.from} and ${request.to}.`);
    plans.push({ cameraId, segments, gaps: await exporter.index.gapsBetween(cameraId, fromMs, toMs, MAX_SEGMENTS) });
  }
  const exportId = randomBytes(12).toString("base64url");
  const dir = join(exporter.exportsDir, exportId);
  await mkdir(dir, { recursive: true });
  try {
    const files: EvidenceFile[] = [];
    for (const plan of plans) {
      const file = `${plan.cameraId}.mp4`;
      const output = join(dir, file);
      // The segments are slices of one MPEG-TS stream (the recorder keeps them as served): fed to
      // ffmpeg as that one stream. The concat demuxer opened and probed each of them, which made
      // ten minutes of one-second segments take seconds.
      await runFfmpeg(
        exporter.ffmpegPath,
        ["-hide_banner", "-loglevel", "error", "-f", "mpegts", "-i", "pipe:0", "-map", "0", "-c", "copy", "-movflags", "+faststart", "-y", output],
        new AbortController().signal,
        concatenated(plan.segments.map((s) => exporter.files.pathOf(plan.cameraId, s.startMs))),
      );
      const first = plan.segments[0];
      const last = plan.segments[plan.segments.length - 1];
      if (first === undefined || last === undefined) continue;
      files.push({
        cameraId: plan.cameraId,
        file,
        sha256: await sha256OfFile(output),
        bytes: (await stat(output)).size,
        segments: plan.segments.length,
        startMs: first.startMs,
        endMs: last.startMs + last.durationMs,
        gaps: plan.gaps.map((g) => ({ startMs: g.startMs, endMs: g.endMs })),
      });
    }
    const signed = signManifest(
      { format: "ioc-evidence/1", exportId, createdAt: now.toISOString(), operatorId: operator.id, operatorName: operator.name, reason: request.reason, from: request.from, to: request.to, files },
      exporter.auditKey,
    );
    await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(signed, null, 2)}\n`);
    return ok(signed);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    return err("internal", `The export failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
