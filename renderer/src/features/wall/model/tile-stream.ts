import type { Camera } from "../../../../../shared/domain/camera.js";

/** Tiles shorter than this play a camera's sub-stream where it has one: the main stream's pixels would be thrown away. */
export const SUB_STREAM_BELOW_PX = 480;

/** The name the backend serves a camera's sub-stream under (backend/hls/video-service.ts). */
const SUB_RENDITION = "sub";

/**
 * Pure: the live playlist a tile of this height plays: the sub-stream's for a small tile of a
 * camera that has one, else the camera's own. Height 0 (not laid out yet) counts as large: the
 * main stream until the tile is measured.
 */
export function liveUrlForTile(camera: Pick<Camera, "streamUrl" | "setup">, tileHeightPx: number): string {
  if (camera.setup?.subStreamUrl == null || tileHeightPx <= 0 || tileHeightPx >= SUB_STREAM_BELOW_PX) return camera.streamUrl;
  try {
    const url = new URL(camera.streamUrl);
    if (!url.pathname.endsWith("/index.m3u8")) return camera.streamUrl;
    url.pathname = url.pathname.replace(/\/index\.m3u8$/, `/${SUB_RENDITION}/index.m3u8`);
    return url.toString();
  } catch {
    return camera.streamUrl;
  }
}
