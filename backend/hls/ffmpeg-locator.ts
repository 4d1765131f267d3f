import { execFile } from "node:child_process";
import { clockOverlay } from "./ffmpeg-filters.js";

export type FfmpegLookup = { ok: true; path: string } | { ok: false; reason: string };

const PROBE_TIMEOUT_MS = 15_000;

/**
 * A one-frame encode with everything the cameras need (lavfi testsrc2, drawtext with the
 * font, libx264): `ffmpeg -version` alone succeeds on builds that lack one of them.
 */
function probe(ffmpegPath: string, fontPath: string): Promise<string | null> {
  const args = [
    "-hide_banner", "-loglevel", "error", "-nostdin",
    "-f", "lavfi", "-i", "testsrc2=size=64x36:rate=1",
    "-frames:v", "1", "-vf", clockOverlay(fontPath),
    "-c:v", "libx264", "-f", "null", "-",
  ];
  return new Promise((resolve) => {
    execFile(ffmpegPath, args, { timeout: PROBE_TIMEOUT_MS, windowsHide: true }, (error, _stdout, stderr) => {
      if (error === null) return resolve(null);
      const code = "code" in error ? String(error.code) : "";
      if (code === "ENOENT") return resolve("not found");
      const firstLine = stderr.split("\n").find((line) => line.trim().length > 0);
      resolve(firstLine?.trim() ?? error.message);
    });
  });
}

async function installerPath(): Promise<string | null> {
  try {
    const installer: { path?: unknown; default?: { path?: unknown } } = await import("@ffmpeg-installer/ffmpeg");
    const path = installer.path ?? installer.default?.path;
    return typeof path === "string" ? path : null;
  } catch {
    return null;
  }
}

/**
 * A working ffmpeg: the configured one if given; otherwise the system `ffmpeg` on PATH,
 * then the static build from @ffmpeg-installer/ffmpeg.
 */
export async function findWorkingFfmpeg(fontPath: string, configuredPath?: string): Promise<FfmpegLookup> {
  if (configuredPath !== undefined) {
    const problem = await probe(configuredPath, fontPath);
    return problem === null ? { ok: true, path: configuredPath } : { ok: false, reason: `${configuredPath}: ${problem}` };
  }
  const problems: string[] = [];
  const systemProblem = await probe("ffmpeg", fontPath);
  if (systemProblem === null) return { ok: true, path: "ffmpeg" };
  problems.push(`system ffmpeg: ${systemProblem}`);
  const bundled = await installerPath();
  if (bundled === null) {
    problems.push("@ffmpeg-installer/ffmpeg: not installed");
  } else {
    const bundledProblem = await probe(bundled, fontPath);
    if (bundledProblem === null) return { ok: true, path: bundled };
    problems.push(`@ffmpeg-installer/ffmpeg: ${bundledProblem}`);
  }
  return { ok: false, reason: problems.join("; ") };
}

export function ffmpegProblemSentence(reason: string): string {
  return `ffmpeg not found or not working (${reason}): cameras will show as offline; install ffmpeg or run npm install to get @ffmpeg-installer/ffmpeg.`;
}
