import type { Camera } from "../../../../../shared/domain/camera.js";
import type { WallLayoutId } from "../../../../../shared/domain/wall-view.js";
import { tileCount, TILE_SLOTS } from "./wall-layouts.js";

/**
 * What the wall shows: a layout and a camera per tile slot. Slots beyond the layout's tile count
 * keep their cameras, so going from 3x3 to 1x1 and back brings the same nine cameras back.
 */
export interface Arrangement {
  layout: WallLayoutId;
  tiles: readonly (string | null)[];
}

export function normaliseTiles(tiles: readonly (string | null)[]): (string | null)[] {
  const out = tiles.slice(0, TILE_SLOTS);
  while (out.length < TILE_SLOTS) out.push(null);
  return out;
}

/** The cameras the visible tiles show, in tile order (null = empty tile). */
export function visibleTiles(arrangement: Arrangement): (string | null)[] {
  return normaliseTiles(arrangement.tiles).slice(0, tileCount(arrangement.layout));
}

export function setLayout(arrangement: Arrangement, layout: WallLayoutId): Arrangement {
  return { layout, tiles: normaliseTiles(arrangement.tiles) };
}

/**
 * Puts a camera in a tile. A camera shows once on the wall: if it was already in another slot,
 * the two slots swap, so dragging cam-05 onto cam-02's tile moves cam-02 to where cam-05 was.
 */
export function assignCamera(arrangement: Arrangement, tile: number, cameraId: string): Arrangement {
  if (tile < 0 || tile >= TILE_SLOTS) return arrangement;
  const tiles = normaliseTiles(arrangement.tiles);
  const from = tiles.indexOf(cameraId);
  if (from === tile) return arrangement;
  if (from >= 0) tiles[from] = tiles[tile] ?? null;
  tiles[tile] = cameraId;
  return { ...arrangement, tiles };
}

export function swapTiles(arrangement: Arrangement, a: number, b: number): Arrangement {
  if (a === b || a < 0 || b < 0 || a >= TILE_SLOTS || b >= TILE_SLOTS) return arrangement;
  const tiles = normaliseTiles(arrangement.tiles);
  [tiles[a], tiles[b]] = [tiles[b] ?? null, tiles[a] ?? null];
  return { ...arrangement, tiles };
}

export function clearTile(arrangement: Arrangement, tile: number): Arrangement {
  const tiles = normaliseTiles(arrangement.tiles);
  if (tiles[tile] === undefined || tiles[tile] === null) return arrangement;
  tiles[tile] = null;
  return { ...arrangement, tiles };
}

const PREFERRED_FIRST = "cam-01";

function rank(a: Camera, b: Camera): number {
  if (a.status !== b.status) return a.status === "online" ? -1 : 1;
  if (a.id === PREFERRED_FIRST || b.id === PREFERRED_FIRST) return a.id === PREFERRED_FIRST ? -1 : 1;
  return a.id.localeCompare(b.id, "en", { numeric: true });
}

/**
 * A first arrangement for an operator with no saved view: online cameras first (cam-01, the live
 * one, at the top-left), in every slot, so any layout starts full. Cameras that no longer exist
 * leave their slot empty rather than shifting the others under the operator's eyes.
 */
export function defaultArrangement(cameras: readonly Camera[], layout: WallLayoutId = "2x2"): Arrangement {
  const ids = [...cameras].sort(rank).map((camera) => camera.id);
  return { layout, tiles: normaliseTiles(ids) };
}

/** Forgets cameras that no longer exist (deleted from the catalogue). */
export function dropUnknownCameras(arrangement: Arrangement, known: ReadonlySet<string>): Arrangement {
  const tiles = normaliseTiles(arrangement.tiles);
  let changed = false;
  for (let i = 0; i < tiles.length; i++) {
    const id = tiles[i];
    if (id !== null && id !== undefined && !known.has(id)) {
      tiles[i] = null;
      changed = true;
    }
  }
  return changed ? { ...arrangement, tiles } : arrangement;
}
