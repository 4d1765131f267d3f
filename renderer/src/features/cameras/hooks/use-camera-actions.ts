import { useMemo } from "react";
import type { Camera } from "../../../../../shared/domain/camera.js";
import type { CameraProbe, CameraProbeRequest } from "../../../../../shared/protocol/cameras.js";
import type { Result } from "../../../../../shared/result.js";
import { useStore } from "../../../store/store-context.js";
import type { CameraFormValue } from "../model/camera-form.js";

/**
 * A supervisor's commands on cameras: like every command, the core applies each at once and the
 * backend applies it once, checks the role and audits it. The connection test asks the backend.
 */
export interface CameraActions {
  add(value: CameraFormValue): Promise<Result<Camera>>;
  edit(cameraId: string, value: CameraFormValue): Promise<Result<Camera>>;
  setEnabled(cameraId: string, enabled: boolean): Promise<Result<Camera>>;
  probe(request: CameraProbeRequest): Promise<Result<CameraProbe>>;
}

export function useCameraActions(): CameraActions {
  const store = useStore();
  return useMemo(
    () => ({
      // The id is made here, so an addition sent twice is one camera.
      add: (value) => {
        const { credentials, ...settings } = value.settings;
        return store.commandOn("camera", `cam-${crypto.randomUUID()}`, { type: "camera_add", name: value.name, wardCode: value.wardCode, location: value.location, settings: { ...settings, credentials: credentials ?? null } });
      },
      edit: (cameraId, value) => {
        const { credentials, ...settings } = value.settings;
        return store.commandOn("camera", cameraId, { type: "camera_edit", name: value.name, wardCode: value.wardCode, location: value.location, settings: credentials === undefined ? settings : { ...settings, credentials } });
      },
      setEnabled: (cameraId, enabled) => store.commandOn("camera", cameraId, { type: enabled ? "camera_enable" : "camera_disable" }),
      probe: (request) => store.client.request({ type: "cameras.probe", probe: request }),
    }),
    [store],
  );
}
