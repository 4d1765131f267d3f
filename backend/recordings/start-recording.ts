import { join } from "node:path";
import type { Logger } from "pino";
import type { VideoService } from "../hls/video-service.js";
import type { BackendStore } from "../store/backend-store.js";
import type { EvidenceExporter } from "./evidence-export.js";
import { Recorder } from "./recorder.js";
import type { RetentionPolicy } from "./retention-plan.js";
import { SegmentFiles } from "./segment-files.js";

export interface RecordingOptions {
  /** Default on wherever video works. */
  enabled: boolean;
  /** Days every camera's recordings are kept (default 30). */
  retentionDays?: number;
  /** Most bytes one camera's recordings may take (default none); the oldest go first. */
  quotaBytesPerCamera?: number;
}

export const DEFAULT_RETENTION_DAYS = 30;

export interface RecordingSetup {
  /** Most bytes one camera may take, as the options say (null: no quota). */
  quotaBytes: number | null;
  files: SegmentFiles;
  recorder: Recorder | null;
  exporter: EvidenceExporter;
}

/**
 * Recordings of a backend: segments under <dataDir>/recordings, exports under <dataDir>/evidence.
 * The recorder runs only where video works and recording is on; playback and export of what is
 * already stored work either way.
 */
export function setUpRecording(input: {
  options: RecordingOptions | undefined;
  dataDir: string;
  store: BackendStore;
  video: VideoService;
  ffmpeg: { path: string | null; problem: string | null };
  cameraIds: readonly string[];
  isCameraOut(cameraId: string): boolean;
  auditKey: Buffer;
  logger: Logger;
}): RecordingSetup {
  const files = new SegmentFiles(join(input.dataDir, "recordings"));
  const policy: RetentionPolicy = { retentionDays: input.options?.retentionDays ?? DEFAULT_RETENTION_DAYS, quotaBytes: input.options?.quotaBytesPerCamera ?? null };
  const recording = input.options?.enabled !== false && input.video.available;
  const recorder = recording
    ? new Recorder({ index: input.store.recordings, files, video: input.video, cameraIds: input.cameraIds, isCameraOut: input.isCameraOut, policy: () => policy, logger: input.logger })
    : null;
  return {
    quotaBytes: policy.quotaBytes,
    files,
    recorder,
    exporter: { index: input.store.recordings, files, ffmpegPath: input.ffmpeg.path, ffmpegProblem: input.ffmpeg.problem, exportsDir: join(input.dataDir, "evidence"), auditKey: input.auditKey },
  };
}
