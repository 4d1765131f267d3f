import { useSyncExternalStore } from "react";

/** What playback was asked to show: these cameras, from this wall-clock time (an alarm's, say). */
export interface PlaybackRequest {
  cameraIds: string[];
  atMs: number;
  /** The alarm it was opened from, marked on the timeline. */
  alarmId: string | null;
}

let current: PlaybackRequest | null = null;
const listeners = new Set<() => void>();

/** Opens (or, with null, closes) the playback view of this window. */
export function openPlayback(request: PlaybackRequest | null): void {
  current = request;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePlaybackRequest(): PlaybackRequest | null {
  return useSyncExternalStore(subscribe, () => current);
}
