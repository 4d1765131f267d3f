import type { HlsConfig } from "hls.js";

/**
 * One configuration for every live tile. Operators need "now", not smoothness:
 * stay about a second behind the live edge, catch up by playing faster (up to 1.5×)
 * rather than jumping, and keep little back buffer because nobody seeks on the wall.
 */
export const LIVE_HLS_CONFIG: Partial<HlsConfig> = {
  liveSyncDuration: 1,
  liveMaxLatencyDuration: 4,
  maxLiveSyncPlaybackRate: 1.5,
  backBufferLength: 10,
  lowLatencyMode: false,
  capLevelToPlayerSize: true,
};
