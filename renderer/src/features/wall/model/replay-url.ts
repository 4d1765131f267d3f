/** The DVR playlist next to a camera's live playlist (the backend serves both), or null for other sources. */
export function replayUrlFor(streamUrl: string): string | null {
  try {
    const url = new URL(streamUrl);
    if (!url.pathname.endsWith("/index.m3u8")) return null;
    url.pathname = url.pathname.replace(/\/index\.m3u8$/, "/dvr.m3u8");
    return url.toString();
  } catch {
    return null;
  }
}

/** Where to seek to be `secondsBack` behind the newest picture, kept inside what the stream still holds. */
export function replaySeekTarget(seekableStart: number, seekableEnd: number, secondsBack: number): number {
  if (!Number.isFinite(seekableStart) || !Number.isFinite(seekableEnd) || seekableEnd <= seekableStart) return seekableEnd;
  return Math.min(seekableEnd, Math.max(seekableStart, seekableEnd - Math.max(0, secondsBack)));
}
