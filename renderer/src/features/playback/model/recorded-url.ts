import { RECORDING_PATHS } from "../../../../../shared/protocol/recordings.js";

/**
 * The recorded (VOD) playlist of a camera over [fromMs, toMs), next to its live playlist on the
 * backend; null for a stream URL that is not the backend's.
 */
export function recordedUrlFor(streamUrl: string, fromMs: number, toMs: number): string | null {
  try {
    const url = new URL(streamUrl);
    if (!url.pathname.endsWith("/index.m3u8")) return null;
    url.pathname = url.pathname.replace(/\/index\.m3u8$/, `/${RECORDING_PATHS.vodDir}/index.m3u8`);
    url.search = "";
    url.searchParams.set("from", new Date(fromMs).toISOString());
    url.searchParams.set("to", new Date(toMs).toISOString());
    return url.toString();
  } catch {
    return null;
  }
}
