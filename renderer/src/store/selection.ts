import type { Selection } from "./selection-sync.js";
import { useLiveState } from "./store-context.js";

export type { Selection } from "./selection-sync.js";

/**
 * The shared selection's slices of the live store (see SelectionSync). Panes change it through
 * the store: selectAlarm, selectWard, requestCamera, clearSelection.
 *
 * - alarmId: the alarm selected in the queue or on the map.
 * - wardCode: the ward the operator filtered to (click on a ward); null = whole city.
 * - cameraRequest: a camera the operator asked to see (click on the map, "show on wall"),
 *   with a counter so asking for the same camera twice is still a new request.
 */
export function useSelectedAlarmId(): string | null {
  return useLiveState((state) => state.selection.alarmId);
}

export function useSelectedWardCode(): string | null {
  return useLiveState((state) => state.selection.wardCode);
}

export function useCameraRequest(): Selection["cameraRequest"] {
  return useLiveState((state) => state.selection.cameraRequest);
}
