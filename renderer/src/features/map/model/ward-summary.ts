import type { Alarm } from "../../../../../shared/domain/alarm.js";
import type { Camera } from "../../../../../shared/domain/camera.js";
import { assertNever } from "../../../../../shared/result.js";
import type { MapObject } from "./map-objects.js";

/** Everything in the ward, or everything when no ward is selected. */
export function inWard<T extends { wardCode: string }>(items: readonly T[], wardCode: string | null): readonly T[] {
  return wardCode === null ? items : items.filter((item) => item.wardCode === wardCode);
}

export interface WardSummary {
  /** In queue order (the caller's order is kept). */
  openAlarms: Alarm[];
  cameraCount: number;
  camerasOnline: number;
}

/** What the ward panel says: the ward's open alarms (the active queue's) and its cameras. */
export function wardSummary(wardCode: string, queue: readonly Alarm[], cameras: readonly Camera[]): WardSummary {
  const wardCameras = cameras.filter((camera) => camera.wardCode === wardCode);
  return {
    openAlarms: queue.filter((alarm) => alarm.wardCode === wardCode),
    cameraCount: wardCameras.length,
    camerasOnline: wardCameras.filter((camera) => camera.status === "online").length,
  };
}

/** The ward a map object belongs to. */
export function objectWardCode(object: MapObject): string {
  switch (object.kind) {
    case "camera":
      return object.camera.wardCode;
    case "sensor":
      return object.sensor.wardCode;
    case "alarm":
      return object.alarm.wardCode;
    case "incident":
      return object.incident.wardCode;
    default:
      return assertNever(object);
  }
}

export function objectsInWard<T extends MapObject>(objects: readonly T[], wardCode: string | null): readonly T[] {
  return wardCode === null ? objects : objects.filter((object) => objectWardCode(object) === wardCode);
}
