import { useCameraAdminOpen } from "../hooks/use-camera-admin-open.js";
import { CamerasPanel } from "./cameras-panel.js";

/** Where this window shows the camera list when asked to (the wall's "Camera admin"). */
export function CamerasHost() {
  return useCameraAdminOpen() ? <CamerasPanel /> : null;
}
