import type { Camera } from "../../../../../shared/domain/camera.js";
import type { LonLat } from "../../../../../shared/domain/geo.js";
import { distanceM } from "./geo-math.js";

export interface CameraDistance {
  camera: Camera;
  distanceM: number;
}

/**
 * The cameras to offer for the wall when an alarm is selected: nearest first, online ones
 * before offline ones (an offline camera shows nothing), at most `limit`, within `maxDistanceM`.
 * Ties break by id so the offer is stable between renders.
 */
export function nearestCameras(
  cameras: readonly Camera[],
  point: LonLat,
  limit = 3,
  maxDistanceM = 5_000,
): CameraDistance[] {
  return cameras
    .map((camera) => ({ camera, distanceM: distanceM(point, camera.location) }))
    .filter((c) => c.distanceM <= maxDistanceM)
    .sort(
      (a, b) =>
        Number(a.camera.status === "offline") - Number(b.camera.status === "offline") ||
        a.distanceM - b.distanceM ||
        a.camera.id.localeCompare(b.camera.id),
    )
    .slice(0, limit);
}
