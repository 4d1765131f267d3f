import type { HlsConfig } from "hls.js";

/**
 * One configuration for every live tile. Operators need "now", not smoothness:
 * stay about a second behind the live edge, catch up by playing faster (up to 1.5×)
 * rather than jumping, and jump back to the edge only past 3 s. Keep little back buffer
 * because nobody seeks on a live tile (memory stays flat over a shift), and fetch no
 * rendition larger than the tile shows.
 *
 * lowLatencyMode must be on: hls.js only adjusts the playback rate towards liveSyncDuration
 * in low-latency mode, so with it off a tile that fell behind at start-up or after a stall
 * stayed there (3–4 s measured). It enables nothing else here: our playlists have no
 * EXT-X-PART and no CAN-BLOCK-RELOAD, so there are no partial segments or blocking reloads.
 * hls.js catches up only within one target duration past liveSyncDuration (1 + 1 s here) and
 * seeks only past liveMaxLatencyDuration: with 4 s, a tile 3–4 s behind did neither, hence 3.
 */
export const LIVE_HLS_CONFIG: Partial<HlsConfig> = {
  liveSyncDuration: 1,
  liveMaxLatencyDuration: 3,
  maxLiveSyncPlaybackRate: 1.5,
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
