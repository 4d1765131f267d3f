import { z } from "zod";

/**
 * Delivery directives a low-latency HLS player adds to a live playlist reload (RFC 8216bis
 * §6.2.5). Our playlists have no parts and no delta updates, so only _HLS_msn matters: "answer
 * when the playlist holds media sequence number n". The others are accepted and ignored, and
 * anything else in the query (a player's cache buster) is dropped.
 */
export const HlsPlaylistQuerySchema = z.object({
  _HLS_msn: z.coerce.number().int().nonnegative().optional(),
  _HLS_part: z.coerce.number().int().nonnegative().optional(),
  _HLS_skip: z.enum(["YES", "v2"]).optional(),
});
export type HlsPlaylistQuery = z.infer<typeof HlsPlaylistQuerySchema>;

/**
 * A blocking reload may ask for at most two segments past the newest one (the spec's limit; more
 * is a bad request), and is answered within three target durations.
 */
export const MAX_BLOCKING_MSN_AHEAD = 2;
export const BLOCKING_RELOAD_TARGET_DURATIONS = 3;

export const SERVER_CONTROL_BLOCKING_TAG = "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES";
