import { useSyncExternalStore } from "react";

/**
 * What the operator is working on, shared by every pane (and, in a multi-window workstation,
 * by every window: the core becomes the source of truth there). Panes read it with the hooks
 * below and change it only through the setters, so the transport behind it can change.
 *
 * - alarmId: the alarm selected in the queue or on the map.
 * - wardCode: the ward the operator filtered to (click on a ward); null = whole city.
 * - cameraRequest: a camera the operator asked to see (click on the map, "show on wall"),
 *   with a counter so asking for the same camera twice is still a new request.
 */
export interface Selection {
  alarmId: string | null;
  wardCode: string | null;
  cameraRequest: { cameraId: string; nonce: number } | null;
}

let selection: Selection = { alarmId: null, wardCode: null, cameraRequest: null };
const listeners = new Set<() => void>();
let nonce = 0;

function update(patch: Partial<Selection>): void {
  const next = { ...selection, ...patch };
  if (next.alarmId === selection.alarmId && next.wardCode === selection.wardCode && next.cameraRequest === selection.cameraRequest) return;
  selection = next;
  for (const listener of [...listeners]) listener();
}

/** Replaces the whole selection (used when another window or the core says what it is). */
export function applySelection(next: Selection): void {
  update(next);
}

export function selectAlarm(id: string | null): void {
  update({ alarmId: id });
}

export function selectWard(code: string | null): void {
  update({ wardCode: code });
}

export function requestCamera(cameraId: string): void {
  update({ cameraRequest: { cameraId, nonce: ++nonce } });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useSelection(): Selection {
  return useSyncExternalStore(subscribe, () => selection);
}

export function useSelectedAlarmId(): string | null {
  return useSyncExternalStore(subscribe, () => selection.alarmId);
}

export function useSelectedWardCode(): string | null {
  return useSyncExternalStore(subscribe, () => selection.wardCode);
}

export function useCameraRequest(): Selection["cameraRequest"] {
  return useSyncExternalStore(subscribe, () => selection.cameraRequest);
}
