import { exportRange } from "../../renderer/src/features/playback/model/export-range.js";
import { tileRecordingState } from "../../renderer/src/features/playback/model/recording-state.js";
import type { CameraRecordingHealth } from "../../shared/protocol/recordings.js";
import { describe, expect, it } from "vitest";
import { nearestCameras } from "../../renderer/src/features/playback/model/nearest-cameras.js";
import { recordedUrlFor } from "../../renderer/src/features/playback/model/recorded-url.js";
import { markedRange, markIn, markOut, marksFromDrag, NO_MARKS } from "../../renderer/src/features/playback/model/marked-range.js";
import { drag, MAX_SPAN_MS, MIN_SPAN_MS, timeAtX, timelineKeyAction, viewAround, zoom } from "../../renderer/src/features/playback/model/timeline-view.js";
import { clockNow, mediaTimeAt, placeOnRecording, recordedSpans, syncCorrection, updateClock, wallClockAt, type DatedFragment } from "../../renderer/src/features/playback/model/wall-clock.js";

const T0 = Date.UTC(2026, 11, 4, 2, 14, 0);
// 02:14:00-02:14:02 recorded, nothing until 02:14:10, then 02:14:10-02:14:12; the player closes the gap up.
const fragments: DatedFragment[] = [
  { startS: 0, durationS: 1, dateMs: T0 },
  { startS: 1, durationS: 1, dateMs: T0 + 1000 },
  { startS: 2, durationS: 1, dateMs: T0 + 10_000 },
  { startS: 3, durationS: 1, dateMs: T0 + 11_000 },
];

describe("wall-clock time of a recorded player", () => {
  it("maps media time to wall-clock time segment by segment, across gaps", () => {
    expect(wallClockAt(fragments, 0.5)).toBe(T0 + 500);
    expect(wallClockAt(fragments, 2.25)).toBe(T0 + 10_250);
    expect(wallClockAt(fragments, 4)).toBe(T0 + 12_000);
    expect(wallClockAt(fragments, 9)).toBeNull();
    expect(wallClockAt([], 0)).toBeNull();
  });

  it("maps wall-clock time to media time; inside a gap, to what was recorded next", () => {
    expect(mediaTimeAt(fragments, T0 + 1500)).toBe(1.5);
    expect(mediaTimeAt(fragments, T0 + 5000)).toBe(2);
    expect(mediaTimeAt(fragments, T0 - 60_000)).toBe(0);
    expect(mediaTimeAt(fragments, T0 + 60_000)).toBeNull();
  });

  it("places the clock on a recorded picture, in a gap (with the next picture's time) or after the end", () => {
    expect(placeOnRecording(fragments, T0 + 1500)).toEqual({ kind: "recorded" });
    expect(placeOnRecording(fragments, T0 + 2000)).toEqual({ kind: "gap", nextMs: T0 + 10_000 });
    expect(placeOnRecording(fragments, T0 + 9999)).toEqual({ kind: "gap", nextMs: T0 + 10_000 });
    expect(placeOnRecording(fragments, T0 + 10_000)).toEqual({ kind: "recorded" });
    expect(placeOnRecording(fragments, T0 - 5000)).toEqual({ kind: "gap", nextMs: T0 });
    expect(placeOnRecording(fragments, T0 + 12_000)).toEqual({ kind: "after-end" });
    expect(placeOnRecording([], T0)).toEqual({ kind: "after-end" });
  });

  it("finds recorded spans and gaps from the dated segments", () => {
    expect(recordedSpans(fragments)).toEqual({
      recorded: [
        { startMs: T0, endMs: T0 + 2000 },
        { startMs: T0 + 10_000, endMs: T0 + 12_000 },
      ],
      gaps: [{ startMs: T0 + 2000, endMs: T0 + 10_000 }],
    });
  });
});

describe("synchronised playback", () => {
  it("seeks a tile that is far off or lost, nudges one slightly off, leaves one in step", () => {
    expect(syncCorrection(T0, T0 + 1000, 1, 1)).toEqual({ kind: "seek", wallMs: T0 });
    expect(syncCorrection(T0, null, 1, 1)).toEqual({ kind: "seek", wallMs: T0 });
    expect(syncCorrection(T0, T0 + 200, 2, 2)).toEqual({ kind: "rate", rate: 1.8 });
    expect(syncCorrection(T0, T0 - 200, 1, 1)).toEqual({ kind: "rate", rate: 1.1 });
    expect(syncCorrection(T0, T0 + 20, 1, 1.1)).toEqual({ kind: "rate", rate: 1 });
    expect(syncCorrection(T0, T0 + 20, 1, 1)).toEqual({ kind: "none" });
  });

  it("runs one clock at the chosen speed, standing still while paused", () => {
    const paused = { wallMs: T0, anchorAt: 1000, rate: 1, playing: false };
    expect(clockNow(paused, 5000)).toBe(T0);
    const playing = updateClock(paused, 2000, { playing: true, rate: 4 });
    expect(clockNow(playing, 2500)).toBe(T0 + 2000);
    const slower = updateClock(playing, 2500, { rate: 0.5 });
    expect(clockNow(slower, 4500)).toBe(T0 + 3000);
    expect(clockNow(updateClock(slower, 4500, { wallMs: T0 - 60_000, playing: false }), 9000)).toBe(T0 - 60_000);
  });
});

describe("playback timeline", () => {
  it("zooms from hours to seconds around the pointer, drags, and maps pixels to times", () => {
    const view = viewAround(T0, 120_000);
    expect(view).toEqual({ startMs: T0 - 60_000, spanMs: 120_000 });
    const zoomed = zoom(view, 0.5, T0 - 30_000);
    expect(zoomed).toEqual({ startMs: T0 - 45_000, spanMs: 60_000 });
    expect(zoom(view, 0.0001, T0).spanMs).toBe(MIN_SPAN_MS);
    expect(zoom(view, 1000, T0).spanMs).toBe(MAX_SPAN_MS);
    expect(drag(view, 100, 1000)).toEqual({ startMs: T0 - 72_000, spanMs: 120_000 });
    expect(timeAtX(view, 500, 1000)).toBe(T0);
  });

  it("answers the keyboard", () => {
    expect(timelineKeyAction(" ", false)).toEqual({ kind: "toggle-play" });
    expect(timelineKeyAction("ArrowLeft", true)).toEqual({ kind: "step", ms: -10_000 });
    expect(timelineKeyAction("ArrowRight", false)).toEqual({ kind: "step", ms: 1000 });
    expect(timelineKeyAction("+", false)).toEqual({ kind: "zoom", factor: 0.5 });
    expect(timelineKeyAction("PageDown", false)).toEqual({ kind: "pan", fraction: 0.5 });
    expect(timelineKeyAction("i", false)).toEqual({ kind: "mark-in" });
    expect(timelineKeyAction("O", true)).toEqual({ kind: "mark-out" });
    expect(timelineKeyAction("x", false)).toEqual({ kind: "none" });
  });
});

describe("a range marked on the recordings", () => {
  const HOUR = 3_600_000;
  it("is set end by end at the playhead, in any order, and an end on the wrong side of the other is let go", () => {
    let marks = markIn(NO_MARKS, T0 + 0.4);
    expect(marks).toEqual({ inMs: T0, outMs: null });
    expect(markedRange(marks, HOUR)).toEqual({ kind: "incomplete" });
    marks = markOut(marks, T0 + 10_000);
    expect(markedRange(marks, HOUR)).toEqual({ kind: "range", fromMs: T0, toMs: T0 + 10_000 });
    // A new start after the end: the end no longer bounds anything.
    expect(markIn(marks, T0 + 20_000)).toEqual({ inMs: T0 + 20_000, outMs: null });
    // An end before the start: the start goes.
    expect(markOut({ inMs: T0, outMs: null }, T0 - 5000)).toEqual({ inMs: null, outMs: T0 - 5000 });
    // Marking the end first works as well.
    expect(markedRange(markIn(markOut(NO_MARKS, T0 + 5000), T0), HOUR)).toEqual({ kind: "range", fromMs: T0, toMs: T0 + 5000 });
  });

  it("comes from a drag either way, and is refused over the longest export", () => {
    expect(marksFromDrag(T0 + 9000, T0)).toEqual({ inMs: T0, outMs: T0 + 9000 });
    expect(markedRange(marksFromDrag(T0, T0 + HOUR + 1), HOUR)).toEqual({ kind: "too-long", maxMs: HOUR });
    expect(markedRange(marksFromDrag(T0, T0), HOUR)).toEqual({ kind: "incomplete" });
  });
});

describe("video at an alarm", () => {
  it("opens the alarm's own camera first, then the nearest others", () => {
    const cameras = [
      { id: "cam-01", location: [106.8, 21.03] as [number, number] },
      { id: "cam-02", location: [106.71, 21.01] as [number, number] },
      { id: "cam-03", location: [106.7, 21.0] as [number, number] },
      { id: "cam-04", location: [106.9, 21.2] as [number, number] },
    ];
    expect(nearestCameras({ cameraId: "cam-04", location: [106.7, 21.0] }, cameras, 3)).toEqual(["cam-04", "cam-03", "cam-02"]);
    expect(nearestCameras({ cameraId: null, location: [106.7, 21.0] }, cameras, 2)).toEqual(["cam-03", "cam-02"]);
    expect(nearestCameras({ cameraId: "cam-99", location: [106.7, 21.0] }, cameras, 1)).toEqual(["cam-03"]);
  });

  it("finds a camera's recordings next to its live playlist", () => {
    expect(recordedUrlFor("http://127.0.0.1:8420/hls/cam-07/index.m3u8", T0, T0 + 60_000)).toBe(
      "http://127.0.0.1:8420/hls/cam-07/rec/index.m3u8?from=2026-12-04T02%3A14%3A00.000Z&to=2026-12-04T02%3A15%3A00.000Z",
    );
    expect(recordedUrlFor("rtsp://10.0.0.7/stream", T0, T0 + 1)).toBeNull();
    expect(recordedUrlFor("not a url", T0, T0 + 1)).toBeNull();
  });
});

describe("a wall tile's recording state", () => {
  const health = (patch: Partial<CameraRecordingHealth>): CameraRecordingHealth => ({ cameraId: "cam-02", state: "recording", gapSinceMs: null, quota: "ok", bytes: 1_000_000, oldestMs: 0, ...patch });

  it("says recording, in a gap since when, or off; nothing while the backend has not said", () => {
    expect(tileRecordingState(health({}))).toEqual({ kind: "recording" });
    expect(tileRecordingState(health({ state: "gap", gapSinceMs: 1_000 }))).toEqual({ kind: "gap", sinceMs: 1_000 });
    expect(tileRecordingState(health({ state: "off" }))).toEqual({ kind: "off" });
    expect(tileRecordingState(undefined)).toEqual({ kind: "unknown" });
  });
});

describe("an evidence export from the playhead", () => {
  it("covers the chosen length from the playhead", () => {
    expect(exportRange(Date.parse("2026-12-04T02:14:00.400Z"), 10)).toEqual({ from: "2026-12-04T02:14:00.400Z", to: "2026-12-04T02:14:10.400Z" });
  });
});
