import { spawn } from "node:child_process";

/**
 * Runs a finite ffmpeg job; rejects with its last stderr lines on failure. When `signal`
 * aborts, ffmpeg is terminated and the promise settles only once it has exited, so a
 * caller that awaits it never leaves an encoder behind.
 */
export function runFfmpeg(ffmpegPath: string, args: readonly string[], signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new Error("ffmpeg job cancelled before it started"));
      return;
    }
    const child = spawn(ffmpegPath, args, { stdio: ["ignore", "ignore", "pipe"], windowsHide: true });
    const onAbort = () => child.kill("SIGTERM");
    signal.addEventListener("abort", onAbort, { once: true });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      // Only the tail matters for an error message; do not let a chatty ffmpeg grow memory.
      stderr = (stderr + chunk).slice(-4000);
    });
    let spawnError: Error | null = null;
    child.on("error", (error) => {
      spawnError = error;
      // Never started (e.g. ENOENT): there may be no "close" to wait for.
      if (child.pid === undefined) {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      }
    });
    child.on("close", (code, exitSignal) => {
      signal.removeEventListener("abort", onAbort);
      if (code === 0) resolve();
      else if (spawnError !== null) reject(spawnError);
      else if (signal.aborted) reject(new Error("ffmpeg job cancelled"));
      else reject(new Error(`ffmpeg exited with ${code ?? exitSignal}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
}
