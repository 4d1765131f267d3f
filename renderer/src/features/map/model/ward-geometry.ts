import type { LonLat } from "../../../../../shared/domain/geo.js";
import type { Ward } from "../../../../../shared/domain/ward.js";
import { CITY_BBOX } from "../../../../../shared/basemap/street-map-file.js";

export type Bounds = [[number, number], [number, number]];

/** The city's extent, for the first frame before the wards arrive. */
export const UONG_BI_BOUNDS: Bounds = [
  [CITY_BBOX[0], CITY_BBOX[1]],
  [CITY_BBOX[2], CITY_BBOX[3]],
];

export function boundsOfWards(wards: readonly Ward[]): Bounds {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const ward of wards) {
    for (const ring of ward.boundary.coordinates) {
      for (const [lon, lat] of ring) {
        if (lon < west) west = lon;
        if (lon > east) east = lon;
        if (lat < south) south = lat;
        if (lat > north) north = lat;
      }
    }
  }
  if (!Number.isFinite(west)) return UONG_BI_BOUNDS;
  return [
    [west, south],
    [east, north],
  ];
}

/** The smallest bounds holding both. */
export function unionBounds([[w1, s1], [e1, n1]]: Bounds, [[w2, s2], [e2, n2]]: Bounds): Bounds {
  return [
    [Math.min(w1, w2), Math.min(s1, s2)],
    [Math.max(e1, e2), Math.max(n1, n2)],
  ];
}

/** Panning limit: the city plus a margin, so the operator cannot lose the map. */
export function padBounds([[west, south], [east, north]]: Bounds, fraction: number): Bounds {
  const dx = (east - west) * fraction;
  const dy = (north - south) * fraction;
  return [
    [west - dx, south - dy],
    [east + dx, north + dy],
  ];
}

function insideRing(point: LonLat, ring: readonly LonLat[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function insidePolygon(point: LonLat, rings: readonly (readonly LonLat[])[]): boolean {
  const [outer, ...holes] = rings;
  if (outer === undefined || !insideRing(point, outer)) return false;
  return !holes.some((hole) => insideRing(point, hole));
}

function distanceToSegmentSq([px, py]: LonLat, [ax, ay]: LonLat, [bx, by]: LonLat): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSq));
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return cx * cx + cy * cy;
}

/**
 * Where to put a ward's name: the sampled interior point farthest from the boundary.
 * A centroid can fall outside a crescent-shaped ward; this cannot.
 */
export function labelPoint(rings: readonly (readonly LonLat[])[], samples = 24): LonLat {
  const outer = rings[0] ?? [];
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon, lat] of outer) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  if (!Number.isFinite(west)) return [0, 0];
  let best: LonLat = [(west + east) / 2, (south + north) / 2];
  let bestDistance = -1;
  for (let i = 0; i <= samples; i++) {
    for (let j = 0; j <= samples; j++) {
      const point: LonLat = [west + ((east - west) * (i + 0.5)) / (samples + 1), south + ((north - south) * (j + 0.5)) / (samples + 1)];
      if (!insidePolygon(point, rings)) continue;
      let nearest = Infinity;
      for (const ring of rings) {
        for (let k = 0; k < ring.length - 1; k++) nearest = Math.min(nearest, distanceToSegmentSq(point, ring[k], ring[k + 1]));
      }
      if (nearest > bestDistance) {
        bestDistance = nearest;
        best = point;
      }
    }
  }
  return best;
}
