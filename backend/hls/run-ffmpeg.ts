import { spawn } from "node:child_process";
import type { Writable } from "node:stream";

/**
 * Runs a finite ffmpeg job; rejects with its last stderr lines on failure. With a `feed`, its
 * chunks are written to ffmpeg's stdin as they come (with back-pressure: nothing is held in memory
 * beyond a chunk), and the feed's own error stops ffmpeg and is the one reported. When `signal`
 * aborts, ffmpeg is terminated and the promise settles only once it has exited, so a caller that
 * awaits it never leaves an encoder behind.
 */
export function runFfmpeg(ffmpegPath: string, args: readonly string[], signal: AbortSignal, feed?: AsyncIterable<Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new Error("ffmpeg job cancelled before it started"));
      return;
    }
    const child = spawn(ffmpegPath, args, { stdio: [feed === undefined ? "ignore" : "pipe", "ignore", "pipe"], windowsHide: true });
    const onAbort = () => child.kill("SIGTERM");
    signal.addEventListener("abort", onAbort, { once: true });
    let stderr = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      // Only the tail matters for an error message; do not let a chatty ffmpeg grow memory.
      stderr = (stderr + chunk).slice(-4000);
    });
    let failure: Error | null = null;
    child.on("error", (error) => {
      failure ??= error;
      // Never started (e.g. ENOENT): there may be no "close" to wait for.
      if (child.pid === undefined) {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      }
    });
    child.on("close", (code, exitSignal) => {
      signal.removeEventListener("abort", onAbort);
      if (code === 0 && failure === null) resolve();
      else if (failure !== null) reject(failure);
      else if (signal.aborted) reject(new Error("ffmpeg job cancelled"));
      else reject(new Error(`ffmpeg exited with ${code ?? exitSignal}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
    });
    const stdin = child.stdin;
    if (feed === undefined || stdin === null) return;
    // EPIPE when ffmpeg stops reading (it failed): its exit code and stderr say why.
    stdin.on("error", () => undefined);
    void (async () => {
      for await (const chunk of feed) {
        if (stdin.destroyed) return;
        if (!stdin.write(chunk)) await drainedOrClosed(stdin);
      }
      stdin.end();
    })().catch((error: unknown) => {
      failure ??= error instanceof Error ? error : new Error(String(error));
      child.kill("SIGKILL");
    });
  });
}

/** Resolves when a stream full of written data drains, or closes (ffmpeg exited): either way, its listeners go. */
function drainedOrClosed(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}
