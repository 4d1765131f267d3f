import { useSyncExternalStore } from "react";

let open = false;
const listeners = new Set<() => void>();

/** Opens or closes this window's camera list and administration. */
export function openCameraAdmin(next: boolean): void {
  open = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCameraAdminOpen(): boolean {
  return useSyncExternalStore(subscribe, () => open);
}
