import { describe, expect, it } from "vitest";
import { liveUrlForTile, SUB_STREAM_BELOW_PX } from "../../renderer/src/features/wall/model/tile-stream.js";

const setup = { url: "rtsp://10.0.0.7/main", subStreamUrl: "rtsp://10.0.0.7/sub", recording: true, retentionDays: 30, hasCredentials: false, enabled: true };
const withSub = { streamUrl: "https://ioc.local:8420/hls/cam-a/index.m3u8", setup };

describe("which stream a wall tile plays", () => {
  it("plays the sub-stream in tiles under 480 px high, the main stream in larger ones", () => {
    expect(liveUrlForTile(withSub, 270)).toBe("https://ioc.local:8420/hls/cam-a/sub/index.m3u8");
    expect(liveUrlForTile(withSub, SUB_STREAM_BELOW_PX - 1)).toBe("https://ioc.local:8420/hls/cam-a/sub/index.m3u8");
    expect(liveUrlForTile(withSub, SUB_STREAM_BELOW_PX)).toBe(withSub.streamUrl);
    expect(liveUrlForTile(withSub, 1080)).toBe(withSub.streamUrl);
  });

  it("switches when a layout change resizes the tile", () => {
    const heights = [820, 410, 273, 820];
    expect(heights.map((h) => liveUrlForTile(withSub, h).includes("/sub/"))).toEqual([false, true, true, false]);
  });

  it("keeps the main stream for a camera without a sub-stream, and before the tile is measured", () => {
    expect(liveUrlForTile({ ...withSub, setup: { ...setup, subStreamUrl: null } }, 200)).toBe(withSub.streamUrl);
    expect(liveUrlForTile({ streamUrl: withSub.streamUrl }, 200)).toBe(withSub.streamUrl);
    expect(liveUrlForTile(withSub, 0)).toBe(withSub.streamUrl);
  });
});
