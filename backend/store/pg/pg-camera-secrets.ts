import type { Pool } from "pg";
import { z } from "zod";
import { CameraCredentialsSchema, type CameraCredentials } from "../../../shared/domain/camera-setup.js";
import type { CameraSecrets } from "../camera-secrets.js";

const RowSchema = z.object({ username: z.string(), password: z.string() });

/** PostgreSQL side of CameraSecrets. */
export class PgCameraSecrets implements CameraSecrets {
  constructor(private readonly pool: Pool) {}

  async getCredentials(cameraId: string): Promise<CameraCredentials | null> {
    const row = (await this.pool.query("SELECT username, password FROM camera_credentials WHERE camera_id = $1", [cameraId])).rows[0];
    return row === undefined ? null : CameraCredentialsSchema.parse(RowSchema.parse(row));
  }

  async putCredentials(cameraId: string, credentials: CameraCredentials | null): Promise<void> {
    if (credentials === null) {
      await this.pool.query("DELETE FROM camera_credentials WHERE camera_id = $1", [cameraId]);
      return;
    }
    await this.pool.query(
      "INSERT INTO camera_credentials (camera_id, username, password) VALUES ($1, $2, $3) ON CONFLICT (camera_id) DO UPDATE SET username = EXCLUDED.username, password = EXCLUDED.password",
      [cameraId, credentials.username, credentials.password],
    );
  }
}
