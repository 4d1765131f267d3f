import { useSyncExternalStore } from "react";

/**
 * The alarm the operator is working on, shared by the queue (keyboard, clicks)
 * and the map (highlight, clicks on markers). Page-local: never sent to the core.
 */
let selectedAlarmId: string | null = null;
const listeners = new Set<() => void>();

export function selectAlarm(id: string | null): void {
  if (id === selectedAlarmId) return;
  selectedAlarmId = id;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useSelectedAlarmId(): string | null {
  return useSyncExternalStore(subscribe, () => selectedAlarmId);
}
