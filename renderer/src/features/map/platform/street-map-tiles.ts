import { addProtocol } from "maplibre-gl";
import type { TileCoordinates } from "../../../../../shared/basemap/basemap-schemas.js";
import type { Result } from "../../../../../shared/result.js";
import { base64ToBytes, parseTileUrl, STREET_TILE_SCHEME } from "../model/street-tile-url.js";

export type TileLoader = (tile: TileCoordinates) => Promise<Result<{ data: string | null }>>;

let loader: TileLoader | null = null;
let registered = false;

/** Points the protocol at this page's console client (registered once: maplibre's protocols are global). */
export function setTileLoader(next: TileLoader): void {
  loader = next;
  if (registered) return;
  registered = true;
  addProtocol(STREET_TILE_SCHEME, async (request) => {
    const tile = parseTileUrl(request.url);
    if (tile === null || loader === null) throw new Error(`Not a street map tile: ${request.url}`);
    const answer = await loader(tile);
    if (!answer.ok) throw new Error(answer.error.message);
    // A tile the map has no data for is empty, not an error: maplibre draws nothing there.
    const bytes = answer.value.data === null ? new Uint8Array(0) : base64ToBytes(answer.value.data);
    return { data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
  });
}
