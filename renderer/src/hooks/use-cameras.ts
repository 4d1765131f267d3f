import { useMemo } from "react";
import type { Camera } from "../../../shared/domain/camera.js";
import { useLiveState } from "../store/store-context.js";

export function useCamerasById(): ReadonlyMap<string, Camera> {
  return useLiveState((s) => s.cameras);
}

export function useCameras(): Camera[] {
  const cameras = useCamerasById();
  return useMemo(() => [...cameras.values()].sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true })), [cameras]);
}
