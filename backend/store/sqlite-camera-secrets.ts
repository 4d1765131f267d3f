import type Database from "better-sqlite3";
import { z } from "zod";
import { CameraCredentialsSchema, type CameraCredentials } from "../../shared/domain/camera-setup.js";
import type { CameraSecrets } from "./camera-secrets.js";

const RowSchema = z.object({ username: z.string(), password: z.string() });

/** SQLite side of CameraSecrets. */
export class SqliteCameraSecrets implements CameraSecrets {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      get: db.prepare("SELECT username, password FROM camera_credentials WHERE camera_id = ?"),
      put: db.prepare("INSERT OR REPLACE INTO camera_credentials (camera_id, username, password) VALUES (?, ?, ?)"),
      remove: db.prepare("DELETE FROM camera_credentials WHERE camera_id = ?"),
    };
  }

  async getCredentials(cameraId: string): Promise<CameraCredentials | null> {
    const row = this.statements.get.get(cameraId);
    return row === undefined ? null : CameraCredentialsSchema.parse(RowSchema.parse(row));
  }

  async putCredentials(cameraId: string, credentials: CameraCredentials | null): Promise<void> {
    if (credentials === null) this.statements.remove.run(cameraId);
    else this.statements.put.run(cameraId, credentials.username, credentials.password);
  }
}
