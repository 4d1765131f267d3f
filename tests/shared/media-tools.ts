import { execFileSync } from "node:child_process";
import { findWorkingFfmpeg } from "../../backend/hls/ffmpeg-locator.js";
import { OVERLAY_FONT_PATH } from "../../backend/resource-paths.js";

/**
 * The ffmpeg tests run: the same one the backend finds (a system ffmpeg, else the static build
 * npm installs with @ffmpeg-installer/ffmpeg), so the tests need nothing installed by hand. A
 * missing one throws one sentence saying what to do. (No ffprobe: the static ffprobe that npm
 * offers crashes on reading a file here; ffmpeg's framemd5 output lists the same packet times.)
 */
let lookup: Promise<string> | null = null;

export function testFfmpeg(): Promise<string> {
  lookup ??= findWorkingFfmpeg(OVERLAY_FONT_PATH).then((found) => {
    if (found.ok) return found.path;
    throw new Error(`These tests need an ffmpeg with libx264 and drawtext and found none that works (${found.reason}): run npm install, which brings @ffmpeg-installer/ffmpeg.`);
  });
  return lookup;
}

/** The decoding timestamps of a file's video packets, in file order, read by ffmpeg without decoding. */
export async function videoPacketDts(file: string): Promise<number[]> {
  const lines = execFileSync(await testFfmpeg(), ["-hide_banner", "-loglevel", "error", "-copyts", "-i", file, "-map", "0:v", "-c", "copy", "-f", "framemd5", "-"], { encoding: "utf8" }).split("\n");
  // framemd5 lines: stream, dts, pts, duration, size, hash (comments start with #).
  return lines.flatMap((line) => (line.startsWith("#") || line.trim() === "" ? [] : [Number.parseInt(line.split(",")[1] ?? "", 10)]));
}
