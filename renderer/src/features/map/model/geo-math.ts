import type { LonLat } from "../../../../../shared/domain/geo.js";

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceM([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Web Mercator in world units [0, 1): what one screen pixel is at a zoom is 1 / (512 · 2^zoom). */
export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

export function mercatorY(lat: number): number {
  const clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
  const sin = Math.sin(toRad(clamped));
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

/** maplibre's tiles are 512 px: the world is 512 · 2^zoom pixels wide. */
export function worldUnitsPerPixel(zoom: number): number {
  return 1 / (512 * 2 ** zoom);
}

/** The point `distance` metres from `origin` along a compass bearing (flat-earth: fine for a few hundred metres). */
export function offsetM([lon, lat]: LonLat, bearingDeg: number, distance: number): LonLat {
  const b = toRad(bearingDeg);
  const dNorth = distance * Math.cos(b);
  const dEast = distance * Math.sin(b);
  const dLat = dNorth / 111_320;
  const dLon = dEast / (111_320 * Math.cos(toRad(lat)));
  return [lon + dLon, lat + dLat];
}

/**
 * A camera's field of view as a closed polygon ring: a fan from the camera along its bearing.
 * `spreadDeg` is the whole opening angle.
 */
export function viewCone(origin: LonLat, bearingDeg: number, lengthM: number, spreadDeg = 60, steps = 6): LonLat[] {
  const ring: LonLat[] = [origin];
  for (let i = 0; i <= steps; i++) {
    ring.push(offsetM(origin, bearingDeg - spreadDeg / 2 + (spreadDeg * i) / steps, lengthM));
  }
  ring.push(origin);
  return ring;
}
