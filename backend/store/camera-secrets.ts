import type { CameraCredentials } from "../../shared/domain/camera-setup.js";

/**
 * The credentials of the cameras supervisors add: kept in their own table, never an entity, so
 * they are never in the change log, the change feed or a console's cache. Part of BackendStore.
 */
export interface CameraSecrets {
  getCredentials(cameraId: string): Promise<CameraCredentials | null>;
  /** null removes them. */
  putCredentials(cameraId: string, credentials: CameraCredentials | null): Promise<void>;
}
