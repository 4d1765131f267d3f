import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { pino } from "pino";
import { findWorkingFfmpeg } from "../backend/hls/ffmpeg-locator.js";
import { FfmpegVideo } from "../backend/hls/video-service.js";
import { parseDatedPlaylist } from "../backend/recordings/recorded-playlist.js";
import { exportEvidence } from "../backend/recordings/evidence-export.js";
import { verifyEvidence } from "../backend/recordings/evidence-manifest.js";
import { SegmentFiles } from "../backend/recordings/segment-files.js";
import { OVERLAY_FONT_PATH } from "../backend/resource-paths.js";
import { openSqliteStore } from "../backend/store/sqlite-store.js";
import { round, tempDir, type Benchmark } from "./harness.js";
import { playbackFigures } from "./recordings-playback.js";

const MINUTES = 10;
const RENDITION = "360p";

/**
 * Ten minutes of one simulated camera's 360p stream, recorded as the recorder does (each live
 * segment's bytes as served, indexed by its program date), then exported to a verified MP4.
 */
async function recordTenMinutes(): Promise<{ bytes: number; seconds: number; exportS: number }> {
  const found = await findWorkingFfmpeg(OVERLAY_FONT_PATH);
  if (!found.ok) throw new Error(`the recordings bench needs ffmpeg: ${found.reason}`);
  const dir = tempDir("recordings");
  const logger = pino({ enabled: false });
  const video = new FfmpegVideo(found.path, OVERLAY_FONT_PATH, { loopsDir: join(process.cwd(), ".cache", "bench-video", "loops"), liveDir: join(dir, "live") }, [{ id: "cam-02", name: "Chợ Uông Bí", live: false }], logger);
  video.start();
  const store = openSqliteStore({ filename: join(dir, "store.sqlite"), auditKey: randomBytes(32) });
  const files = new SegmentFiles(join(dir, "recordings"));
  try {
    const deadline = Date.now() + 5 * 60_000;
    let listed = await video.renditionPlaylist("cam-02", RENDITION, Date.now());
    while (listed.kind !== "playlist") {
      if (Date.now() > deadline) throw new Error("the 360p loop was not encoded within 5 minutes");
      await new Promise((resolve) => setTimeout(resolve, 500));
      listed = await video.renditionPlaylist("cam-02", RENDITION, Date.now());
    }
    // The segments the live playlist served over the ten minutes up to now.
    const latest = parseDatedPlaylist(listed.body).at(-1);
    if (latest === undefined) throw new Error("empty live playlist");
    const lastSequence = Number(/seg-(\d+)\.ts/.exec(latest.uri)?.[1]);
    const count = Math.ceil((MINUTES * 60_000) / latest.durationMs);
    let bytes = 0;
    let startMs = latest.startMs - (count - 1) * latest.durationMs;
    const firstMs = startMs;
    for (let n = lastSequence - count + 1; n <= lastSequence; n++) {
      const answer = await video.segment("cam-02", `seg-${n}.ts`, RENDITION);
      if (answer.kind !== "segment") throw new Error(`segment ${n}: ${answer.kind}`);
      await files.write("cam-02", startMs, answer.body);
      await store.recordings.addSegment({ cameraId: "cam-02", startMs, durationMs: latest.durationMs, bytes: answer.body.length, variant: RENDITION }, null);
      bytes += answer.body.length;
      startMs += latest.durationMs;
    }
    const auditKey = randomBytes(32);
    const started = performance.now();
    const exported = await exportEvidence(
      { index: store.recordings, files, ffmpegPath: found.path, ffmpegProblem: null, exportsDir: join(dir, "evidence"), auditKey },
      { cameraIds: ["cam-02"], from: new Date(firstMs).toISOString(), to: new Date(startMs).toISOString(), reason: "Đo hiệu năng xuất bằng chứng" },
      { id: "sup-01", name: "Bench" },
      new Date(),
    );
    if (!exported.ok) throw new Error(exported.error.message);
    const verdict = await verifyEvidence(exported.value, join(dir, "evidence", exported.value.manifest.exportId), auditKey);
    const exportS = (performance.now() - started) / 1000;
    if (!verdict.valid) throw new Error(verdict.message);
    return { bytes, seconds: (count * latest.durationMs) / 1000, exportS };
  } finally {
    await store.close();
    await video.close();
  }
}

export const recordingsBenchmark: Benchmark = {
  name: "recordings",
  async run() {
    const recorded = await recordTenMinutes();
    let playback = {};
    try {
      playback = await playbackFigures();
    } catch (error) {
      // The export and disk figures stand on their own; say why the playback ones are missing.
      console.error(`recordings: no playback figures: ${error instanceof Error ? error.message : String(error)}`);
    }
    return {
      "recordings.export_10min_s": { value: round(recorded.exportS, 2), unit: "s" },
      "recordings.disk_per_camera_hour_mb": { value: round((recorded.bytes / recorded.seconds) * 3600 / 1e6, 1), unit: "MB" },
      ...playback,
    };
  },
};
