import { MAX_WALL_TILES, type WallLayoutId } from "../../../../../shared/domain/wall-view.js";

/** Where one tile sits in the layout's CSS grid (1-based lines, as grid-area wants). */
export interface TilePlacement {
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
}

export interface WallLayout {
  id: WallLayoutId;
  columns: number;
  rows: number;
  /** One placement per tile, in tile order; tile 0 is the large one in focus layouts. */
  tiles: readonly TilePlacement[];
}

export const LAYOUT_IDS: readonly WallLayoutId[] = ["1x1", "2x2", "3x3", "4x4", "5x5", "6x6", "7x7", "8x8", "1+5", "1+7", "1+12"];

function grid(id: WallLayoutId, n: number): WallLayout {
  const tiles: TilePlacement[] = [];
  for (let row = 1; row <= n; row++) for (let column = 1; column <= n; column++) tiles.push({ row, column, rowSpan: 1, columnSpan: 1 });
  return { id, columns: n, rows: n, tiles };
}

/** A large tile of `big`×`big` cells in the top-left corner of an n×n grid, small tiles in the other cells. */
function focus(id: WallLayoutId, n: number, big: number): WallLayout {
  const tiles: TilePlacement[] = [{ row: 1, column: 1, rowSpan: big, columnSpan: big }];
  for (let row = 1; row <= n; row++) {
    for (let column = 1; column <= n; column++) {
      if (row <= big && column <= big) continue;
      tiles.push({ row, column, rowSpan: 1, columnSpan: 1 });
    }
  }
  return { id, columns: n, rows: n, tiles };
}

export const LAYOUTS: Readonly<Record<WallLayoutId, WallLayout>> = {
  "1x1": grid("1x1", 1),
  "2x2": grid("2x2", 2),
  "3x3": grid("3x3", 3),
  "4x4": grid("4x4", 4),
  "5x5": grid("5x5", 5),
  "6x6": grid("6x6", 6),
  "7x7": grid("7x7", 7),
  "8x8": grid("8x8", 8),
  "1+5": focus("1+5", 3, 2),
  "1+7": focus("1+7", 4, 3),
  "1+12": focus("1+12", 4, 2),
};

export function tileCount(layout: WallLayoutId): number {
  return LAYOUTS[layout].tiles.length;
}

/** Every layout fits in the tile list a view keeps, so switching layouts never loses a camera. */
export const TILE_SLOTS = MAX_WALL_TILES;
