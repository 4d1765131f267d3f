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
