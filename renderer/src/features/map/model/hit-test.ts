import KDBush from "kdbush";
import { mercatorX, mercatorY, worldUnitsPerPixel } from "./geo-math.js";
import { markRank, type Mark } from "./marks.js";

/**
 * Hover and click answered from memory, not by GPU picking (which costs a full extra render,
 * over a second at 100k points on a CPU-rendered page): the drawn marks in a KDBush over
 * Web Mercator, asked for what lies within a few pixels of the cursor.
 */
export interface MarkIndex {
  marks: readonly Mark[];
  index: KDBush | null;
}

export function indexMarks(marks: readonly Mark[]): MarkIndex {
  if (marks.length === 0) return { marks, index: null };
  const index = new KDBush(marks.length);
  for (const mark of marks) index.add(mercatorX(mark.position[0]), mercatorY(mark.position[1]));
  return { marks, index: index.finish() };
}

/** How near (in pixels) the cursor must be to a mark's centre for it to count: its drawn radius plus a little. */
export function hitRadiusPx(mark: Mark): number {
  if (mark.type === "cluster") return clusterRadiusPx(mark.cluster.count) + 3;
  return mark.object.kind === "alarm" ? 14 : 10;
}

/** Clusters grow with the log of their count, and stay under half the clustering distance so they never overlap. */
export function clusterRadiusPx(count: number): number {
  return Math.min(26, 9 + 4 * Math.log10(Math.max(1, count)));
}

const MAX_HIT_RADIUS_PX = 40;

/** The mark under a point (lon/lat) at a zoom, or null: best rank first, then nearest. */
export function hitTest({ marks, index }: MarkIndex, lon: number, lat: number, zoom: number): Mark | null {
  if (index === null) return null;
  const x = mercatorX(lon);
  const y = mercatorY(lat);
  const perPixel = worldUnitsPerPixel(zoom);
  let best: Mark | null = null;
  let bestRank = Infinity;
  let bestDistance = Infinity;
  for (const id of index.within(x, y, MAX_HIT_RADIUS_PX * perPixel)) {
    const mark = marks[id];
    if (mark === undefined) continue;
    const dx = (mercatorX(mark.position[0]) - x) / perPixel;
    const dy = (mercatorY(mark.position[1]) - y) / perPixel;
    const distance = Math.hypot(dx, dy);
    if (distance > hitRadiusPx(mark)) continue;
    const rank = markRank(mark);
    if (rank < bestRank || (rank === bestRank && distance < bestDistance)) {
      best = mark;
      bestRank = rank;
      bestDistance = distance;
    }
  }
  return best;
}
