import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { CITY_TIME_ZONE } from "../../shared/time.js";
import { clockOverlay, FRAME_RATE, nameOverlay, VIDEO_HEIGHT, VIDEO_WIDTH } from "./ffmpeg-filters.js";
import { isCompleteLivePlaylist } from "./playlist-files.js";

export interface LiveCamera {
  id: string;
  name: string;
}

/** A playlist not rewritten for this long means ffmpeg is stuck or dead: stop serving it. */
const STALE_PLAYLIST_MS = 8_000;
const MAX_BACKOFF_MS = 30_000;
/** A run this long counts as healthy: the next crash starts the backoff from scratch. */
const HEALTHY_RUN_MS = 60_000;

export function liveEncodeArgs(camera: LiveCamera, fontPath: string, outDir: string, startNumber: number): string[] {
  return [
    "-hide_banner", "-loglevel", "error", "-nostdin",
    "-re", "-f", "lavfi", "-i", `testsrc2=size=${VIDEO_WIDTH}x${VIDEO_HEIGHT}:rate=${FRAME_RATE}`,
    "-vf", `${nameOverlay(fontPath, camera.id, camera.name)},${clockOverlay(fontPath)}`,
    "-an", "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-threads", "1", "-pix_fmt", "yuv420p",
    "-g", String(FRAME_RATE), "-keyint_min", String(FRAME_RATE), "-sc_threshold", "0",
    "-f", "hls", "-hls_time", "1", "-hls_list_size", "6",
    "-hls_flags", "delete_segments+independent_segments+program_date_time",
    // Numbered by the clock, so a restarted ffmpeg continues the media sequence instead of going back to 0.
    "-start_number", String(startNumber),
    "-hls_segment_filename", join(outDir, "seg-%d.ts"),
    join(outDir, "index.m3u8"),
  ];
}

export function backoffMs(consecutiveFailures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, consecutiveFailures - 1));
}

/** One long-running ffmpeg encoding a camera live, restarted with backoff when it dies. */
export class LiveEncoder {
  private child: ChildProcess | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;
  private lastGood: string | null = null;
  private readonly killOnExit = () => this.child?.kill("SIGKILL");

  constructor(
    private readonly ffmpegPath: string,
    private readonly fontPath: string,
    private readonly camera: LiveCamera,
    readonly dir: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    if (this.closed) return;
    // A node crash must not leave ffmpeg encoding forever.
    process.on("exit", this.killOnExit);
    await this.spawnEncoder();
  }

  /** The current playlist, or null if there is none yet or ffmpeg has stopped updating it. */
  async playlist(): Promise<string | null> {
    const path = join(this.dir, "index.m3u8");
    try {
      const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
      if (Date.now() - info.mtimeMs > STALE_PLAYLIST_MS) return null;
      if (isCompleteLivePlaylist(text)) this.lastGood = text;
    } catch {
      return null;
    }
    return this.lastGood;
  }

  async close(): Promise<void> {
    this.closed = true;
    process.off("exit", this.killOnExit);
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
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

  private async spawnEncoder(): Promise<void> {
    if (this.closed) return;
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
    if (this.closed) return;
    this.lastGood = null;
    const startedAt = Date.now();
    const args = liveEncodeArgs(this.camera, this.fontPath, this.dir, Math.floor(startedAt / 1000));
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
    child.on("error", (error) => this.logger.warn({ err: error, camera: this.camera.id }, "live ffmpeg could not start"));
    child.on("close", (code, signal) => {
      if (this.closed) return;
      this.failures = Date.now() - startedAt > HEALTHY_RUN_MS ? 1 : this.failures + 1;
      const delay = backoffMs(this.failures);
      this.logger.warn({ camera: this.camera.id, code, signal, stderr: stderr.trim(), restartInMs: delay }, "live ffmpeg exited; restarting");
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        this.spawnEncoder().catch((error: unknown) => this.logger.error({ err: error }, "live ffmpeg restart failed"));
      }, delay);
      this.restartTimer.unref();
    });
  }
}
