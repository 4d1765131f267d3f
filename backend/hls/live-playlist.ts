import { SERVER_CONTROL_BLOCKING_TAG } from "../../shared/protocol/hls-directives.js";

/**
 * A looped clip served as a live HLS stream that advances with the wall clock, so every
 * console sees the same moment of a simulated camera and players behave as with a real one.
 *
 * Media sequence n is loop segment (n mod segmentCount) and starts at epoch + n·duration. The
 * segments are served with their timestamps moved on by one loop length per wrap
 * (ts-timestamps.ts), so the stream is continuous and needs no EXT-X-DISCONTINUITY.
 */

export interface LivePlaylistInput {
  /** Segments in the encoded loop. */
  segmentCount: number;
  /** Seconds per segment (the loop is encoded with equal segments). */
  segmentDuration: number;
  /** Wall-clock time at which media sequence 0 starts. */
  epochMs: number;
  nowMs: number;
  /** How many of the latest complete segments the playlist lists. */
  windowSize: number;
  /** Advertise blocking playlist reloads (only where the transport multiplexes: HTTP/2). */
  canBlockReload?: boolean;
}

export function segmentUri(mediaSequence: number): string {
  return `seg-${mediaSequence}.ts`;
}

/** "seg-123.ts" → 123; anything else (including path tricks) → null. */
export function parseSegmentUri(name: string): number | null {
  const match = /^seg-(\d{1,15})\.ts$/.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Which file of the loop plays at a media sequence number. */
export function loopSegmentIndex(mediaSequence: number, segmentCount: number): number {
  return mediaSequence % segmentCount;
}

/** The window of complete segments at `nowMs`: [first, last] media sequence numbers. */
export function liveWindow(input: LivePlaylistInput): { first: number; last: number } {
  const durationMs = input.segmentDuration * 1000;
  // Segment k is still "being recorded" until epoch + (k+1)·duration; list only finished ones,
  // and always at least segment 0 so a player never gets an empty playlist.
  const inProgress = Math.max(1, Math.floor((input.nowMs - input.epochMs) / durationMs));
  const last = inProgress - 1;
  return { first: Math.max(0, last - input.windowSize + 1), last };
}

/** When segment n is complete and listed: the end of its time slot. */
export function segmentCompleteAtMs(input: Pick<LivePlaylistInput, "epochMs" | "segmentDuration">, mediaSequence: number): number {
  return input.epochMs + (mediaSequence + 1) * input.segmentDuration * 1000;
}

export function livePlaylist(input: LivePlaylistInput): string {
  if (!Number.isInteger(input.segmentCount) || input.segmentCount < 1) throw new Error("segmentCount must be a positive integer");
  if (!(input.segmentDuration > 0)) throw new Error("segmentDuration must be positive");
  if (!Number.isInteger(input.windowSize) || input.windowSize < 1) throw new Error("windowSize must be a positive integer");
  const { first, last } = liveWindow(input);
  const durationMs = input.segmentDuration * 1000;
  const lines = [
    "#EXTM3U",
    "#EXT-X-VERSION:3",
    `#EXT-X-TARGETDURATION:${Math.ceil(input.segmentDuration)}`,
    ...(input.canBlockReload === true ? [SERVER_CONTROL_BLOCKING_TAG] : []),
    "#EXT-X-INDEPENDENT-SEGMENTS",
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
  ];
  for (let n = first; n <= last; n++) {
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(input.epochMs + n * durationMs).toISOString()}`);
    lines.push(`#EXTINF:${input.segmentDuration.toFixed(3)},`);
    lines.push(segmentUri(n));
  }
  return `${lines.join("\n")}\n`;
}

export interface Variant {
  /** Media playlist URI, relative to the master playlist. */
  uri: string;
  /** Peak bits per second over the segments. */
  bandwidth: number;
  width: number;
  height: number;
  frameRate: number;
}

/**
 * A master playlist listing one camera's renditions, smallest first (the order hls.js starts from).
 * Players pick among them by their size and bandwidth.
 */
export function masterPlaylist(variants: readonly Variant[]): string {
  if (variants.length === 0) throw new Error("a master playlist needs at least one variant");
  const lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-INDEPENDENT-SEGMENTS"];
  for (const v of [...variants].sort((a, b) => a.height - b.height || a.bandwidth - b.bandwidth)) {
    if (!Number.isInteger(v.bandwidth) || v.bandwidth < 1) throw new Error(`BANDWIDTH of ${v.uri} must be a positive integer`);
    if (/[\s"]/.test(v.uri) || v.uri.length === 0) throw new Error(`bad variant URI ${JSON.stringify(v.uri)}`);
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth},RESOLUTION=${v.width}x${v.height},FRAME-RATE=${v.frameRate.toFixed(3)}`);
    lines.push(v.uri);
  }
  return `${lines.join("\n")}\n`;
}
