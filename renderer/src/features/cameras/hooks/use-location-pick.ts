import { useSyncExternalStore } from "react";
import type { LonLat } from "../../../../../shared/domain/geo.js";

/**
 * A camera's position picked by clicking the map: the camera form asks, the map's next click
 * answers (instead of selecting a ward), in this window.
 */
let waiting: ((point: LonLat) => void) | null = null;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function startLocationPick(onPick: (point: LonLat) => void): void {
  waiting = onPick;
  changed();
}

export function cancelLocationPick(): void {
  waiting = null;
  changed();
}

/** The map offers its click; true when a form was waiting for it (the click is then the form's). */
export function offerMapClick(point: LonLat): boolean {
  const pick = waiting;
  if (pick === null) return false;
  waiting = null;
  pick(point);
  changed();
  return true;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocationPicking(): boolean {
  return useSyncExternalStore(subscribe, () => waiting !== null);
}
