import type { SharedSelection } from "../../../shared/protocol/workstation-api.js";

export interface Selection {
  alarmId: string | null;
  wardCode: string | null;
  cameraRequest: { cameraId: string; nonce: number } | null;
}

/**
 * Pure: this window's selection once the core's is known. The camera request keeps its identity
 * when the core says the same thing again, so the wall does not treat an echo as a new request.
 */
export function reconcileSelection(current: Selection, shared: SharedSelection): Selection {
  const same = current.cameraRequest !== null && shared.cameraRequest !== null && current.cameraRequest.cameraId === shared.cameraRequest.cameraId && current.cameraRequest.nonce === shared.cameraRequest.nonce;
  const cameraRequest = shared.cameraRequest === null ? null : same ? current.cameraRequest : { ...shared.cameraRequest };
  if (current.alarmId === shared.alarmId && current.wardCode === shared.wardCode && current.cameraRequest === cameraRequest) return current;
  return { alarmId: shared.alarmId, wardCode: shared.wardCode, cameraRequest };
}
