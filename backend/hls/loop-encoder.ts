import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { FRAME_RATE, loopSourceFor, nameOverlay } from "./ffmpeg-filters.js";
import { parseVodPlaylist } from "./playlist-files.js";
import { BASE_RENDITION, type Rendition } from "./renditions.js";
import { runFfmpeg } from "./run-ffmpeg.js";

export const LOOP_SECONDS = 10;
export const SEGMENT_SECONDS = 1;

export interface LoopCamera {
  id: string;
  name: string;
  /** Position in the catalogue; picks the test picture. */
  index: number;
}

/** An encoded loop on disk, ready to serve. */
export interface EncodedLoop {
  dir: string;
  segmentFiles: string[];
  segmentDuration: number;
  /** Peak bits per second of a segment: the BANDWIDTH the master playlist announces. */
  peakBitrate: number;
}

/** Bump when the recipe changes so cached loops are re-encoded. */
const RECIPE_VERSION = 1;

export function loopEncodeArgs(camera: LoopCamera, fontPath: string, outDir: string, rendition: Rendition = BASE_RENDITION): string[] {
  const { source, hue } = loopSourceFor(camera.index, rendition.width, rendition.height);
  return [
    "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
    "-f", "lavfi", "-i", source,
    "-t", String(LOOP_SECONDS),
    "-vf", `hue=h=${hue},${nameOverlay(fontPath, camera.id, camera.name, rendition.fontSize)}`,
    "-an", "-c:v", "libx264", "-preset", "veryfast", "-threads", "1", "-pix_fmt", "yuv420p",
    // One keyframe per second and no scene-cut keyframes: every 1 s segment starts with an IDR.
    "-g", String(FRAME_RATE), "-keyint_min", String(FRAME_RATE), "-sc_threshold", "0",
    "-f", "hls", "-hls_time", String(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
    "-hls_segment_filename", join(outDir, "seg-%03d.ts"),
    join(outDir, "index.m3u8"),
  ];
}

/** The cache directory name changes with anything that changes the picture. */
export function loopCacheKey(camera: LoopCamera, rendition: Rendition = BASE_RENDITION): string {
  // The source names the size, so each rendition has its own key (and 180p keeps its old one).
  const source = loopSourceFor(camera.index, rendition.width, rendition.height);
  const recipe = JSON.stringify({ v: RECIPE_VERSION, name: camera.name, source, s: LOOP_SECONDS, ...(rendition === BASE_RENDITION ? {} : { font: rendition.fontSize }) });
  return `${camera.id}-${createHash("sha256").update(recipe).digest("hex").slice(0, 12)}`;
}

async function readLoop(dir: string): Promise<EncodedLoop | null> {
  let text: string;
  try {
    text = await readFile(join(dir, "index.m3u8"), "utf8");
  } catch {
    return null;
  }
  const { segmentFiles, durations } = parseVodPlaylist(text);
  if (segmentFiles.length === 0) return null;
  const segmentDuration = durations.reduce((a, b) => a + b, 0) / durations.length;
  let peakBitrate = 1;
  try {
    const sizes = await Promise.all(segmentFiles.map(async (file) => (await stat(join(dir, file))).size));
    sizes.forEach((size, i) => {
      peakBitrate = Math.max(peakBitrate, Math.ceil((size * 8) / (durations[i] ?? segmentDuration)));
    });
  } catch {
    return null;
  }
  return { dir, segmentFiles, segmentDuration, peakBitrate };
}

/**
 * The camera's loop from the cache under `loopsDir`, encoding it first if needed. Encodes
 * into a temporary directory renamed into place at the end, so a crash never leaves a
 * half-written loop that looks ready.
 */
export async function ensureLoop(ffmpegPath: string, fontPath: string, loopsDir: string, camera: LoopCamera, signal: AbortSignal, rendition: Rendition = BASE_RENDITION): Promise<EncodedLoop> {
  const dir = join(loopsDir, loopCacheKey(camera, rendition));
  const cached = await readLoop(dir);
  if (cached !== null) return cached;
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    await runFfmpeg(ffmpegPath, loopEncodeArgs(camera, fontPath, tmp, rendition), signal);
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const loop = await readLoop(dir);
  if (loop === null) throw new Error(`ffmpeg wrote no playable ${rendition.name} loop for ${camera.id}`);
  return loop;
}

const cameraOfKey = (name: string) => name.replace(/-[0-9a-f]{12}$/, "");

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === "EPERM";
  }
}

/**
 * Removes temporary directories of encodes whose process is gone (a crash), and old recipes of this
 * backend's own cameras. Loops of cameras it does not have stay: several backends may share the
 * folder (tests, benches, a city and its test copy), each with its own cameras.
 */
export async function pruneLoopCache(loopsDir: string, keep: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(loopsDir);
  } catch {
    return;
  }
  const own = new Set([...keep].map(cameraOfKey));
  const stale = names.filter((name) => {
    const tmp = /\.tmp-(\d+)$/.exec(name);
    if (tmp !== null) return !running(Number(tmp[1]));
    return !keep.has(name) && own.has(cameraOfKey(name));
  });
  await Promise.all(stale.map((name) => rm(join(loopsDir, name), { recursive: true, force: true })));
}
