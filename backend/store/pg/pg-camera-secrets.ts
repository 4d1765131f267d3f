import type { Pool } from "pg";
import { z } from "zod";
import type { CredentialRow, CredentialRows } from "../sealed-camera-secrets.js";

const RowSchema = z.object({ username: z.string(), password: z.string() });

/** PostgreSQL's camera_credentials table, as stored (SealedCameraSecrets seals what goes in). */
export class PgCredentialRows implements CredentialRows {
  constructor(private readonly pool: Pool) {}

  async get(cameraId: string): Promise<CredentialRow | null> {
    const row = (await this.pool.query("SELECT username, password FROM camera_credentials WHERE camera_id = $1", [cameraId])).rows[0];
    return row === undefined ? null : RowSchema.parse(row);
  }

  async put(cameraId: string, row: CredentialRow): Promise<void> {
    await this.pool.query(
      "INSERT INTO camera_credentials (camera_id, username, password) VALUES ($1, $2, $3) ON CONFLICT (camera_id) DO UPDATE SET username = EXCLUDED.username, password = EXCLUDED.password",
      [cameraId, row.username, row.password],
    );
  }

  async remove(cameraId: string): Promise<void> {
    await this.pool.query("DELETE FROM camera_credentials WHERE camera_id = $1", [cameraId]);
  }
}
