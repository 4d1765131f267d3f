import { SERVER_CONTROL_BLOCKING_TAG } from "../../shared/protocol/hls-directives.js";

/** Reading the playlists ffmpeg writes. Pure text functions. */

export interface VodPlaylist {
  segmentFiles: string[];
  durations: number[];
}

/** Segment file names and EXTINF durations of a VOD playlist, in order. */
export function parseVodPlaylist(text: string): VodPlaylist {
  const segmentFiles: string[] = [];
  const durations: number[] = [];
  let pendingDuration: number | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("#EXTINF:")) {
      pendingDuration = Number.parseFloat(line.slice("#EXTINF:".length));
    } else if (line.length > 0 && !line.startsWith("#")) {
      if (pendingDuration === null || !Number.isFinite(pendingDuration)) throw new Error(`Segment ${line} has no EXTINF duration`);
      segmentFiles.push(line);
      durations.push(pendingDuration);
      pendingDuration = null;
    }
  }
  return { segmentFiles, durations };
}

/**
 * True when a live playlist looks fully written: an old ffmpeg (4.1) rewrites it in place
 * rather than via rename, so a reader can catch it half-written.
 */
export function isCompleteLivePlaylist(text: string): boolean {
  if (!text.startsWith("#EXTM3U") || !text.endsWith("\n")) return false;
  const lines = text.trimEnd().split(/\r?\n/);
  const lastLine = lines[lines.length - 1] ?? "";
  return text.includes("#EXTINF:") && lastLine.length > 0 && (!lastLine.startsWith("#") || lastLine === "#EXT-X-ENDLIST");
}

/**
 * The last `keep` segments of a live media playlist, with EXT-X-MEDIA-SEQUENCE and
 * EXT-X-DISCONTINUITY-SEQUENCE moved on by what was dropped. ffmpeg keeps the DVR window
 * (minutes of segments) in one playlist; live tiles only need its tail, and a short playlist
 * is cheaper to fetch and parse every second on a wall of 25 tiles.
 */
export function trimLivePlaylist(text: string, keep: number): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const header: string[] = [];
  const segments: string[][] = [];
  let pending: string[] = [];
  let inSegments = false;
  for (const line of lines) {
    const isUri = !line.startsWith("#");
    const segmentTag = /^#EXT(INF|-X-PROGRAM-DATE-TIME|-X-DISCONTINUITY$|-X-BYTERANGE|-X-KEY|-X-MAP|-X-GAP)/.test(line);
    if (!inSegments && !isUri && !segmentTag) {
      header.push(line);
      continue;
    }
    if (line === "#EXT-X-ENDLIST") {
      pending.push(line);
      continue;
    }
    inSegments = true;
    pending.push(line);
    if (isUri) {
      segments.push(pending);
      pending = [];
    }
  }
  const dropCount = Math.max(0, segments.length - Math.max(1, keep));
  if (dropCount === 0) return `${lines.join("\n")}\n`;
  const dropped = segments.slice(0, dropCount);
  const kept = segments.slice(dropCount);
  const droppedDiscontinuities = dropped.flat().filter((line) => line === "#EXT-X-DISCONTINUITY").length;
  // A discontinuity tag on the new first segment is already counted by the discontinuity sequence.
  const first = (kept[0] ?? []).filter((line) => line !== "#EXT-X-DISCONTINUITY");
  const firstHadDiscontinuity = (kept[0] ?? []).length !== first.length;
  const discontinuityShift = droppedDiscontinuities + (firstHadDiscontinuity ? 1 : 0);
  let sawDiscontinuitySequence = false;
  let sawMediaSequence = false;
  const newHeader = header.map((line) => {
    const media = /^#EXT-X-MEDIA-SEQUENCE:(\d+)$/.exec(line);
    if (media?.[1] !== undefined) {
      sawMediaSequence = true;
      return `#EXT-X-MEDIA-SEQUENCE:${Number(media[1]) + dropCount}`;
    }
    const disc = /^#EXT-X-DISCONTINUITY-SEQUENCE:(\d+)$/.exec(line);
    if (disc?.[1] !== undefined) {
      sawDiscontinuitySequence = true;
      return `#EXT-X-DISCONTINUITY-SEQUENCE:${Number(disc[1]) + discontinuityShift}`;
    }
    return line;
  });
  if (!sawMediaSequence) newHeader.push(`#EXT-X-MEDIA-SEQUENCE:${dropCount}`);
  if (!sawDiscontinuitySequence && discontinuityShift > 0) newHeader.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${discontinuityShift}`);
  return `${[...newHeader, ...first, ...kept.slice(1).flat(), ...pending].join("\n")}\n`;
}

/** The media sequence number of a media playlist's last segment, or null if it lists none. */
export function lastMediaSequence(text: string): number | null {
  const first = /^#EXT-X-MEDIA-SEQUENCE:(\d+)\s*$/m.exec(text);
  const segments = text.split(/\r?\n/).filter((line) => line.trim().length > 0 && !line.startsWith("#")).length;
  if (segments === 0) return null;
  return (first?.[1] === undefined ? 0 : Number(first[1])) + segments - 1;
}

/** The playlist with blocking reloads advertised (after EXT-X-TARGETDURATION, where ffmpeg writes none). */
export function withBlockingReload(text: string): string {
  if (text.includes("#EXT-X-SERVER-CONTROL")) return text;
  return text.replace(/^(#EXT-X-TARGETDURATION:[^\r\n]*)$/m, `$1\n${SERVER_CONTROL_BLOCKING_TAG}`);
}
