import type { LonLat, Polygon } from "../../shared/domain/geo.js";
import { hashString, seededRandom } from "../../shared/seeded-random.js";
import { boundingBox, distanceToBoundary, pointInPolygon } from "./point-in-polygon.js";

/** About 150 m: keeps markers visibly inside their ward rather than on its border. */
const PREFERRED_MARGIN_DEG = 0.0015;
const MAX_ATTEMPTS = 2000;

/** Rounds to 6 decimals (~0.1 m), so stored coordinates are short and stable. */
export function roundLonLat([lon, lat]: LonLat): LonLat {
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/**
 * A deterministic point inside `polygon` for `seed`: the same seed always gives the same
 * point. Samples the bounding box with a seeded generator and keeps the first point inside
 * with a comfortable margin from the border (or, failing that, the first point inside).
 */
export function placeInPolygon(polygon: Polygon, seed: string): LonLat {
  const box = boundingBox(polygon);
  const random = seededRandom(hashString(seed));
  let fallback: LonLat | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const candidate = roundLonLat([
      box.minLon + random() * (box.maxLon - box.minLon),
      box.minLat + random() * (box.maxLat - box.minLat),
    ]);
    if (!pointInPolygon(candidate, polygon)) continue;
    if (distanceToBoundary(candidate, polygon) >= PREFERRED_MARGIN_DEG) return candidate;
    fallback ??= candidate;
  }
  if (fallback !== null) return fallback;
  throw new Error(`Could not place "${seed}" inside the polygon: is it degenerate?`);
}

/**
 * A deterministic point within about `radiusDeg` of `anchor` that is still inside `polygon`,
 * e.g. an alarm near the camera that sees it. Falls back to the anchor itself.
 */
export function placeNear(anchor: LonLat, polygon: Polygon, seed: string, radiusDeg: number): LonLat {
  const random = seededRandom(hashString(seed));
  for (let attempt = 0; attempt < 50; attempt++) {
    const angle = random() * 2 * Math.PI;
    // sqrt spreads points evenly over the disc instead of bunching them at the centre.
    const distance = radiusDeg * Math.sqrt(random());
    const candidate = roundLonLat([anchor[0] + distance * Math.cos(angle), anchor[1] + distance * Math.sin(angle)]);
    if (pointInPolygon(candidate, polygon)) return candidate;
  }
  return anchor;
}
