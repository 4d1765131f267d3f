import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { findWorkingFfmpeg } from "../../backend/hls/ffmpeg-locator.js";
import { SegmentFiles } from "../../backend/recordings/segment-files.js";
import type { RecordedSegment, RecordingIndex } from "../../backend/store/recording-index.js";
import { OVERLAY_FONT_PATH } from "../../backend/resource-paths.js";

const run = promisify(execFile);

export async function testFfmpeg(): Promise<string> {
  const found = await findWorkingFfmpeg(OVERLAY_FONT_PATH);
  if (!found.ok) throw new Error(`recording tests need ffmpeg: ${found.reason}`);
  return found.path;
}

/** `seconds` one-second MPEG-TS segments of a test picture (H.264, a keyframe each second), in order. */
export async function encodeSegments(ffmpeg: string, seconds: number): Promise<Buffer[]> {
  const dir = mkdtempSync(join(tmpdir(), "ioc-rec-src-"));
  await run(ffmpeg, [
    "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", `testsrc2=size=320x180:rate=10:duration=${seconds}`,
    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "10", "-keyint_min", "10", "-sc_threshold", "0",
    "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod", "-hls_segment_filename", join(dir, "seg-%03d.ts"), join(dir, "index.m3u8"),
  ]);
  return readdirSync(dir).filter((f) => f.endsWith(".ts")).sort().map((f) => readFileSync(join(dir, f)));
}

/** Stores and indexes segments as the recorder does, one per second from `startMs`, skipping the indexes in `missing` (a gap). */
export async function storeSegments(index: RecordingIndex, files: SegmentFiles, cameraId: string, bodies: readonly Buffer[], startMs: number, missing: ReadonlySet<number> = new Set()): Promise<RecordedSegment[]> {
  const stored: RecordedSegment[] = [];
  for (const [i, body] of bodies.entries()) {
    if (missing.has(i)) continue;
    const segment: RecordedSegment = { cameraId, startMs: startMs + i * 1000, durationMs: 1000, bytes: body.length, variant: "360p" };
    const previous = stored[stored.length - 1];
    const gap = previous !== undefined && segment.startMs > previous.startMs + 1500 ? { cameraId, startMs: previous.startMs + 1000, endMs: segment.startMs } : null;
    await files.write(cameraId, segment.startMs, body);
    await index.addSegment(segment, gap);
    stored.push(segment);
  }
  return stored;
}

/** The decoded frames' MD5s of a file: equal lists mean the same pictures, frame for frame. */
export async function frameHashes(ffmpeg: string, input: string): Promise<string[]> {
  const { stdout } = await run(ffmpeg, ["-hide_banner", "-loglevel", "error", "-i", input, "-map", "0:v", "-f", "framemd5", "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split("\n").filter((l) => l.length > 0 && !l.startsWith("#")).map((l) => l.split(",").pop()?.trim() ?? "");
}

/**
 * The H.264 NAL units of a file, in order (the camera's coded pictures and parameter sets): equal
 * lists mean nothing was re-encoded. Compared as units, because MPEG-TS and MP4 write start codes
 * (3 or 4 bytes) differently around the same units.
 */
export async function nalUnits(ffmpeg: string, input: string): Promise<Buffer[]> {
  const stream = await elementaryStream(ffmpeg, input);
  const starts: number[] = [];
  for (let i = 0; i + 2 < stream.length; i++) {
    if (stream[i] === 0 && stream[i + 1] === 0 && stream[i + 2] === 1) {
      starts.push(i + 3);
      i += 2;
    }
  }
  return starts.map((start, k) => {
    let end = k + 1 < starts.length ? (starts[k + 1] ?? stream.length) - 3 : stream.length;
    while (end > start && stream[end - 1] === 0) end--;
    return stream.subarray(start, end);
  });
}

async function elementaryStream(ffmpeg: string, input: string): Promise<Buffer> {
  const mp4 = input.endsWith(".mp4");
  const { stdout } = await run(ffmpeg, ["-hide_banner", "-loglevel", "error", "-i", input, "-map", "0:v", "-c", "copy", ...(mp4 ? ["-bsf:v", "h264_mp4toannexb"] : []), "-f", "h264", "-"], {
    encoding: "buffer",
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}
