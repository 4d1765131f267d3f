import { describe, expect, it } from "vitest";
import { LIVE_HLS_CONFIG } from "../../renderer/src/views/wall/hls-config.js";
import { formatLatency, liveLatencySeconds, nextTileState, streamRetryDelayMs } from "../../renderer/src/views/wall/tile-state.js";

describe("tile state", () => {
  it("walks connecting → playing → stalled → playing", () => {
    let s = nextTileState("connecting", { type: "playing" });
    expect(s).toBe("playing");
    s = nextTileState(s, { type: "stalled" });
    expect(s).toBe("stalled");
    expect(nextTileState(s, { type: "playing" })).toBe("playing");
  });

  it("stays reconnecting across restarts until a frame plays", () => {
    let s = nextTileState("playing", { type: "network-lost" });
    expect(s).toBe("reconnecting");
    s = nextTileState(s, { type: "start" });
    expect(s).toBe("reconnecting");
    expect(nextTileState("error", { type: "start" })).toBe("connecting");
  });

  it("offline wins over player noise", () => {
    const s = nextTileState("playing", { type: "camera-offline" });
    expect(nextTileState(s, { type: "playing" })).toBe("offline");
    expect(nextTileState(s, { type: "fatal" })).toBe("offline");
    expect(nextTileState("connecting", { type: "stalled" })).toBe("connecting");
  });

  it("backs off reloads up to 15 s", () => {
    expect(streamRetryDelayMs(0, 0.5)).toBe(1000);
    expect(streamRetryDelayMs(3, 0.5)).toBe(8000);
    expect(streamRetryDelayMs(10, 0.5)).toBe(15_000);
  });

  it("estimates latency from hls.js, else from the program date time", () => {
    expect(liveLatencySeconds(1.8, null, 0)).toBe(1.8);
    expect(liveLatencySeconds(0, 10_000, 12_500)).toBe(2.5);
    expect(liveLatencySeconds(Number.NaN, null, 0)).toBeNull();
    expect(liveLatencySeconds(null, 20_000, 10_000)).toBeNull();
    expect(formatLatency(1.84, "vi-VN")).toBe("1,8");
    expect(formatLatency(1.84, "en-GB")).toBe("1.8");
  });

  it("uses the agreed low-latency live configuration", () => {
    expect(LIVE_HLS_CONFIG).toEqual({
      liveSyncDuration: 1,
      liveMaxLatencyDuration: 3,
      maxLiveSyncPlaybackRate: 1.5,
      backBufferLength: 10,
      maxBufferLength: 8,
      lowLatencyMode: true,
      capLevelToPlayerSize: true,
    });
  });

  it("leaves no latency band where a tile neither speeds up nor jumps back (1 s segments)", () => {
    const targetDuration = 1;
    const sync = LIVE_HLS_CONFIG.liveSyncDuration ?? Number.NaN;
    // hls.js speeds up only in low-latency mode, and only up to sync + one target duration behind...
    expect(LIVE_HLS_CONFIG.lowLatencyMode).toBe(true);
    expect(LIVE_HLS_CONFIG.maxLiveSyncPlaybackRate).toBeGreaterThan(1);
    // ...and seeks back only past liveMaxLatencyDuration: the two ranges must meet.
    expect(LIVE_HLS_CONFIG.liveMaxLatencyDuration).toBeLessThanOrEqual(sync + 2 * targetDuration);
    expect(LIVE_HLS_CONFIG.liveMaxLatencyDuration).toBeGreaterThan(sync);
  });
});
