import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import type { CameraCredentials } from "../../shared/domain/camera-setup.js";
import { urlWithCredentials } from "../../shared/domain/camera-setup.js";
import type { CameraProbe } from "../../shared/protocol/cameras.js";
import { parseProbeOutput, probeArgs, probeFailure } from "./probe-answer.js";

export const FFPROBE_MISSING = "ffprobe is not installed on the backend, so connections cannot be tested: run npm install, which brings @ffprobe-installer/ffprobe.";

/** ffprobe from @ffprobe-installer/ffprobe (the npm package; no system one needed), or null. */
export async function findFfprobe(): Promise<string | null> {
  try {
    const installer: { path?: unknown; default?: { path?: unknown } } = await import("@ffprobe-installer/ffprobe");
    const path = installer.path ?? installer.default?.path;
    return typeof path === "string" && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Probes an address with ffprobe (credentials written in, never logged), waiting at most
 * `timeoutS` for the camera and a little more for ffprobe itself before killing it.
 */
export function probeCamera(ffprobePath: string | null, url: string, credentials: CameraCredentials | null, timeoutS: number): Promise<CameraProbe> {
  if (ffprobePath === null) return Promise.resolve({ answered: false, problem: FFPROBE_MISSING });
  return new Promise((resolve) => {
    const args = probeArgs(urlWithCredentials(url, credentials), timeoutS);
    execFile(ffprobePath, args, { timeout: (timeoutS + 2) * 1000, killSignal: "SIGKILL", maxBuffer: 256 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) return resolve(parseProbeOutput(stdout));
      if ("code" in error && error.code === "ENOENT") return resolve({ answered: false, problem: FFPROBE_MISSING });
      resolve({ answered: false, problem: probeFailure(url, stderr, error.killed === true, timeoutS) });
    });
  });
}
