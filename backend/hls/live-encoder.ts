import { redactUrlCredentials } from "../../shared/domain/camera-setup.js";
import { backoffDelayMs, type BackoffOptions } from "../../shared/backoff.js";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { CITY_TIME_ZONE } from "../../shared/time.js";
import { clockOverlay, FRAME_RATE, nameOverlay, VIDEO_HEIGHT, VIDEO_WIDTH } from "./ffmpeg-filters.js";
import { assertNever } from "../../shared/result.js";
import { blockingTimeoutMs, blockingVerdict } from "./blocking-reload.js";
import { isCompleteLivePlaylist, lastMediaSequence, trimLivePlaylist, withBlockingReload } from "./playlist-files.js";
import type { LiveReload, PlaylistAnswer } from "./video-service.js";

export interface LiveCamera {
  id: string;
  name: string;
}

/** A playlist not rewritten for this long means ffmpeg is stuck or dead: stop serving it. */
const STALE_PLAYLIST_MS = 8_000;
/** Stuck this long (a source that stopped sending without closing): kill ffmpeg so it restarts. */
const KILL_STUCK_AFTER_MS = 15_000;
const MAX_BACKOFF_MS = 30_000;
/** How often a held playlist request looks for ffmpeg's next segment: a twentieth of a segment. */
const SEGMENT_POLL_MS = 50;
/** ffmpeg's segment length (hls_time), the playlist's target duration. */
const SEGMENT_SECONDS = 1;
/** A run this long counts as healthy: the next crash starts the backoff from scratch. */
const HEALTHY_RUN_MS = 60_000;
/** Segments kept on disk and listed in the DVR playlist: 5 minutes of 1 s segments, for instant replay. */
export const DVR_SEGMENTS = 300;
/** Segments in the live playlist the tiles poll. */
export const LIVE_PLAYLIST_SEGMENTS = 6;

/** ffmpeg's HLS muxer settings shared by every live producer: 1 s segments numbered by the clock, a DVR window. */
function hlsOutputArgs(outDir: string, startNumber: number): string[] {
  return [
    "-f", "hls", "-hls_time", String(SEGMENT_SECONDS), "-hls_list_size", String(DVR_SEGMENTS),
    "-hls_flags", "delete_segments+independent_segments+program_date_time",
    // Numbered by the clock, so a restarted ffmpeg continues the media sequence instead of going back to 0.
    "-start_number", String(startNumber),
    "-hls_segment_filename", join(outDir, "seg-%d.ts"),
    join(outDir, "index.m3u8"),
  ];
}

export function liveEncodeArgs(camera: LiveCamera, fontPath: string, outDir: string, startNumber: number): string[] {
  return [
    "-hide_banner", "-loglevel", "error", "-nostdin",
    "-re", "-f", "lavfi", "-i", `testsrc2=size=${VIDEO_WIDTH}x${VIDEO_HEIGHT}:rate=${FRAME_RATE}`,
    "-vf", `${nameOverlay(fontPath, camera.id, camera.name)},${clockOverlay(fontPath)}`,
    "-an", "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-threads", "1", "-pix_fmt", "yuv420p",
    "-g", String(FRAME_RATE), "-keyint_min", String(FRAME_RATE), "-sc_threshold", "0",
    ...hlsOutputArgs(outDir, startNumber),
  ];
}

/**
 * A real camera (RTSP) or any HLS source, repackaged into our HLS without re-encoding (`-c copy`):
 * a few percent of a core per camera, and the picture is exactly what the camera sent.
 */
export function repackageArgs(sourceUrl: string, outDir: string, startNumber: number): string[] {
  const rtsp = /^rtsps?:/i.test(sourceUrl);
  return [
    "-hide_banner", "-loglevel", "error", "-nostdin",
    ...(rtsp ? [] : ["-rw_timeout", "10000000"]),
    "-i", sourceUrl,
    "-map", "0:v:0", "-map", "0:a?", "-c", "copy",
    ...hlsOutputArgs(outDir, startNumber),
  ];
}

/** A dead encoder is restarted after 1 s, then 2, 4... up to MAX_BACKOFF_MS: one camera, no crowd to spread, no jitter. */
const ENCODER_RESTART_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: MAX_BACKOFF_MS, jitter: 0 };

export function backoffMs(consecutiveFailures: number): number {
  return backoffDelayMs(Math.max(0, consecutiveFailures - 1), ENCODER_RESTART_BACKOFF);
}

export type PlaylistKind = "live" | "dvr";

/** How to start the ffmpeg behind one camera. */
export interface LiveRecipe {
  cameraId: string;
  args(outDir: string, startNumber: number): string[];
}

/** One long-running ffmpeg producing a camera's HLS, restarted with backoff when it dies or gets stuck. */
export class LiveEncoder {
  private child: ChildProcess | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;
  private startedAt = 0;
  private lastGood: string | null = null;
  /** Held blocking reloads, each waiting for a media sequence number; one poll serves them all. */
  private readonly segmentWaiters = new Set<{ msn: number; done: () => void }>();
  private segmentPoll: NodeJS.Timeout | null = null;
  private readonly killOnExit = () => this.child?.kill("SIGKILL");

  constructor(
    private readonly ffmpegPath: string,
    private readonly recipe: LiveRecipe,
    readonly dir: string,
    private readonly logger: Logger,
  ) {}

  static simulated(ffmpegPath: string, fontPath: string, camera: LiveCamera, dir: string, logger: Logger): LiveEncoder {
    return new LiveEncoder(ffmpegPath, { cameraId: camera.id, args: (out, n) => liveEncodeArgs(camera, fontPath, out, n) }, dir, logger);
  }

  static repackaged(ffmpegPath: string, cameraId: string, sourceUrl: string, dir: string, logger: Logger): LiveEncoder {
    return new LiveEncoder(ffmpegPath, { cameraId, args: (out, n) => repackageArgs(sourceUrl, out, n) }, dir, logger);
  }

  async start(): Promise<void> {
    if (this.closed) return;
    // A node crash must not leave ffmpeg encoding forever.
    process.on("exit", this.killOnExit);
    this.watchdog = setInterval(() => void this.killIfStuck(), 5_000);
    this.watchdog.unref();
    await this.spawnEncoder();
  }

  /** The current playlist (live tail or whole DVR window), or null if none yet or ffmpeg stopped updating it. */
  async playlist(kind: PlaylistKind = "live"): Promise<string | null> {
    const path = join(this.dir, "index.m3u8");
    try {
      const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
      if (Date.now() - info.mtimeMs > STALE_PLAYLIST_MS) return null;
      if (isCompleteLivePlaylist(text)) this.lastGood = text;
    } catch {
      return null;
    }
    if (this.lastGood === null) return null;
    return kind === "dvr" ? this.lastGood : trimLivePlaylist(this.lastGood, LIVE_PLAYLIST_SEGMENTS);
  }

  /**
   * The playlist as a tile asks for it: a blocking reload (reload.msn) is held until ffmpeg has
   * written that segment, or answered with what there is after three target durations.
   */
  async blockingPlaylist(kind: PlaylistKind, reload: LiveReload): Promise<PlaylistAnswer> {
    let body = await this.playlist(kind);
    if (body !== null) {
      const last = lastMediaSequence(body);
      const verdict = blockingVerdict(reload.msn, last);
      switch (verdict.kind) {
        case "now":
          break;
        case "too_far":
          return { kind: "too_far_ahead", last: last ?? 0 };
        case "wait":
          await this.waitForSegment(reload.msn ?? 0, blockingTimeoutMs(SEGMENT_SECONDS));
          body = await this.playlist(kind);
          break;
        default:
          return assertNever(verdict);
      }
    }
    if (body === null) return { kind: "unavailable", reason: "The live encoder is starting." };
    return { kind: "playlist", body: reload.canBlockReload ? withBlockingReload(body) : body };
  }

  private waitForSegment(msn: number, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const waiter = {
        msn,
        done: () => {
          clearTimeout(timer);
          this.segmentWaiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.done, timeoutMs);
      this.segmentWaiters.add(waiter);
      this.segmentPoll ??= setInterval(() => void this.releaseWaiters(), SEGMENT_POLL_MS);
    });
  }

  private polling = false;
  private async releaseWaiters(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const body = await this.playlist("live");
      const last = body === null ? null : lastMediaSequence(body);
      for (const waiter of [...this.segmentWaiters]) if (this.closed || (last !== null && waiter.msn <= last)) waiter.done();
    } finally {
      this.polling = false;
      if (this.segmentWaiters.size === 0 && this.segmentPoll !== null) {
        clearInterval(this.segmentPoll);
        this.segmentPoll = null;
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.segmentWaiters]) waiter.done();
    process.off("exit", this.killOnExit);
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    if (this.watchdog !== null) clearInterval(this.watchdog);
    const child = this.child;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill("SIGKILL"), 2000);
      child.once("close", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGTERM");
    });
  }

  private async killIfStuck(): Promise<void> {
    const child = this.child;
    if (this.closed || child === null || child.exitCode !== null || child.signalCode !== null) return;
    if (Date.now() - this.startedAt < KILL_STUCK_AFTER_MS) return;
    let mtime = 0;
    try {
      mtime = (await stat(join(this.dir, "index.m3u8"))).mtimeMs;
    } catch {
      // No playlist at all after KILL_STUCK_AFTER_MS: stuck as well.
    }
    if (Date.now() - mtime > KILL_STUCK_AFTER_MS && this.child === child) {
      this.logger.warn({ camera: this.recipe.cameraId }, "ffmpeg stopped producing segments; restarting it");
      child.kill("SIGKILL");
    }
  }

  private async spawnEncoder(): Promise<void> {
    if (this.closed) return;
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
    if (this.closed) return;
    this.lastGood = null;
    const startedAt = Date.now();
    this.startedAt = startedAt;
    const args = this.recipe.args(this.dir, Math.floor(startedAt / 1000));
    const child = spawn(this.ffmpegPath, args, {
      stdio: ["ignore", "ignore", "pipe"],
      windowsHide: true,
      // The burned-in clock shows city time, like the console.
      env: { ...process.env, TZ: CITY_TIME_ZONE },
    });
    this.child = child;
    let stderr = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    // The error's spawn arguments hold the source address, credentials and all: only its message is logged.
    child.on("error", (error) => this.logger.warn({ error: redactUrlCredentials(error.message), camera: this.recipe.cameraId }, "live ffmpeg could not start"));
    child.on("close", (code, signal) => {
      if (this.closed) return;
      this.failures = Date.now() - startedAt > HEALTHY_RUN_MS ? 1 : this.failures + 1;
      const delay = backoffMs(this.failures);
      this.logger.warn({ camera: this.recipe.cameraId, code, signal, stderr: redactUrlCredentials(stderr.trim()), restartInMs: delay }, "live ffmpeg exited; restarting");
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        this.spawnEncoder().catch((error: unknown) => this.logger.error({ err: error }, "live ffmpeg restart failed"));
      }, delay);
      this.restartTimer.unref();
    });
  }
}
