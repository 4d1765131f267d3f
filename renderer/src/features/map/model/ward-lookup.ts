import type { LonLat } from "../../../../../shared/domain/geo.js";
import type { Ward } from "../../../../../shared/domain/ward.js";
import { boundsOfWards, insidePolygon } from "./ward-geometry.js";

/** The ward or commune a point falls in, or null outside the city. Bounding boxes first: most wards are rejected cheaply. */
export function wardAtPoint(wards: readonly Ward[], point: LonLat): Ward | null {
  const [lon, lat] = point;
  for (const ward of wards) {
    const [[west, south], [east, north]] = boundsOfWards([ward]);
    if (lon < west || lon > east || lat < south || lat > north) continue;
    if (insidePolygon(point, ward.boundary.coordinates)) return ward;
  }
  return null;
}
