import type { Command } from "../../shared/commands/command.js";
import type { AppError } from "../../shared/result.js";
import type { BackendStore } from "../store/backend-store.js";

/** Pure: the cameras an escalation shares with the province by name (an alarm's own camera, shared when none is named, is its city's). */
export function namedSharedCameras(command: Command): readonly string[] {
  switch (command.type) {
    case "escalate":
      return command.cameraIds ?? [];
    case "incident_escalate":
      return command.cameraIds;
    default:
      return [];
  }
}

/**
 * Why the city refuses the cameras an escalation shares, or null: each must be one of its own
 * cameras, so the province is never offered a stream the city does not have.
 */
export async function sharedCameraRefusal(store: Pick<BackendStore, "getEntity">, command: Command): Promise<AppError | null> {
  for (const cameraId of namedSharedCameras(command)) {
    if ((await store.getEntity("camera", cameraId)) === null) {
      return { kind: "invalid_request", message: `Camera ${cameraId} is not one of this city's cameras: it cannot be shared with the province.` };
    }
  }
  return null;
}
