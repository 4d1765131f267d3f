import { assertNever } from "../../../../../shared/result.js";
import { backoffDelayMs, type BackoffOptions } from "../../../../../shared/backoff.js";

export type TileState = "connecting" | "playing" | "stalled" | "reconnecting" | "offline" | "error";

export type TileEvent =
  | { type: "camera-offline" }
  | { type: "start" }
  | { type: "playing" }
  | { type: "stalled" }
  | { type: "network-lost" }
  | { type: "fatal" };

/** What a tile shows after something happens to its camera or its player. */
export function nextTileState(state: TileState, event: TileEvent): TileState {
  switch (event.type) {
    case "camera-offline":
      return "offline";
    case "start":
      // A restart after a network loss is still "reconnecting" until a frame plays.
      return state === "reconnecting" ? "reconnecting" : "connecting";
    case "playing":
      return state === "offline" ? state : "playing";
    case "stalled":
      return state === "playing" ? "stalled" : state;
    case "network-lost":
      return state === "offline" ? state : "reconnecting";
    case "fatal":
      return state === "offline" ? state : "error";
    default:
      return assertNever(event);
  }
}

export const STREAM_RETRY_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 15_000, jitter: 0.2 };

/** Delay before the next attempt to reload a stream after a fatal network error. */
export function streamRetryDelayMs(attempt: number, random?: number): number {
  return backoffDelayMs(attempt, STREAM_RETRY_BACKOFF, random);
}

/** Seconds behind live, from hls.js's estimate or, failing that, the program date time. */
export function liveLatencySeconds(hlsLatency: number | null, playingDateMs: number | null, nowMs: number): number | null {
  if (hlsLatency !== null && Number.isFinite(hlsLatency) && hlsLatency > 0) return hlsLatency;
  if (playingDateMs !== null && Number.isFinite(playingDateMs)) {
    const seconds = (nowMs - playingDateMs) / 1000;
    if (seconds >= 0 && seconds < 3600) return seconds;
  }
  return null;
}

/** "1,8" in Vietnamese, "1.8" in English. */
export function formatLatency(seconds: number, locale: string): string {
  return seconds.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
