import type { HlsConfig } from "hls.js";

/**
 * One configuration for every live tile. Operators need "now", not smoothness:
 * stay about a second behind the live edge, catch up by playing faster (up to 1.5×)
 * rather than jumping (a jump only past 4 s), keep little back buffer because nobody
 * seeks on a live tile (memory stays flat over a shift), and fetch no rendition larger
 * than the tile shows.
 */
export const LIVE_HLS_CONFIG: Partial<HlsConfig> = {
  liveSyncDuration: 1,
  liveMaxLatencyDuration: 4,
  maxLiveSyncPlaybackRate: 1.5,
  backBufferLength: 10,
  maxBufferLength: 8,
  lowLatencyMode: false,
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
