import type { Logger } from "pino";
import type { CameraRecordingHealth } from "../../shared/protocol/recordings.js";
import type { VideoService } from "../hls/video-service.js";
import type { RecordedSegment, RecordingIndex } from "../store/recording-index.js";
import { gapBetween, parseDatedPlaylist, type DatedSegment } from "./recorded-playlist.js";
import { applyRetention } from "./retention.js";
import type { QuotaLevel, RetentionPolicy } from "./retention-plan.js";
import type { SegmentFiles } from "./segment-files.js";

/** How often every camera's live playlist is looked at: under a segment, so none is missed. */
const POLL_MS = 1000;
const RETENTION_EVERY_MS = 60_000;
/** A camera seen for the first time starts from its newest few segments, not its whole DVR window. */
const FIRST_SEGMENTS = 3;
/** The best picture of a looped camera; its base rendition until that one is encoded. */
const PREFERRED_RENDITION = "360p";

export interface RecorderDeps {
  index: RecordingIndex;
  files: SegmentFiles;
  video: VideoService;
  cameraIds: readonly string[];
  isCameraOut(cameraId: string): boolean;
  policy(cameraId: string): RetentionPolicy;
  logger: Logger;
  now?: () => number;
}

/** What the recorder itself knows of a camera's health (the index adds its usage). */
export type RecorderHealth = Pick<CameraRecordingHealth, "cameraId" | "state" | "gapSinceMs" | "quota">;

interface Source {
  segments: DatedSegment[];
  variant: string;
  rendition?: string;
}

/**
 * Keeps every camera's live segments as they are served (no re-encoding): follows each camera's
 * live playlist, stores each new segment's bytes and indexes it by wall-clock time, records the
 * time nothing came as a gap, and applies retention every minute.
 */
export class Recorder {
  private readonly latest = new Map<string, RecordedSegment | null>();
  private readonly quota = new Map<string, QuotaLevel>();
  private pollTimer: NodeJS.Timeout | null = null;
  private retentionTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly now: () => number;
  private readonly cameras: Set<string>;
  private readonly policies = new Map<string, RetentionPolicy>();

  constructor(private readonly deps: RecorderDeps) {
    this.now = deps.now ?? Date.now;
    this.cameras = new Set(deps.cameraIds);
  }

  /** Records this camera from now on (a camera a supervisor added or turned recording on for), with its own retention. */
  follow(cameraId: string, policy: RetentionPolicy): void {
    this.cameras.add(cameraId);
    this.policies.set(cameraId, policy);
  }

  /** Stops recording the camera; what is stored stays (and can be played and exported). */
  unfollow(cameraId: string): void {
    this.cameras.delete(cameraId);
    this.latest.delete(cameraId);
  }

  start(): void {
    this.pollTimer = setInterval(() => this.schedule(async () => void (await this.pollAll())), POLL_MS);
    this.retentionTimer = setInterval(() => this.schedule(() => this.retainAll()), RETENTION_EVERY_MS);
  }

  /** One step at a time: a slow disk delays the next poll rather than piling them up. */
  private schedule(step: () => Promise<void>): void {
    this.running = this.running.then(step).catch((error: unknown) => {
      if (!this.closed) this.deps.logger.error({ err: error }, "recording step failed");
    });
  }

  async pollAll(): Promise<number> {
    let stored = 0;
    for (const cameraId of [...this.cameras]) {
      if (this.closed) break;
      try {
        stored += await this.pollCamera(cameraId);
      } catch (error) {
        this.deps.logger.warn({ err: error, camera: cameraId }, "could not record the camera's latest segment");
      }
    }
    return stored;
  }

  /** Stores the camera's segments newer than its last recorded one; returns how many. */
  async pollCamera(cameraId: string): Promise<number> {
    if (this.deps.isCameraOut(cameraId)) return 0;
    const source = await this.sourceOf(cameraId);
    if (source === null) return 0;
    let last = await this.lastRecorded(cameraId);
    const fresh = source.segments.filter((s) => last === null || s.startMs >= last.startMs + last.durationMs - 100);
    let stored = 0;
    for (const dated of last === null ? fresh.slice(-FIRST_SEGMENTS) : fresh) {
      const answer = await this.deps.video.segment(cameraId, dated.uri, source.rendition);
      if (answer.kind !== "segment") continue;
      const segment: RecordedSegment = { cameraId, startMs: dated.startMs, durationMs: dated.durationMs, bytes: answer.body.length, variant: source.variant };
      await this.deps.files.write(cameraId, segment.startMs, answer.body);
      await this.deps.index.addSegment(segment, gapBetween(last, segment));
      this.latest.set(cameraId, segment);
      last = segment;
      stored++;
    }
    return stored;
  }

  private async lastRecorded(cameraId: string): Promise<RecordedSegment | null> {
    if (!this.latest.has(cameraId)) this.latest.set(cameraId, await this.deps.index.latestSegment(cameraId));
    return this.latest.get(cameraId) ?? null;
  }

  private async sourceOf(cameraId: string): Promise<Source | null> {
    const now = this.now();
    const rendition = await this.deps.video.renditionPlaylist(cameraId, PREFERRED_RENDITION, now);
    if (rendition.kind === "playlist") return { segments: parseDatedPlaylist(rendition.body), variant: PREFERRED_RENDITION, rendition: PREFERRED_RENDITION };
    if (rendition.kind !== "not_found" && rendition.kind !== "unavailable") return null;
    // A live or repackaged camera (no renditions), or a looped one whose best picture is not ready yet.
    const dvr = await this.deps.video.playlist(cameraId, now, "dvr");
    if (dvr.kind !== "playlist") return null;
    return { segments: parseDatedPlaylist(dvr.body), variant: rendition.kind === "not_found" ? "source" : "base" };
  }

  async retainAll(): Promise<void> {
    for (const cameraId of [...this.cameras]) {
      if (this.closed) return;
      const outcome = await applyRetention(this.deps.index, this.deps.files, cameraId, this.policies.get(cameraId) ?? this.deps.policy(cameraId), this.now());
      if (outcome.level !== "ok" && this.quota.get(cameraId) !== outcome.level) {
        this.deps.logger.warn({ camera: cameraId, level: outcome.level }, "the camera's recordings are near or over their disk quota; the oldest are deleted first");
      }
      this.quota.set(cameraId, outcome.level);
    }
  }

  /** Recording state of a camera: recording while its last segment is recent, else a gap since that segment's end. */
  health(cameraId: string): RecorderHealth {
    const last = this.latest.get(cameraId) ?? null;
    const quota = this.quota.get(cameraId) ?? "ok";
    if (!this.cameras.has(cameraId)) return { cameraId, state: "off", gapSinceMs: null, quota };
    const endMs = last === null ? null : last.startMs + last.durationMs;
    const recording = endMs !== null && this.now() - endMs < 5 * POLL_MS + (last?.durationMs ?? 0);
    return { cameraId, state: recording ? "recording" : "gap", gapSinceMs: recording ? null : endMs, quota };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    if (this.retentionTimer !== null) clearInterval(this.retentionTimer);
    await this.running;
  }
}
