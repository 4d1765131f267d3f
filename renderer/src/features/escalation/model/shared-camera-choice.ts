import { MAX_SHARED_CAMERAS } from "../../../../../shared/domain/shared-cameras.js";

/** Pure: the chosen cameras with `cameraId` added or taken out; adding past the limit changes nothing. */
export function toggleSharedCamera(chosen: readonly string[], cameraId: string): string[] {
  if (chosen.includes(cameraId)) return chosen.filter((id) => id !== cameraId);
  return chosen.length >= MAX_SHARED_CAMERAS ? [...chosen] : [...chosen, cameraId];
}

/** Pure: the cameras offered to add: the city's, less those already chosen, none once the limit is reached. */
export function camerasToOffer<C extends { id: string }>(cameras: readonly C[], chosen: readonly string[]): C[] {
  if (chosen.length >= MAX_SHARED_CAMERAS) return [];
  return cameras.filter((c) => !chosen.includes(c.id));
}
