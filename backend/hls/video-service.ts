import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { hashString } from "../../shared/seeded-random.js";
import { DVR_SEGMENTS, LIVE_PLAYLIST_SEGMENTS, LiveEncoder, type PlaylistKind } from "./live-encoder.js";
import { FRAME_RATE } from "./ffmpeg-filters.js";
import { assertNever } from "../../shared/result.js";
import { blockingVerdict, sleepMs } from "./blocking-reload.js";
import { livePlaylist, liveWindow, loopSegmentIndex, masterPlaylist, parseSegmentUri, segmentCompleteAtMs } from "./live-playlist.js";
import { loopTimestampOffset, shiftTsTimestamps } from "./ts-timestamps.js";
import { ensureLoop, loopCacheKey, pruneLoopCache, type EncodedLoop, type LoopCamera } from "./loop-encoder.js";
import { BASE_RENDITION, LOOP_RENDITIONS, renditionByName, type Rendition } from "./renditions.js";

export type PlaylistAnswer =
  | { kind: "playlist"; body: string }
  | { kind: "too_far_ahead"; last: number }
  | { kind: "unavailable"; reason: string }
  | { kind: "unknown_camera" }
  | { kind: "not_found" };

export type SegmentAnswer =
  | { kind: "segment"; body: Buffer }
  | { kind: "unavailable"; reason: string }
  | { kind: "unknown_camera" }
  | { kind: "not_found" };

/**
 * How a live media playlist is asked for: whether to advertise blocking reloads (only where the
 * transport multiplexes requests: a held request would take one of HTTP/1.1's six connections),
 * and the media sequence number a blocking reload waits for.
 */
export interface LiveReload {
  canBlockReload: boolean;
  msn?: number;
}

/** The cameras' HLS output, whatever produces it. */
export interface VideoService {
  /** False when video is disabled or ffmpeg is unusable: cameras are then offline. */
  readonly available: boolean;
  /** Why video is unavailable, in one sentence, or null. */
  readonly problem: string | null;
  /** Starts encoding in the background; returns at once. */
  start(): void;
  /**
   * "live": what tiles load (a looped camera's master playlist of renditions, or a live
   * camera's short media playlist); "dvr": the last minutes, for instant replay (never held:
   * `reload` only applies to "live").
   */
  playlist(cameraId: string, nowMs: number, kind?: PlaylistKind, reload?: LiveReload): Promise<PlaylistAnswer>;
  /** One rendition's live media playlist (looped cameras only), e.g. "360p". */
  renditionPlaylist(cameraId: string, rendition: string, nowMs: number, reload?: LiveReload): Promise<PlaylistAnswer>;
  /** A segment of the camera's main stream, or of one rendition when `rendition` is given. */
  segment(cameraId: string, segmentName: string, rendition?: string): Promise<SegmentAnswer>;
  /**
   * Repackages this address (credentials written in) as the camera's stream from now on, in place
   * of what it had, with its sub-stream (if any) as the rendition "sub"; null stops both. For the
   * cameras supervisors add, while the backend runs.
   */
  setSource(cameraId: string, source: AddedSource | null): Promise<void>;
  close(): Promise<void>;
}

export interface VideoCamera {
  id: string;
  name: string;
  live: boolean;
  /** An RTSP or HLS URL to repackage (`-c copy`) instead of simulating the picture. */
  sourceUrl?: string;
}

/** An added camera's addresses, credentials written in. */
export interface AddedSource {
  url: string;
  subUrl: string | null;
}

/** The rendition name of a camera's sub-stream: /hls/<camera>/sub/index.m3u8. */
export const SUB_STREAM_RENDITION = "sub";

const NO_BLOCKING: LiveReload = { canBlockReload: false };

/** Every loop is served as if it had been playing since then, so all consoles agree on the picture. */
const LOOP_EPOCH_MS = Date.UTC(2025, 0, 1);

/** Video off: every known camera answers "unavailable". */
export class NoVideo implements VideoService {
  readonly available = false;
  private readonly ids: Set<string>;

  constructor(
    cameras: readonly VideoCamera[],
    readonly problem: string,
  ) {
    this.ids = new Set(cameras.map((c) => c.id));
  }

  start(): void {}

  async setSource(cameraId: string, source: AddedSource | null): Promise<void> {
    if (source === null) this.ids.delete(cameraId);
    else this.ids.add(cameraId);
  }

  async playlist(cameraId: string): Promise<PlaylistAnswer> {
    return this.ids.has(cameraId) ? { kind: "unavailable", reason: this.problem } : { kind: "unknown_camera" };
  }

  async renditionPlaylist(cameraId: string): Promise<PlaylistAnswer> {
    return this.playlist(cameraId);
  }

  async segment(cameraId: string): Promise<SegmentAnswer> {
    return this.ids.has(cameraId) ? { kind: "unavailable", reason: this.problem } : { kind: "unknown_camera" };
  }

  async close(): Promise<void> {}
}

/** Simulated cameras: one live ffmpeg for the live camera, cached loops for the rest. */
export class FfmpegVideo implements VideoService {
  readonly available = true;
  readonly problem = null;
  /** Encoded loops by loopKey(camera, rendition). */
  private readonly loops = new Map<string, EncodedLoop>();
  private readonly loopCameras: LoopCamera[];
  private readonly liveEncoders = new Map<string, LiveEncoder>();
  /** Added cameras' sub-streams, served as their rendition "sub". */
  private readonly subEncoders = new Map<string, LiveEncoder>();
  private readonly abort = new AbortController();
  private background: Promise<void> = Promise.resolve();
  private started = false;

  constructor(
    private readonly ffmpegPath: string,
    private readonly fontPath: string,
    private readonly dirs: { loopsDir: string; liveDir: string },
    cameras: readonly VideoCamera[],
    private readonly logger: Logger,
  ) {
    this.loopCameras = cameras.flatMap((camera, index) => (camera.live || camera.sourceUrl !== undefined ? [] : [{ id: camera.id, name: camera.name, index }]));
    for (const camera of cameras) {
      const dir = join(dirs.liveDir, camera.id);
      if (camera.sourceUrl !== undefined) this.liveEncoders.set(camera.id, LiveEncoder.repackaged(ffmpegPath, camera.id, camera.sourceUrl, dir, logger));
      else if (camera.live) this.liveEncoders.set(camera.id, LiveEncoder.simulated(ffmpegPath, fontPath, camera, dir, logger));
    }
  }

  async setSource(cameraId: string, source: AddedSource | null): Promise<void> {
    const previous = [this.liveEncoders.get(cameraId), this.subEncoders.get(cameraId)];
    this.liveEncoders.delete(cameraId);
    this.subEncoders.delete(cameraId);
    await Promise.all(previous.map((encoder) => encoder?.close()));
    if (source === null || this.abort.signal.aborted) return;
    const encoder = LiveEncoder.repackaged(this.ffmpegPath, cameraId, source.url, join(this.dirs.liveDir, cameraId), this.logger);
    this.liveEncoders.set(cameraId, encoder);
    const sub = source.subUrl === null ? null : LiveEncoder.repackaged(this.ffmpegPath, cameraId, source.subUrl, join(this.dirs.liveDir, `${cameraId}.${SUB_STREAM_RENDITION}`), this.logger);
    if (sub !== null) this.subEncoders.set(cameraId, sub);
    // Before start(), the background encode starts them with the others.
    if (this.started) await Promise.all([encoder.start(), sub?.start()]);
  }

  start(): void {
    this.started = true;
    this.background = this.encodeInBackground().catch((error: unknown) => {
      if (!this.abort.signal.aborted) this.logger.error({ err: error }, "camera video encoding failed");
    });
  }

  async playlist(cameraId: string, nowMs: number, kind: PlaylistKind = "live", reload: LiveReload = NO_BLOCKING): Promise<PlaylistAnswer> {
    const live = this.liveEncoders.get(cameraId);
    if (live !== undefined) return live.blockingPlaylist(kind, kind === "live" ? reload : NO_BLOCKING);
    if (!this.loopCameras.some((c) => c.id === cameraId)) return { kind: "unknown_camera" };
    if (kind === "dvr") return this.loopMediaPlaylist(cameraId, BASE_RENDITION, nowMs, DVR_SEGMENTS, NO_BLOCKING);
    // The renditions encoded so far (the 360p ones follow the 180p ones in the background).
    const ready = LOOP_RENDITIONS.flatMap((rendition) => {
      const loop = this.loops.get(loopKey(cameraId, rendition));
      return loop === undefined ? [] : [{ uri: `${rendition.name}/index.m3u8`, bandwidth: loop.peakBitrate, width: rendition.width, height: rendition.height, frameRate: FRAME_RATE }];
    });
    if (ready.length === 0 || !this.loops.has(loopKey(cameraId, BASE_RENDITION))) return { kind: "unavailable", reason: "This camera's video is still being prepared." };
    return { kind: "playlist", body: masterPlaylist(ready) };
  }

  async renditionPlaylist(cameraId: string, renditionName: string, nowMs: number, reload: LiveReload = NO_BLOCKING): Promise<PlaylistAnswer> {
    if (this.liveEncoders.has(cameraId)) {
      const sub = renditionName === SUB_STREAM_RENDITION ? this.subEncoders.get(cameraId) : undefined;
      return sub === undefined ? { kind: "not_found" } : sub.blockingPlaylist("live", reload);
    }
    if (!this.loopCameras.some((c) => c.id === cameraId)) return { kind: "unknown_camera" };
    const rendition = renditionByName(renditionName);
    if (rendition === null) return { kind: "not_found" };
    return this.loopMediaPlaylist(cameraId, rendition, nowMs, LIVE_PLAYLIST_SEGMENTS, reload);
  }

  private async loopMediaPlaylist(cameraId: string, rendition: Rendition, nowMs: number, windowSize: number, reload: LiveReload): Promise<PlaylistAnswer> {
    const loop = this.loops.get(loopKey(cameraId, rendition));
    if (loop === undefined) return { kind: "unavailable", reason: "This camera's video is still being prepared." };
    const input = {
      segmentCount: loop.segmentFiles.length,
      segmentDuration: loop.segmentDuration,
      // Staggered per camera so their segment boundaries (and players' requests) do not all coincide;
      // the same for every rendition, so their segments line up and players can switch between them.
      epochMs: LOOP_EPOCH_MS - (hashString(cameraId) % 60_000),
      nowMs,
      windowSize,
      canBlockReload: reload.canBlockReload,
    };
    const { last } = liveWindow(input);
    const verdict = blockingVerdict(reload.msn, last);
    switch (verdict.kind) {
      case "now":
        break;
      case "too_far":
        return { kind: "too_far_ahead", last };
      case "wait": {
        // A loop's segment n exists from the end of its time slot: no need to poll.
        const readyAt = segmentCompleteAtMs(input, reload.msn ?? last);
        await sleepMs(readyAt - Date.now());
        input.nowMs = Math.max(readyAt, Date.now());
        break;
      }
      default:
        return assertNever(verdict);
    }
    return { kind: "playlist", body: livePlaylist(input) };
  }

  async segment(cameraId: string, segmentName: string, renditionName?: string): Promise<SegmentAnswer> {
    const mediaSequence = parseSegmentUri(segmentName);
    const live = this.liveEncoders.get(cameraId);
    if (live !== undefined) {
      const encoder = renditionName === undefined ? live : renditionName === SUB_STREAM_RENDITION ? this.subEncoders.get(cameraId) : undefined;
      if (mediaSequence === null || encoder === undefined) return { kind: "not_found" };
      return readSegment(join(encoder.dir, segmentName));
    }
    if (!this.loopCameras.some((c) => c.id === cameraId)) return { kind: "unknown_camera" };
    const rendition = renditionName === undefined ? BASE_RENDITION : renditionByName(renditionName);
    if (rendition === null) return { kind: "not_found" };
    const loop = this.loops.get(loopKey(cameraId, rendition));
    if (loop === undefined) return { kind: "unavailable", reason: "This camera's video is still being prepared." };
    const file = mediaSequence === null ? undefined : loop.segmentFiles[loopSegmentIndex(mediaSequence, loop.segmentFiles.length)];
    if (file === undefined || mediaSequence === null) return { kind: "not_found" };
    const answer = await readSegment(join(loop.dir, file));
    if (answer.kind !== "segment") return answer;
    try {
      return { kind: "segment", body: shiftTsTimestamps(answer.body, loopTimestampOffset(mediaSequence, loop.segmentFiles.length, loop.segmentDuration)) };
    } catch (error) {
      this.logger.warn({ err: error, camera: cameraId, segment: segmentName }, "a cached loop segment is not MPEG-TS; not serving it");
      return { kind: "not_found" };
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    await Promise.all([...this.liveEncoders.values(), ...this.subEncoders.values()].map((encoder) => encoder.close()));
    await this.background;
  }

  /**
   * The live camera first, then every camera's 180p loop (so the wall starts fast), then the
   * 360p ones; one encode at a time: two cores.
   */
  private async encodeInBackground(): Promise<void> {
    for (const encoder of [...this.liveEncoders.values(), ...this.subEncoders.values()]) await encoder.start();
    const loopsDir = this.dirs.loopsDir;
    await pruneLoopCache(loopsDir, new Set(LOOP_RENDITIONS.flatMap((rendition) => this.loopCameras.map((camera) => loopCacheKey(camera, rendition)))));
    for (const rendition of LOOP_RENDITIONS) {
      for (const camera of this.loopCameras) {
        if (this.abort.signal.aborted) return;
        // A camera whose small loop failed gets no larger one either: its master playlist would be empty.
        if (rendition !== BASE_RENDITION && !this.loops.has(loopKey(camera.id, BASE_RENDITION))) continue;
        try {
          this.loops.set(loopKey(camera.id, rendition), await ensureLoop(this.ffmpegPath, this.fontPath, loopsDir, camera, this.abort.signal, rendition));
        } catch (error) {
          if (this.abort.signal.aborted) return;
          this.logger.warn({ err: error, camera: camera.id, rendition: rendition.name }, "could not encode the camera's loop; that rendition stays unavailable");
        }
      }
    }
  }
}

async function readSegment(path: string): Promise<SegmentAnswer> {
  try {
    return { kind: "segment", body: await readFile(path) };
  } catch {
    return { kind: "not_found" };
  }
}

function loopKey(cameraId: string, rendition: Rendition): string {
  return `${cameraId}/${rendition.name}`;
}
