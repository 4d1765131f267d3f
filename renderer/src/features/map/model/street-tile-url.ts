import { TileCoordinatesSchema, type TileCoordinates } from "../../../../../shared/basemap/basemap-schemas.js";

/**
 * Street map tiles reach maplibre through a protocol of our own rather than a URL on the web
 * server: each tile is a console API request, so Electron (IPC) and the browser console
 * (WebSocket with its page secret) fetch them the same way, with the same checks as everything
 * else the core answers, and no CSP or server route changes.
 */
export const STREET_TILE_SCHEME = "ioc-street";
export const STREET_TILE_URL = `${STREET_TILE_SCHEME}://tiles/{z}/{x}/{y}`;

/** Pure: the tile a URL of the scheme names, or null. */
export function parseTileUrl(url: string): TileCoordinates | null {
  const match = /^ioc-street:\/\/tiles\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  if (match === null) return null;
  const parsed = TileCoordinatesSchema.safeParse({ z: Number(match[1]), x: Number(match[2]), y: Number(match[3]) });
  return parsed.success ? parsed.data : null;
}

export function base64ToBytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
