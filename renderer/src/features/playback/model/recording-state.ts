import { assertNever } from "../../../../../shared/result.js";
import type { CameraRecordingHealth } from "../../../../../shared/protocol/recordings.js";

/** What a wall tile says about its camera's recording: unknown (not asked yet, or not allowed) says nothing. */
export type TileRecordingState = { kind: "recording" } | { kind: "gap"; sinceMs: number | null } | { kind: "off" } | { kind: "unknown" };

/** Pure: a camera's recording health as its wall tile shows it. */
export function tileRecordingState(health: CameraRecordingHealth | undefined): TileRecordingState {
  if (health === undefined) return { kind: "unknown" };
  switch (health.state) {
    case "recording":
      return { kind: "recording" };
    case "gap":
      return { kind: "gap", sinceMs: health.gapSinceMs };
    case "off":
      return { kind: "off" };
    default:
      return assertNever(health.state);
  }
}
