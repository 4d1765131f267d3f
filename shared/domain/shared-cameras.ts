import { z } from "zod";

/**
 * Cameras a city shares with the province along with one escalation. A shared camera id goes
 * into a URL path at both backends, so it is a plain path segment: letters, digits, dashes.
 */
export const MAX_SHARED_CAMERAS = 4;
export const SharedCameraIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "a camera id is letters, digits, dashes or underscores");
export const SharedCameraIdsSchema = z.array(SharedCameraIdSchema).max(MAX_SHARED_CAMERAS);

/**
 * How long a city keeps serving an escalation's shared cameras to the province: the province needs
 * them while it triages, not as a standing window into the city's cameras. Past this, or once the
 * escalation is refused (or its alarm resolved), the camera is no longer shared.
 */
export const SHARE_WINDOW_MS = 12 * 60 * 60_000;

/** Pure: the cameras an escalation shares when the operator did not choose: the alarm's own camera, if any. */
export function defaultSharedCameras(alarmCameraId: string | null): string[] {
  return alarmCameraId !== null && SharedCameraIdSchema.safeParse(alarmCameraId).success ? [alarmCameraId] : [];
}

/** Pure: whether an escalation made at `escalatedAt` still shares its cameras at `now`. */
export function withinShareWindow(escalatedAt: string, now: number): boolean {
  const at = Date.parse(escalatedAt);
  return Number.isFinite(at) && now - at < SHARE_WINDOW_MS && at - now < SHARE_WINDOW_MS;
}
