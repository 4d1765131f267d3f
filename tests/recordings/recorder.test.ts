import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { PlaylistAnswer, SegmentAnswer, VideoService } from "../../backend/hls/video-service.js";
import { Recorder } from "../../backend/recordings/recorder.js";
import { applyRetention } from "../../backend/recordings/retention.js";
import { SegmentFiles } from "../../backend/recordings/segment-files.js";
import type { BackendStore } from "../../backend/store/backend-store.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";

const T0 = Date.UTC(2026, 11, 4, 2, 14, 0);
const DAY = 24 * 60 * 60_000;
const stores: BackendStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** A camera whose live playlist lists the last 3 one-second segments before `now`, numbered by their second. */
class FakeVideo implements VideoService {
  readonly available = true;
  readonly problem = null;
  /** "looped": renditions (360p); "live": a DVR playlist only, like an RTSP camera. */
  constructor(private readonly kind: "looped" | "live") {}
  start(): void {}
  async setSource(): Promise<void> {}
  async close(): Promise<void> {}
  private playlistAt(nowMs: number): PlaylistAnswer {
    const last = Math.floor(nowMs / 1000) - 1;
    const lines = ["#EXTM3U", "#EXT-X-TARGETDURATION:1", `#EXT-X-MEDIA-SEQUENCE:${last - 2}`];
    for (let n = last - 2; n <= last; n++) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(n * 1000).toISOString()}`, "#EXTINF:1.000,", `seg-${n}.ts`);
    return { kind: "playlist", body: `${lines.join("\n")}\n` };
  }
  async playlist(_cameraId: string, nowMs: number): Promise<PlaylistAnswer> {
    return this.playlistAt(nowMs);
  }
  async renditionPlaylist(_cameraId: string, _rendition: string, nowMs: number): Promise<PlaylistAnswer> {
    return this.kind === "looped" ? this.playlistAt(nowMs) : { kind: "not_found" };
  }
  async segment(cameraId: string, name: string, rendition?: string): Promise<SegmentAnswer> {
    return { kind: "segment", body: Buffer.from(`${cameraId}/${rendition ?? "main"}/${name}`) };
  }
}

function setUp(kind: "looped" | "live") {
  const dir = mkdtempSync(join(tmpdir(), "ioc-recorder-"));
  const store = openSqliteStore({ filename: join(dir, "store.sqlite"), auditKey: randomBytes(32) });
  stores.push(store);
  const files = new SegmentFiles(join(dir, "recordings"));
  const clock = { now: T0 };
  const out = new Set<string>();
  const recorder = new Recorder({
    index: store.recordings,
    files,
    video: new FakeVideo(kind),
    cameraIds: ["cam-07"],
    isCameraOut: (id) => out.has(id),
    policy: () => ({ retentionDays: 30, quotaBytes: null }),
    logger: pino({ enabled: false }),
    now: () => clock.now,
  });
  return { store, files, clock, out, recorder };
}

describe("recorder", () => {
  it("stores each new segment's bytes as served and indexes it by wall-clock time", async () => {
    const { store, files, clock, recorder } = setUp("looped");
    expect(await recorder.pollCamera("cam-07")).toBe(3);
    expect(await recorder.pollCamera("cam-07")).toBe(0);
    clock.now += 2000;
    expect(await recorder.pollCamera("cam-07")).toBe(2);
    const segments = await store.recordings.segmentsBetween("cam-07", T0 - 10_000, T0 + 10_000, 100);
    expect(segments.map((s) => s.startMs - T0)).toEqual([-3000, -2000, -1000, 0, 1000]);
    expect(segments.every((s) => s.variant === "360p" && s.durationMs === 1000)).toBe(true);
    expect(readFileSync(files.pathOf("cam-07", T0), "utf8")).toBe(`cam-07/360p/seg-${T0 / 1000}.ts`);
    expect(recorder.health("cam-07")).toEqual({ cameraId: "cam-07", state: "recording", gapSinceMs: null, quota: "ok" });
  });

  it("records a camera's time offline as a gap, and says so in its health meanwhile", async () => {
    const { store, clock, out, recorder } = setUp("live");
    await recorder.pollCamera("cam-07");
    out.add("cam-07");
    clock.now += 20_000;
    expect(await recorder.pollCamera("cam-07")).toBe(0);
    expect(recorder.health("cam-07")).toMatchObject({ state: "gap", gapSinceMs: T0 });
    out.delete("cam-07");
    expect(await recorder.pollCamera("cam-07")).toBe(3);
    expect(await store.recordings.gapsBetween("cam-07", T0 - 60_000, T0 + 60_000, 10)).toEqual([{ cameraId: "cam-07", startMs: T0, endMs: T0 + 17_000 }]);
    expect((await store.recordings.latestSegment("cam-07"))?.variant).toBe("source");
  });

  it("continues after a restart from what the store holds, recording the downtime as a gap", async () => {
    const { store, files, clock, recorder } = setUp("looped");
    await recorder.pollCamera("cam-07");
    await recorder.close();
    clock.now += 60_000;
    const again = new Recorder({
      index: store.recordings,
      files,
      video: new FakeVideo("looped"),
      cameraIds: ["cam-07"],
      isCameraOut: () => false,
      policy: () => ({ retentionDays: 30, quotaBytes: null }),
      logger: pino({ enabled: false }),
      now: () => clock.now,
    });
    await again.pollCamera("cam-07");
    expect(await store.recordings.gapsBetween("cam-07", T0, T0 + 60_000, 10)).toEqual([{ cameraId: "cam-07", startMs: T0, endMs: T0 + 57_000 }]);
  });
});

describe("retention on a real store", () => {
  it("deletes expired segments and then the oldest over quota, index rows and files alike", async () => {
    const { store, files } = setUp("looped");
    const now = T0 + 40 * DAY;
    const starts = [T0, T0 + 1000, T0 + 35 * DAY, T0 + 35 * DAY + 1000, T0 + 40 * DAY - 5000];
    for (const startMs of starts) {
      await files.write("cam-07", startMs, Buffer.alloc(100));
      await store.recordings.addSegment({ cameraId: "cam-07", startMs, durationMs: 1000, bytes: 100, variant: "360p" }, null);
    }
    expect(await applyRetention(store.recordings, files, "cam-07", { retentionDays: 30, quotaBytes: null }, now)).toEqual({ deleted: 2, freedBytes: 200, level: "ok" });
    expect(existsSync(files.pathOf("cam-07", T0))).toBe(false);
    expect(existsSync(files.pathOf("cam-07", T0 + 35 * DAY))).toBe(true);

    expect(await applyRetention(store.recordings, files, "cam-07", { retentionDays: 30, quotaBytes: 150 }, now)).toEqual({ deleted: 2, freedBytes: 200, level: "over" });
    expect((await store.recordings.oldestSegments("cam-07", 10)).map((s) => s.startMs)).toEqual([T0 + 40 * DAY - 5000]);
    expect(existsSync(files.pathOf("cam-07", T0 + 35 * DAY + 1000))).toBe(false);
    expect(await applyRetention(store.recordings, files, "cam-07", { retentionDays: 30, quotaBytes: 105 }, now)).toEqual({ deleted: 0, freedBytes: 0, level: "warning" });
  });
});
