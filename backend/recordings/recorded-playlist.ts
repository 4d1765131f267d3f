import type { TimeSpan } from "../../shared/protocol/recordings.js";
import type { RecordedGap, RecordedSegment } from "../store/recording-index.js";

/**
 * Pure text and time functions of the recordings: reading the live playlists the recorder
 * follows, and writing the VOD playlists and timelines that playback reads.
 */

export interface DatedSegment {
  uri: string;
  startMs: number;
  durationMs: number;
}

/**
 * The segments of a live media playlist with their wall-clock starts. A segment without its own
 * EXT-X-PROGRAM-DATE-TIME follows the previous one; segments before the first date are skipped.
 */
export function parseDatedPlaylist(text: string): DatedSegment[] {
  const out: DatedSegment[] = [];
  let nextStart: number | null = null;
  let duration: number | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
      const at = Date.parse(line.slice("#EXT-X-PROGRAM-DATE-TIME:".length));
      nextStart = Number.isFinite(at) ? at : null;
    } else if (line.startsWith("#EXTINF:")) {
      const seconds = Number.parseFloat(line.slice("#EXTINF:".length));
      duration = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
    } else if (line === "#EXT-X-DISCONTINUITY") {
      nextStart = null;
    } else if (line.length > 0 && !line.startsWith("#")) {
      if (nextStart !== null && duration !== null) {
        out.push({ uri: line, startMs: nextStart, durationMs: duration });
        nextStart += duration;
      }
      duration = null;
    }
  }
  return out;
}

/** Two segments further apart than this are separated by a gap (a lost segment or more). */
export function gapToleranceMs(durationMs: number): number {
  return Math.max(250, Math.round(durationMs / 2));
}

/** The gap between the last recorded segment and the next one, or null when they follow on. */
export function gapBetween(previous: RecordedSegment | null, next: { cameraId: string; startMs: number }): RecordedGap | null {
  if (previous === null) return null;
  const endMs = previous.startMs + previous.durationMs;
  return next.startMs - endMs > gapToleranceMs(previous.durationMs) ? { cameraId: next.cameraId, startMs: endMs, endMs: next.startMs } : null;
}

export function recordedSegmentName(startMs: number): string {
  return `${startMs}.ts`;
}

/** "1733300000000.ts" → 1733300000000; anything else → null. */
export function parseRecordedSegmentName(name: string): number | null {
  const match = /^(\d{1,15})\.ts$/.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * A VOD playlist of recorded segments, each dated (EXT-X-PROGRAM-DATE-TIME) so the player knows
 * the wall-clock time it shows. Segments that do not follow on (a gap between them) or change
 * picture are separated by EXT-X-DISCONTINUITY: their timestamps do not continue.
 */
export function recordedPlaylist(segments: readonly RecordedSegment[], uriOf: (segment: RecordedSegment) => string = (s) => recordedSegmentName(s.startMs)): string {
  const target = Math.max(1, ...segments.map((s) => Math.ceil(s.durationMs / 1000)));
  const lines = ["#EXTM3U", "#EXT-X-VERSION:3", `#EXT-X-TARGETDURATION:${target}`, "#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-MEDIA-SEQUENCE:0"];
  let previous: RecordedSegment | null = null;
  for (const segment of segments) {
    if (previous !== null && (gapBetween(previous, segment) !== null || previous.variant !== segment.variant)) lines.push("#EXT-X-DISCONTINUITY");
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(segment.startMs).toISOString()}`);
    lines.push(`#EXTINF:${(segment.durationMs / 1000).toFixed(3)},`);
    lines.push(uriOf(segment));
    previous = segment;
  }
  lines.push("#EXT-X-ENDLIST");
  return `${lines.join("\n")}\n`;
}

/** The recorded spans of a range: consecutive segments merged, clipped to [fromMs, toMs). */
export function recordedSpans(segments: readonly RecordedSegment[], fromMs: number, toMs: number): TimeSpan[] {
  const spans: TimeSpan[] = [];
  let previous: RecordedSegment | null = null;
  for (const segment of segments) {
    const startMs = Math.max(fromMs, segment.startMs);
    const endMs = Math.min(toMs, segment.startMs + segment.durationMs);
    if (endMs <= startMs) continue;
    const last = spans[spans.length - 1];
    if (last !== undefined && previous !== null && gapBetween(previous, segment) === null) last.endMs = Math.max(last.endMs, endMs);
    else spans.push({ startMs, endMs });
    previous = segment;
  }
  return spans;
}
