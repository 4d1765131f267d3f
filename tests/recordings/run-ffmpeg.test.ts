import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runFfmpeg } from "../../backend/hls/run-ffmpeg.js";
import { testFfmpeg } from "./recording-fixture.js";

let ffmpeg = "";
const dir = mkdtempSync(join(tmpdir(), "ioc-run-ffmpeg-"));
const colour = (output: string) => ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=blue:s=64x64:d=1", "-c:v", "mpeg2video", "-f", "mpegts", "-y", output];

beforeAll(async () => {
  ffmpeg = await testFfmpeg();
});

async function* chunksOf(buffers: readonly Buffer[]): AsyncIterable<Buffer> {
  for (const b of buffers) yield b;
}

describe("one runner for finite ffmpeg jobs", () => {
  it("runs a job with no input and resolves once it has written its output", async () => {
    const output = join(dir, "plain.ts");
    await runFfmpeg(ffmpeg, colour(output), new AbortController().signal);
    expect(statSync(output).size).toBeGreaterThan(0);
  });

  it("feeds a job its input through stdin", async () => {
    const source = join(dir, "source.ts");
    await runFfmpeg(ffmpeg, colour(source), new AbortController().signal);
    const body = readFileSync(source);
    const output = join(dir, "fed.ts");
    await runFfmpeg(ffmpeg, ["-hide_banner", "-loglevel", "error", "-f", "mpegts", "-i", "pipe:0", "-c", "copy", "-f", "mpegts", "-y", output], new AbortController().signal, chunksOf([body.subarray(0, 1000), body.subarray(1000)]));
    expect(statSync(output).size).toBeGreaterThan(0);
  });

  it("rejects with ffmpeg's own words when the job fails", async () => {
    await expect(runFfmpeg(ffmpeg, ["-hide_banner", "-i", join(dir, "missing.ts"), "-y", join(dir, "never.ts")], new AbortController().signal)).rejects.toThrow(/ffmpeg exited with 1: .*missing\.ts/);
    expect(existsSync(join(dir, "never.ts"))).toBe(false);
  });

  it("stops ffmpeg and reports the feed's error when the feed fails", async () => {
    async function* broken(): AsyncIterable<Buffer> {
      yield Buffer.alloc(188, 0x47);
      throw new Error("segment file vanished");
    }
    await expect(runFfmpeg(ffmpeg, ["-hide_banner", "-loglevel", "error", "-f", "mpegts", "-i", "pipe:0", "-c", "copy", "-f", "mpegts", "-y", join(dir, "broken.ts")], new AbortController().signal, broken())).rejects.toThrow(
      "segment file vanished",
    );
  });

  it("is cancelled by its signal, before or while running", async () => {
    const early = new AbortController();
    early.abort();
    await expect(runFfmpeg(ffmpeg, colour(join(dir, "early.ts")), early.signal)).rejects.toThrow("cancelled before it started");
    const late = new AbortController();
    const running = runFfmpeg(ffmpeg, ["-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "color=c=red:s=64x64:d=30", "-f", "mpegts", "-y", join(dir, "late.ts")], late.signal);
    setTimeout(() => late.abort(), 300);
    await expect(running).rejects.toThrow("ffmpeg job cancelled");
  });

  it("rejects, never hangs, when ffmpeg cannot be started at all (the locator has said why before this)", async () => {
    await expect(runFfmpeg(join(dir, "no-ffmpeg-here"), [], new AbortController().signal)).rejects.toThrow();
  });
});
