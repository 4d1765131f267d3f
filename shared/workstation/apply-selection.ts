import type { SelectionPatch, SharedSelection } from "../protocol/workstation-api.js";

export const EMPTY_SELECTION: SharedSelection = { alarmId: null, wardCode: null, cameraRequest: null, version: 0 };

/**
 * Pure: the selection after a patch. Same values → the same object (no event, no re-render);
 * asking for a camera is always news (a fresh nonce), so "show it again" works.
 */
export function applySelectionPatch(current: SharedSelection, patch: SelectionPatch): SharedSelection {
  const alarmId = patch.alarmId === undefined ? current.alarmId : patch.alarmId;
  const wardCode = patch.wardCode === undefined ? current.wardCode : patch.wardCode;
  const cameraRequest =
    patch.cameraId === undefined ? current.cameraRequest : { cameraId: patch.cameraId, nonce: (current.cameraRequest?.nonce ?? 0) + 1 };
  if (alarmId === current.alarmId && wardCode === current.wardCode && cameraRequest === current.cameraRequest) return current;
  return { alarmId, wardCode, cameraRequest, version: current.version + 1 };
}
