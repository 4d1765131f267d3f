import { MAX_SHARED_CAMERAS, SharedCameraIdSchema } from "../../../../../shared/domain/shared-cameras.js";

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

/** Pure: the cameras an incident shares by default: its alarms' cameras, in order, up to the limit. */
export function incidentDefaultCameras(alarmIds: readonly string[], cameraOf: (alarmId: string) => string | null | undefined): string[] {
  const cameras: string[] = [];
  for (const id of alarmIds) {
    const camera = cameraOf(id);
    if (camera !== null && camera !== undefined && !cameras.includes(camera) && SharedCameraIdSchema.safeParse(camera).success) cameras.push(camera);
  }
  return cameras.slice(0, MAX_SHARED_CAMERAS);
}
