import { useMemo } from "react";
import type { CameraCommand } from "../../../../../shared/commands/camera-commands.js";
import type { DistributiveOmit } from "../../../../../shared/commands/command.js";
import type { Camera } from "../../../../../shared/domain/camera.js";
import type { CameraProbe, CameraProbeRequest } from "../../../../../shared/protocol/cameras.js";
import type { Result } from "../../../../../shared/result.js";
import type { LiveStore } from "../../../store/live-store.js";
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

async function onCamera(store: LiveStore, cameraId: string, command: DistributiveOmit<CameraCommand, "target">): Promise<Result<Camera>> {
  const result = await store.command({ ...command, target: { kind: "camera", id: cameraId } } as CameraCommand);
  if (!result.ok) return result;
  return result.value.kind === "camera" ? { ok: true, value: result.value.entity } : { ok: false, error: { kind: "internal", message: "The core answered a camera command with another kind of record." } };
}

export function useCameraActions(): CameraActions {
  const store = useStore();
  return useMemo(
    () => ({
      // The id is made here, so an addition sent twice is one camera.
      add: (value) => {
        const { credentials, ...settings } = value.settings;
        return onCamera(store, `cam-${crypto.randomUUID()}`, { type: "camera_add", name: value.name, wardCode: value.wardCode, location: value.location, settings: { ...settings, credentials: credentials ?? null } });
      },
      edit: (cameraId, value) => {
        const { credentials, ...settings } = value.settings;
        return onCamera(store, cameraId, { type: "camera_edit", name: value.name, wardCode: value.wardCode, location: value.location, settings: credentials === undefined ? settings : { ...settings, credentials } });
      },
      setEnabled: (cameraId, enabled) => onCamera(store, cameraId, { type: enabled ? "camera_enable" : "camera_disable" }),
      probe: (request) => store.client.request({ type: "cameras.probe", probe: request }),
    }),
    [store],
  );
}
