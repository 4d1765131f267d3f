/** One stored HLS segment of a camera, as served live (never re-encoded). */
export interface RecordedSegment {
  cameraId: string;
  /** Wall-clock start (EXT-X-PROGRAM-DATE-TIME of the live playlist). */
  startMs: number;
  durationMs: number;
  bytes: number;
  /** Which picture it is ("360p", "180p", "source"): a change of variant is a discontinuity. */
  variant: string;
}

/** A time nothing was recorded (camera offline, backend down, source broken). */
export interface RecordedGap {
  cameraId: string;
  startMs: number;
  endMs: number;
}

export interface RecordingUsage {
  segments: number;
  bytes: number;
  oldestStartMs: number | null;
  newestEndMs: number | null;
}

/**
 * The segment index of the recordings, part of BackendStore. The segment files live on disk
 * (backend/recordings/segment-files.ts); the index says what exists and when it was recorded.
 */
export interface RecordingIndex {
  /** Indexes a stored segment, with the gap before it when there was one (one transaction). */
  addSegment(segment: RecordedSegment, gapBefore: RecordedGap | null): Promise<void>;
  /** Segments overlapping [fromMs, toMs), oldest first, at most `limit`. */
  segmentsBetween(cameraId: string, fromMs: number, toMs: number, limit: number): Promise<RecordedSegment[]>;
  /** Gaps overlapping [fromMs, toMs), oldest first, at most `limit`. */
  gapsBetween(cameraId: string, fromMs: number, toMs: number, limit: number): Promise<RecordedGap[]>;
  /** The oldest `limit` segments of a camera: what retention considers first. */
  oldestSegments(cameraId: string, limit: number): Promise<RecordedSegment[]>;
  latestSegment(cameraId: string): Promise<RecordedSegment | null>;
  usage(cameraId: string): Promise<RecordingUsage>;
  /** Forgets these segments (by start) and the gaps that end before the oldest one left. */
  removeSegments(cameraId: string, startMsList: readonly number[]): Promise<void>;
}
