import type { HlsConfig } from "hls.js";

/**
 * One configuration for every live tile. Operators need "now", not smoothness: start about a
 * second behind the live edge and jump back to it only past 3 s. Catching up by playing faster is
 * ours (live-catch-up.ts, with hysteresis), so hls.js's own rate control is off
 * (maxLiveSyncPlaybackRate 1). Keep little back buffer because nobody seeks on a live tile (memory
 * stays flat over a shift), and fetch no rendition larger than the tile shows.
 *
 * Each stall moves hls.js's target back by liveSyncOnStallIncrease, up to one target duration: at
 * its default (1 s) one stall while the console is starting keeps a tile 2.5 s behind for good;
 * a quarter second per stall still backs off a tile that keeps stalling (and stall-forgiveness.ts
 * undoes it after a quiet spell). lowLatencyMode makes hls.js use the backend's blocking playlist
 * reloads (CAN-BLOCK-RELOAD, over HTTP/2): it asks for the next segment and hears of it the moment
 * it exists, instead of polling once a target duration and learning of it up to a second late.
 */
export const LIVE_HLS_CONFIG: Partial<HlsConfig> = {
  liveSyncDuration: 1,
  liveMaxLatencyDuration: 3,
  maxLiveSyncPlaybackRate: 1,
  liveSyncOnStallIncrease: 0.25,
  backBufferLength: 10,
  maxBufferLength: 8,
  lowLatencyMode: true,
  capLevelToPlayerSize: true,
};

/**
 * Instant replay plays the DVR playlist: no catching up with live (it would yank the operator
 * back to now) and a larger back buffer so scrubbing back and forth does not refetch.
 */
export const REPLAY_HLS_CONFIG: Partial<HlsConfig> = {
  backBufferLength: 60,
  maxBufferLength: 20,
  lowLatencyMode: false,
  capLevelToPlayerSize: true,
};
