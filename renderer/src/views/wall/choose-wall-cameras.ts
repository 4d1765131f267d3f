import type { Camera } from "../../../../shared/domain/camera.js";

export const WALL_SLOTS = 4;
const PREFERRED_FIRST = "cam-01";

function rank(a: Camera, b: Camera): number {
  if (a.status !== b.status) return a.status === "online" ? -1 : 1;
  if (a.id === PREFERRED_FIRST || b.id === PREFERRED_FIRST) return a.id === PREFERRED_FIRST ? -1 : 1;
  return a.id.localeCompare(b.id, "en", { numeric: true });
}

/**
 * The cameras on the wall. Slots are sticky: a camera that goes offline keeps its
 * tile (showing "offline") rather than the wall reshuffling under the operator's eyes;
 * only cameras that no longer exist give their slot up.
 */
export function chooseWallCameras(cameras: readonly Camera[], previous: readonly string[], slots = WALL_SLOTS): string[] {
  const known = new Set(cameras.map((camera) => camera.id));
  const chosen = previous.filter((id) => known.has(id)).slice(0, slots);
  const taken = new Set(chosen);
  for (const camera of [...cameras].sort(rank)) {
    if (chosen.length >= slots) break;
    if (taken.has(camera.id)) continue;
    chosen.push(camera.id);
    taken.add(camera.id);
  }
  return chosen;
}
