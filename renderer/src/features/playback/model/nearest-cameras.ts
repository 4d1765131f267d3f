import type { LonLat } from "../../../../../shared/domain/geo.js";

export interface PlacedCamera {
  id: string;
  location: LonLat;
}

/** Degrees are fine for ranking nearby cameras within a city: a cosine for longitude, no more. */
function distance2(a: LonLat, b: LonLat): number {
  const k = Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  const dx = (a[0] - b[0]) * k;
  const dy = a[1] - b[1];
  return dx * dx + dy * dy;
}

/** The cameras to watch an alarm with: its own camera first, then the nearest others, `count` in all. */
export function nearestCameras(alarm: { cameraId: string | null; location: LonLat }, cameras: readonly PlacedCamera[], count: number): string[] {
  const others = cameras
    .filter((c) => c.id !== alarm.cameraId)
    .map((c) => ({ id: c.id, d: distance2(c.location, alarm.location) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .map((c) => c.id);
  const own = alarm.cameraId !== null && cameras.some((c) => c.id === alarm.cameraId) ? [alarm.cameraId] : [];
  return [...own, ...others].slice(0, count);
}
