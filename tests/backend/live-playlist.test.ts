import { describe, expect, it } from "vitest";
import {
  livePlaylist,
  liveWindow,
  masterPlaylist,
  loopSegmentIndex,
  parseSegmentUri,
  segmentCompleteAtMs,
  segmentUri,
} from "../../backend/hls/live-playlist.js";
import { isCompleteLivePlaylist, parseVodPlaylist } from "../../backend/hls/playlist-files.js";
import { LOOP_RENDITIONS, renditionByName } from "../../backend/hls/renditions.js";

const EPOCH = Date.UTC(2025, 0, 1);
const base = { segmentCount: 10, segmentDuration: 1, epochMs: EPOCH, windowSize: 6 };
const at = (seconds: number) => EPOCH + seconds * 1000;

function tags(text: string, name: string): string[] {
  return text.split("\n").filter((line) => line.startsWith(`#${name}`));
}
function tagValue(text: string, name: string): string | undefined {
  return tags(text, `${name}:`)[0]?.slice(name.length + 2);
}
function uris(text: string): string[] {
  return text.split("\n").filter((line) => line.length > 0 && !line.startsWith("#"));
}

describe("livePlaylist", () => {
  it("lists the latest complete segments with the standard header", () => {
    const text = livePlaylist({ ...base, nowMs: at(100.5) });
    expect(text.startsWith("#EXTM3U\n")).toBe(true);
    expect(tagValue(text, "EXT-X-TARGETDURATION")).toBe("1");
    expect(tags(text, "EXT-X-INDEPENDENT-SEGMENTS")).toHaveLength(1);
    expect(tags(text, "EXT-X-ENDLIST")).toHaveLength(0);
    // Segment 100 is still "being recorded" at 100.5 s: the window ends at 99.
    expect(uris(text)).toEqual(["seg-94.ts", "seg-95.ts", "seg-96.ts", "seg-97.ts", "seg-98.ts", "seg-99.ts"]);
    expect(tagValue(text, "EXT-X-MEDIA-SEQUENCE")).toBe("94");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("gives each segment its wall-clock start time and duration", () => {
    const text = livePlaylist({ ...base, nowMs: at(100.5) });
    const times = tags(text, "EXT-X-PROGRAM-DATE-TIME:").map((line) => line.slice("#EXT-X-PROGRAM-DATE-TIME:".length));
    expect(times).toHaveLength(6);
    expect(times[0]).toBe(new Date(at(94)).toISOString());
    expect(times[5]).toBe(new Date(at(99)).toISOString());
    expect(tags(text, "EXTINF:").every((line) => line === "#EXTINF:1.000,")).toBe(true);
  });

  it("advances one segment per segment duration", () => {
    const a = livePlaylist({ ...base, nowMs: at(200) });
    const b = livePlaylist({ ...base, nowMs: at(200.999) });
    const c = livePlaylist({ ...base, nowMs: at(201) });
    expect(a).toBe(b);
    expect(Number(tagValue(c, "EXT-X-MEDIA-SEQUENCE"))).toBe(Number(tagValue(a, "EXT-X-MEDIA-SEQUENCE")) + 1);
  });

  it("lists a wrap of the loop as a continuous stream (the segments' clocks are moved on instead)", () => {
    // Window 96..101 crosses the wrap at 100 (loop segment 9 → 0).
    const text = livePlaylist({ ...base, nowMs: at(102.2) });
    expect(uris(text)).toContain("seg-100.ts");
    expect(tags(text, "EXT-X-DISCONTINUITY")).toHaveLength(0);
  });

  it("advertises blocking reloads only when asked, and says when a segment is complete", () => {
    expect(tags(livePlaylist({ ...base, nowMs: at(50.5) }), "EXT-X-SERVER-CONTROL")).toHaveLength(0);
    const blocking = livePlaylist({ ...base, nowMs: at(50.5), canBlockReload: true });
    expect(tags(blocking, "EXT-X-SERVER-CONTROL")).toEqual(["#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES"]);
    // Segment 50 covers [50 s, 51 s): it is listed from 51 s on.
    expect(segmentCompleteAtMs(base, 50)).toBe(at(51));
    expect(liveWindow({ ...base, nowMs: segmentCompleteAtMs(base, 50) - 1 }).last).toBe(49);
    expect(liveWindow({ ...base, nowMs: segmentCompleteAtMs(base, 50) }).last).toBe(50);
  });

  it("never returns an empty playlist, even at the epoch", () => {
    const text = livePlaylist({ ...base, nowMs: EPOCH });
    expect(uris(text)).toEqual(["seg-0.ts"]);
    expect(liveWindow({ ...base, nowMs: EPOCH - 5000 })).toEqual({ first: 0, last: 0 });
    expect(uris(livePlaylist({ ...base, nowMs: at(3.5) }))).toEqual(["seg-0.ts", "seg-1.ts", "seg-2.ts"]);
  });

  it("handles fractional durations and rounds the target duration up", () => {
    const text = livePlaylist({ ...base, segmentDuration: 1.5, nowMs: at(30) });
    expect(tagValue(text, "EXT-X-TARGETDURATION")).toBe("2");
    expect(uris(text).at(-1)).toBe("seg-19.ts");
    expect(tags(text, "EXTINF:")[0]).toBe("#EXTINF:1.500,");
  });

  it("rejects nonsense input", () => {
    expect(() => livePlaylist({ ...base, segmentCount: 0, nowMs: at(10) })).toThrow();
    expect(() => livePlaylist({ ...base, segmentDuration: 0, nowMs: at(10) })).toThrow();
    expect(() => livePlaylist({ ...base, windowSize: 0, nowMs: at(10) })).toThrow();
  });
});

describe("segment names", () => {
  it("round-trips media sequence numbers and maps them onto the loop", () => {
    expect(parseSegmentUri(segmentUri(1234567))).toBe(1234567);
    expect(loopSegmentIndex(1234567, 10)).toBe(7);
  });

  it("refuses anything that is not seg-N.ts", () => {
    for (const bad of ["../index.m3u8", "seg-.ts", "seg-1.ts/../../x", "seg-1.mp4", "seg--1.ts", "seg-1e5.ts", "index.m3u8"]) {
      expect(parseSegmentUri(bad), bad).toBeNull();
    }
  });
});

describe("ffmpeg playlist files", () => {
  it("reads segment names and durations from a VOD playlist", () => {
    const text = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.000000,\nseg-000.ts\n#EXTINF:0.960000,\nseg-001.ts\n#EXT-X-ENDLIST\n";
    expect(parseVodPlaylist(text)).toEqual({ segmentFiles: ["seg-000.ts", "seg-001.ts"], durations: [1, 0.96] });
  });

  it("spots a live playlist caught half-written", () => {
    const whole = "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:5\n#EXTINF:1.000000,\nseg-5.ts\n";
    expect(isCompleteLivePlaylist(whole)).toBe(true);
    expect(isCompleteLivePlaylist(whole.slice(0, -1))).toBe(false);
    expect(isCompleteLivePlaylist("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:5\n#EXTINF:1.000000,\n")).toBe(false);
    expect(isCompleteLivePlaylist("")).toBe(false);
  });
});

describe("masterPlaylist", () => {
  const v360 = { uri: "360p/index.m3u8", bandwidth: 420_000, width: 640, height: 360, frameRate: 25 };
  const v180 = { uri: "180p/index.m3u8", bandwidth: 150_000, width: 320, height: 180, frameRate: 25 };

  it("lists each rendition with its bandwidth and resolution, smallest first", () => {
    const text = masterPlaylist([v360, v180]);
    expect(text.startsWith("#EXTM3U\n")).toBe(true);
    expect(text.endsWith("\n")).toBe(true);
    expect(tags(text, "EXT-X-STREAM-INF:")).toEqual([
      "#EXT-X-STREAM-INF:BANDWIDTH=150000,RESOLUTION=320x180,FRAME-RATE=25.000",
      "#EXT-X-STREAM-INF:BANDWIDTH=420000,RESOLUTION=640x360,FRAME-RATE=25.000",
    ]);
    expect(uris(text)).toEqual(["180p/index.m3u8", "360p/index.m3u8"]);
    // A master playlist carries no media segments.
    expect(tags(text, "EXTINF")).toHaveLength(0);
    expect(tags(text, "EXT-X-MEDIA-SEQUENCE")).toHaveLength(0);
    // Every STREAM-INF is followed by its URI.
    const lines = text.trimEnd().split("\n");
    lines.forEach((line, i) => {
      if (line.startsWith("#EXT-X-STREAM-INF")) expect(lines[i + 1]?.startsWith("#")).toBe(false);
    });
  });

  it("serves a single rendition while the larger one is still being encoded", () => {
    expect(uris(masterPlaylist([v180]))).toEqual(["180p/index.m3u8"]);
  });

  it("refuses what would make an unplayable playlist", () => {
    expect(() => masterPlaylist([])).toThrow();
    expect(() => masterPlaylist([{ ...v180, bandwidth: 0 }])).toThrow();
    expect(() => masterPlaylist([{ ...v180, bandwidth: 1.5 }])).toThrow();
    expect(() => masterPlaylist([{ ...v180, uri: "a b.m3u8" }])).toThrow();
  });

  it("offers a small and a larger loop rendition, looked up by their URL name only", () => {
    expect(LOOP_RENDITIONS.map((r) => `${r.width}x${r.height}`)).toEqual(["320x180", "640x360"]);
    expect(renditionByName("360p")?.height).toBe(360);
    expect(renditionByName("..")).toBeNull();
    expect(renditionByName("index.m3u8")).toBeNull();
  });
});
