import { describe, expect, it } from "vitest";
import { gapBetween, parseDatedPlaylist, recordedPlaylist, recordedSpans } from "../../backend/recordings/recorded-playlist.js";
import { planRetention, quotaLevel } from "../../backend/recordings/retention-plan.js";
import type { RecordedSegment } from "../../backend/store/recording-index.js";
import { DEMO_RECORDING_QUOTA_MB, parseCliArgs } from "../../backend/cli-args.js";

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);
const T0 = Date.UTC(2026, 11, 4, 2, 14, 0);
const seg = (startMs: number, variant = "360p"): RecordedSegment => ({ cameraId: "cam-07", startMs, durationMs: 1000, bytes: 100, variant });

describe("retention planner", () => {
  const oldest = [NOW - 40 * DAY, NOW - 31 * DAY, NOW - 29 * DAY, NOW - DAY, NOW - 1000].map((startMs) => ({ startMs, bytes: 100 }));

  it("deletes what is older than the camera's retention, oldest first, and keeps the rest", () => {
    const plan = planRetention({ nowMs: NOW, policy: { retentionDays: 30, quotaBytes: null }, usedBytes: 500, oldest });
    expect(plan).toEqual({ deleteStarts: [NOW - 40 * DAY, NOW - 31 * DAY], freedBytes: 200, usedBytesAfter: 300, level: "ok" });
  });

  it("deletes the oldest until the camera is back under its quota, whatever their age", () => {
    const plan = planRetention({ nowMs: NOW, policy: { retentionDays: 365, quotaBytes: 250 }, usedBytes: 500, oldest });
    expect(plan.deleteStarts).toEqual([NOW - 40 * DAY, NOW - 31 * DAY, NOW - 29 * DAY]);
    expect(plan).toMatchObject({ usedBytesAfter: 200, level: "over" });
  });

  it("warns before the quota is reached and deletes nothing then", () => {
    expect(planRetention({ nowMs: NOW, policy: { retentionDays: 365, quotaBytes: 520 }, usedBytes: 500, oldest })).toEqual({ deleteStarts: [], freedBytes: 0, usedBytesAfter: 500, level: "warning" });
    expect(quotaLevel(400, { retentionDays: 1, quotaBytes: 520 })).toBe("ok");
    expect(quotaLevel(400, { retentionDays: 1, quotaBytes: 500, warnFraction: 0.8 })).toBe("warning");
    expect(quotaLevel(10 ** 12, { retentionDays: 1, quotaBytes: null })).toBe("ok");
  });

  it("never goes past the page it was given", () => {
    expect(planRetention({ nowMs: NOW, policy: { retentionDays: 1, quotaBytes: 0 }, usedBytes: 10_000, oldest: oldest.slice(0, 2) }).deleteStarts).toHaveLength(2);
  });
});

describe("recorded playlists", () => {
  it("reads live playlists' segments with their wall-clock starts", () => {
    const text = [
      "#EXTM3U",
      "#EXT-X-TARGETDURATION:1",
      "#EXT-X-MEDIA-SEQUENCE:41",
      "#EXT-X-PROGRAM-DATE-TIME:2026-12-04T02:14:00.000Z",
      "#EXTINF:1.000,",
      "seg-41.ts",
      "#EXTINF:0.960,",
      "seg-42.ts",
      "#EXT-X-DISCONTINUITY",
      "#EXTINF:1.000,",
      "seg-43.ts",
      "#EXT-X-PROGRAM-DATE-TIME:2026-12-04T02:14:10.000+00:00",
      "#EXTINF:1.000,",
      "seg-44.ts",
    ].join("\n");
    expect(parseDatedPlaylist(text)).toEqual([
      { uri: "seg-41.ts", startMs: T0, durationMs: 1000 },
      { uri: "seg-42.ts", startMs: T0 + 1000, durationMs: 960 },
      // seg-43 follows a discontinuity with no date: its time is unknown, so it is not recorded.
      { uri: "seg-44.ts", startMs: T0 + 10_000, durationMs: 1000 },
    ]);
  });

  it("dates every segment of a VOD playlist and marks gaps and picture changes as discontinuities", () => {
    const text = recordedPlaylist([seg(T0), seg(T0 + 1000), seg(T0 + 5000), seg(T0 + 6000, "source")]);
    expect(text.split("\n")).toEqual([
      "#EXTM3U",
      "#EXT-X-VERSION:3",
      "#EXT-X-TARGETDURATION:1",
      "#EXT-X-PLAYLIST-TYPE:VOD",
      "#EXT-X-MEDIA-SEQUENCE:0",
      "#EXT-X-PROGRAM-DATE-TIME:2026-12-04T02:14:00.000Z",
      "#EXTINF:1.000,",
      `${T0}.ts`,
      "#EXT-X-PROGRAM-DATE-TIME:2026-12-04T02:14:01.000Z",
      "#EXTINF:1.000,",
      `${T0 + 1000}.ts`,
      "#EXT-X-DISCONTINUITY",
      "#EXT-X-PROGRAM-DATE-TIME:2026-12-04T02:14:05.000Z",
      "#EXTINF:1.000,",
      `${T0 + 5000}.ts`,
      "#EXT-X-DISCONTINUITY",
      "#EXT-X-PROGRAM-DATE-TIME:2026-12-04T02:14:06.000Z",
      "#EXTINF:1.000,",
      `${T0 + 6000}.ts`,
      "#EXT-X-ENDLIST",
      "",
    ]);
  });

  it("finds gaps between segments and merges recorded spans, clipped to the range", () => {
    expect(gapBetween(seg(T0), { cameraId: "cam-07", startMs: T0 + 1000 })).toBeNull();
    expect(gapBetween(seg(T0), { cameraId: "cam-07", startMs: T0 + 1300 })).toBeNull();
    expect(gapBetween(seg(T0), { cameraId: "cam-07", startMs: T0 + 4000 })).toEqual({ cameraId: "cam-07", startMs: T0 + 1000, endMs: T0 + 4000 });
    expect(gapBetween(null, { cameraId: "cam-07", startMs: T0 })).toBeNull();
    expect(recordedSpans([seg(T0), seg(T0 + 1000), seg(T0 + 5000)], T0 + 500, T0 + 5500)).toEqual([
      { startMs: T0 + 500, endMs: T0 + 2000 },
      { startMs: T0 + 5000, endMs: T0 + 5500 },
    ]);
  });
});

describe("recording options on the command line", () => {
  it("records by default; --no-recording, --retention-days and --recording-quota-mb change it", () => {
    expect(parseCliArgs([])).toMatchObject({ ok: true, value: { recording: true, retentionDays: undefined, recordingQuotaMb: undefined } });
    expect(parseCliArgs(["--no-recording", "--retention-days", "7", "--recording-quota-mb=500"])).toMatchObject({ ok: true, value: { recording: false, retentionDays: 7, recordingQuotaMb: 500 } });
    // A demo left running must not fill the disk; an explicit quota still wins.
    expect(parseCliArgs(["--demo"])).toMatchObject({ ok: true, value: { recordingQuotaMb: DEMO_RECORDING_QUOTA_MB } });
    expect(parseCliArgs(["--demo", "--recording-quota-mb", "20"])).toMatchObject({ ok: true, value: { recordingQuotaMb: 20 } });
    expect(parseCliArgs(["--retention-days", "0"])).toEqual({ ok: false, error: '--retention-days must be a number of days above 0 (at most 3650), not "0".' });
  });
});
