import type { WallTour } from "../../../../../shared/domain/wall-view.js";
import { assignCamera, normaliseTiles, type Arrangement } from "./wall-arrangement.js";

/** Tours wait this long after the operator last touched the wall before moving on. */
export const TOUR_PAUSE_AFTER_INTERACTION_MS = 15_000;

/** How many steps a tour has before it starts over. */
export function tourLength(tour: WallTour, visibleTileCount: number): number {
  if (tour.scope.kind === "tile") return tour.cameraIds.length;
  return Math.max(1, Math.ceil(tour.cameraIds.length / Math.max(1, visibleTileCount)));
}

/**
 * The arrangement at a step of a tour. A view tour pages through its cameras a wall-full at a
 * time (the last page is topped up from the start so no tile goes blank); a tile tour changes one tile.
 */
export function applyTourStep(arrangement: Arrangement, tour: WallTour, step: number, visibleTileCount: number): Arrangement {
  const ids = tour.cameraIds;
  if (ids.length === 0) return arrangement;
  const index = ((step % tourLength(tour, visibleTileCount)) + tourLength(tour, visibleTileCount)) % tourLength(tour, visibleTileCount);
  if (tour.scope.kind === "tile") return assignCamera(arrangement, tour.scope.tile, ids[index] ?? ids[0]!);
  const tiles = normaliseTiles(arrangement.tiles);
  const count = Math.min(visibleTileCount, ids.length);
  for (let i = 0; i < visibleTileCount; i++) tiles[i] = i < count ? (ids[(index * visibleTileCount + i) % ids.length] ?? null) : null;
  return { ...arrangement, tiles };
}

/** Whether the tour may advance now: not while the operator is working on the wall. */
export function tourMayAdvance(nowMs: number, lastInteractionMs: number, paused: boolean): boolean {
  return !paused && nowMs - lastInteractionMs >= TOUR_PAUSE_AFTER_INTERACTION_MS;
}
