import type { LonLat } from "../../../../../shared/domain/geo.js";
import type { Ward } from "../../../../../shared/domain/ward.js";
import type { Bounds } from "./ward-geometry.js";

/**
 * The contract (zod) already rejects what is not a feature at all; these are features that
 * parse but cannot be drawn sensibly: a point far outside the city (a [0, 0] "null island"
 * from a broken GPS), a boundary that is not a closed ring. They are skipped and reported
 * as a sync problem, so one bad record never blanks the map.
 */
export interface Rejected {
  kind: string;
  id: string;
  reason: string;
}

export function pointProblem(position: LonLat, area: Bounds): string | null {
  const [lon, lat] = position;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return "non-finite coordinates";
  const [[west, south], [east, north]] = area;
  if (lon < west || lon > east || lat < south || lat > north) return `outside the city at [${lon}, ${lat}]`;
  return null;
}

export function boundaryProblem(ward: Ward): string | null {
  for (const ring of ward.boundary.coordinates) {
    if (ring.length < 4) return "a ring with fewer than 4 positions";
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first === undefined || last === undefined || first[0] !== last[0] || first[1] !== last[1]) return "an unclosed ring";
    if (ring.some(([lon, lat]) => !Number.isFinite(lon) || !Number.isFinite(lat))) return "non-finite coordinates";
  }
  return null;
}

export function screenPoints<T extends { id: string; kind: string; position: LonLat }>(
  items: readonly T[],
  area: Bounds,
): { kept: T[]; rejected: Rejected[] } {
  const kept: T[] = [];
  const rejected: Rejected[] = [];
  for (const item of items) {
    const reason = pointProblem(item.position, area);
    if (reason === null) kept.push(item);
    else rejected.push({ kind: item.kind, id: item.id, reason });
  }
  return { kept, rejected };
}

export function screenWards(wards: readonly Ward[]): { kept: Ward[]; rejected: Rejected[] } {
  const kept: Ward[] = [];
  const rejected: Rejected[] = [];
  for (const ward of wards) {
    const reason = boundaryProblem(ward);
    if (reason === null) kept.push(ward);
    else rejected.push({ kind: "ward", id: ward.code, reason });
  }
  return { kept, rejected };
}
