import type Database from "better-sqlite3";
import { z } from "zod";
import type { CredentialRow, CredentialRows } from "./sealed-camera-secrets.js";

const RowSchema = z.object({ username: z.string(), password: z.string() });

/** SQLite's camera_credentials table, as stored (SealedCameraSecrets seals what goes in). */
export class SqliteCredentialRows implements CredentialRows {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      get: db.prepare("SELECT username, password FROM camera_credentials WHERE camera_id = ?"),
      put: db.prepare("INSERT OR REPLACE INTO camera_credentials (camera_id, username, password) VALUES (?, ?, ?)"),
      remove: db.prepare("DELETE FROM camera_credentials WHERE camera_id = ?"),
    };
  }

  async get(cameraId: string): Promise<CredentialRow | null> {
    const row = this.statements.get.get(cameraId);
    return row === undefined ? null : RowSchema.parse(row);
  }

  async put(cameraId: string, row: CredentialRow): Promise<void> {
    this.statements.put.run(cameraId, row.username, row.password);
  }

  async remove(cameraId: string): Promise<void> {
    this.statements.remove.run(cameraId);
  }
}
