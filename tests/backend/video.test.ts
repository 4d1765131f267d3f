import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CameraSchema } from "../../shared/domain/camera.js";
import { BACKEND_PATHS, ChangeSchema, ChangesPageSchema } from "../../shared/protocol/backend.js";
import { startTestBackend, type TestBackend } from "./backend-harness.js";
import { backendFetch } from "../../scripts/lib/backend-session.js";
import { untilValue } from "../shared/until.js";

/** Polls longer than the default: the 360p loops are encoded after every 180p one. */
const until = <T>(what: string, probe: () => Promise<T | null>): Promise<T> => untilValue(what, probe, 100_000, 500);

const dataDir = mkdtempSync(join(tmpdir(), "ioc-video-test-"));

/** Every file of a camera's cached loops (all renditions) with its modification time. */
function loopFiles(prefix: string): Map<string, number> {
  const root = join(dataDir, "hls", "loops");
  const files = new Map<string, number>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(path, statSync(path).mtimeMs);
    }
  };
  // Finished loops only: a rendition still being encoded sits in a .tmp- folder until it is renamed into place.
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith(prefix) && !entry.name.includes(".tmp-")) walk(join(root, entry.name));
  }
  return files;
}
let t: TestBackend;

/** Polls until the URL answers 200 (cameras answer 503 while their video is being prepared). */
async function fetchWhenReady(url: string, timeoutMs = 20_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await backendFetch(url);
    if (response.status === 200) return response;
    if (response.status !== 503 || Date.now() > deadline) throw new Error(`${url} answered ${response.status}`);
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const segmentsOf = (playlist: string) => playlist.split("\n").filter((line) => line.endsWith(".ts"));

function ffmpegChildren(): string[] {
  if (process.platform !== "linux") return [];
  try {
    return execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.includes("ffmpeg"));
  } catch {
    return [];
  }
}

beforeAll(async () => {
  t = await startTestBackend({ dataDir, video: { enabled: true } });
  if (t.backend.videoProblem !== null) throw new Error(`video test needs ffmpeg: ${t.backend.videoProblem}`);
});
afterAll(async () => {
  await t.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("camera video", () => {
  it("marks cameras online when video works", async () => {
    const page = ChangesPageSchema.parse((await t.get(`${BACKEND_PATHS.changes}?limit=5000`)).body);
    const cameras = page.changes.map((c) => ChangeSchema.parse(c)).filter((c) => c.entity === "camera").map((c) => CameraSchema.parse(c.data));
    expect(cameras.every((c) => c.status === "online")).toBe(true);
  });

  it("serves cam-01 live from ffmpeg, clock-numbered segments and all", async () => {
    const response = await fetchWhenReady(`${t.backend.url}/hls/cam-01/index.m3u8`);
    expect(response.headers.get("content-type")).toContain("application/vnd.apple.mpegurl");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const playlist = await response.text();
    expect(playlist).toContain("#EXT-X-PROGRAM-DATE-TIME:");
    const segment = segmentsOf(playlist).at(-1) ?? "";
    expect(Number(/seg-(\d+)\.ts/.exec(segment)?.[1])).toBeGreaterThan(1_700_000_000);
    const media = await backendFetch(`${t.backend.url}/hls/cam-01/${segment}`);
    expect(media.status).toBe(200);
    expect(media.headers.get("content-type")).toBe("video/mp2t");
    const bytes = new Uint8Array(await media.arrayBuffer());
    // MPEG-TS packets start with the sync byte 0x47 every 188 bytes.
    expect(bytes.length).toBeGreaterThan(188);
    expect(bytes[0]).toBe(0x47);
    expect(bytes[188]).toBe(0x47);
  });

  it("serves a looped camera as a master playlist of live sliding renditions", async () => {
    const master = await (await fetchWhenReady(`${t.backend.url}/hls/cam-02/index.m3u8`)).text();
    expect(master).toContain("#EXT-X-STREAM-INF:");
    expect(master).toContain("RESOLUTION=320x180");
    expect(master).not.toContain("#EXTINF");
    // The 360p rendition is encoded in the background after every camera's 180p one.
    const with360 = await until("the 360p rendition", async () => {
      const text = await (await backendFetch(`${t.backend.url}/hls/cam-02/index.m3u8`)).text();
      return text.includes("RESOLUTION=640x360") ? text : null;
    });
    expect(with360.split("\n").filter((line) => line.endsWith(".m3u8"))).toEqual(["180p/index.m3u8", "360p/index.m3u8"]);
    const large = await backendFetch(`${t.backend.url}/hls/cam-02/360p/index.m3u8`);
    expect(large.status).toBe(200);
    const largeSegments = segmentsOf(await large.text());
    expect(largeSegments).toHaveLength(6);
    const largeSegment = await backendFetch(`${t.backend.url}/hls/cam-02/360p/${largeSegments[0] ?? ""}`);
    expect(new Uint8Array(await largeSegment.arrayBuffer())[0]).toBe(0x47);
    expect((await backendFetch(`${t.backend.url}/hls/cam-02/720p/index.m3u8`)).status).toBe(404);
    expect((await backendFetch(`${t.backend.url}/hls/cam-01/360p/index.m3u8`)).status).toBe(404);

    const response = await backendFetch(`${t.backend.url}/hls/cam-02/180p/index.m3u8`);
    const playlist = await response.text();
    expect(playlist).toContain("#EXT-X-MEDIA-SEQUENCE:");
    // A continuous stream (each wrap's timestamps moved on), and no blocking reloads over HTTP/1.1.
    expect(playlist).not.toContain("#EXT-X-DISCONTINUITY");
    expect(playlist).not.toContain("#EXT-X-SERVER-CONTROL");
    expect(playlist).not.toContain("#EXT-X-ENDLIST");
    const segments = segmentsOf(playlist);
    expect(segments).toHaveLength(6);
    const media = await backendFetch(`${t.backend.url}/hls/cam-02/${segments[0] ?? ""}`);
    expect(media.status).toBe(200);
    expect(new Uint8Array(await media.arrayBuffer())[0]).toBe(0x47);
    expect((await backendFetch(`${t.backend.url}/hls/cam-02/..%2F..%2Fioc-backend.sqlite`)).status).toBe(404);
  }, 120_000);

  it("reuses the encoded loops after a restart and leaves no ffmpeg behind", async () => {
    await fetchWhenReady(`${t.backend.url}/hls/cam-03/index.m3u8`);
    const before = loopFiles("cam-03-");
    expect(before.size).toBeGreaterThan(0);
    await t.backend.close();
    expect(ffmpegChildren()).toEqual([]);
    t = await startTestBackend({ dataDir, video: { enabled: true } });
    await fetchWhenReady(`${t.backend.url}/hls/cam-03/index.m3u8`, 10_000);
    // The cached loops are served as they were: every finished file still there, not written again.
    const after = loopFiles("cam-03-");
    for (const [path, mtime] of before) expect(after.get(path), path).toBe(mtime);
  });
});
