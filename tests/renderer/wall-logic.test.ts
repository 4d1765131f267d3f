import { describe, expect, it } from "vitest";
import { LIVE_HLS_CONFIG } from "../../renderer/src/features/wall/model/hls-config.js";
import { formatLatency, liveLatencySeconds, nextTileState, streamRetryDelayMs } from "../../renderer/src/features/wall/model/tile-state.js";
import { FORGIVE_STALLS_AFTER_MS, forgivenTargetLatency } from "../../renderer/src/features/wall/model/stall-forgiveness.js";
import { catchUpRate, DroppedFrames, LIVE_CATCH_UP } from "../../renderer/src/features/wall/platform/live-catch-up.js";

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
      maxLiveSyncPlaybackRate: 1,
      liveSyncOnStallIncrease: 0.25,
      backBufferLength: 10,
      maxBufferLength: 8,
      lowLatencyMode: true,
      capLevelToPlayerSize: true,
    });
  });

  it("leaves no latency band where a tile neither speeds up nor jumps back (1 s segments)", () => {
    const sync = LIVE_HLS_CONFIG.liveSyncDuration ?? Number.NaN;
    // Our catch-up starts below the point where hls.js jumps back to the live edge...
    expect(LIVE_CATCH_UP.above).toBeLessThan(LIVE_HLS_CONFIG.liveMaxLatencyDuration ?? Number.NaN);
    // ...and settles above the start-up target, so it never chases a latency it cannot hold.
    expect(LIVE_CATCH_UP.settleBelow).toBeGreaterThan(sync);
    expect(LIVE_CATCH_UP.settleBelow).toBeLessThan(LIVE_CATCH_UP.above);
  });
});

describe("live catch-up", () => {
  const at = (latencySeconds: number | null, currentRate = 1, droppedShare = 0) => catchUpRate({ latencySeconds, currentRate, droppedShare });
  it("speeds up past the threshold and keeps that rate until well back, then plays at normal speed", () => {
    expect(at(1.5)).toBe(1);
    expect(at(2.2)).toBe(LIVE_CATCH_UP.rate);
    expect(at(1.7, LIVE_CATCH_UP.rate)).toBe(LIVE_CATCH_UP.rate);
    expect(at(1.5, LIVE_CATCH_UP.rate)).toBe(1);
  });
  it("catches up a tile that settled just under 2 s behind (started 1 s behind an edge almost a segment old)", () => {
    expect(at(1.9)).toBe(LIVE_CATCH_UP.rate);
  });
  it("plays at normal speed when the latency is unknown or the tile is already dropping frames", () => {
    expect(at(null, LIVE_CATCH_UP.rate)).toBe(1);
    expect(at(Number.NaN)).toBe(1);
    expect(at(3, 1, 0.05)).toBe(1);
    expect(at(3, LIVE_CATCH_UP.rate, 0.05)).toBe(1);
  });
  it("counts dropped frames over a sliding window of per-second samples", () => {
    const frames = new DroppedFrames(2);
    frames.sample(0, 0);
    frames.sample(5, 25);
    expect(frames.share()).toBeCloseTo(0.2);
    frames.sample(5, 50);
    frames.sample(5, 75);
    expect(frames.share()).toBe(0);
    // A player replaced under the tile starts its counters again: no negative sample.
    frames.sample(0, 10);
    frames.sample(1, 35);
    expect(frames.share()).toBeCloseTo(1 / 50);
  });
});

describe("stall forgiveness", () => {
  const configured = 1;
  it("returns the target to the configured latency after a long enough run without stalls", () => {
    expect(forgivenTargetLatency({ nowMs: 100_000, lastStallAtMs: 100_000 - FORGIVE_STALLS_AFTER_MS, currentTarget: 2, configured })).toBe(1);
  });
  it("leaves it alone soon after a stall, when already at target, or before hls.js knows one", () => {
    expect(forgivenTargetLatency({ nowMs: 100_000, lastStallAtMs: 100_000 - FORGIVE_STALLS_AFTER_MS + 1, currentTarget: 2, configured })).toBeNull();
    expect(forgivenTargetLatency({ nowMs: 100_000, lastStallAtMs: 0, currentTarget: 1, configured })).toBeNull();
    expect(forgivenTargetLatency({ nowMs: 100_000, lastStallAtMs: 0, currentTarget: null, configured })).toBeNull();
  });
  it("is used with the live configuration's own target", () => {
    expect(LIVE_HLS_CONFIG.liveSyncDuration).toBe(1);
    expect(LIVE_HLS_CONFIG.liveSyncOnStallIncrease).toBeLessThan(1);
  });
});
