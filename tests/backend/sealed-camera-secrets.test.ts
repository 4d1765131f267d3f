import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isSealed, SealedCameraSecrets, type CredentialRow, type CredentialRows } from "../../backend/store/sealed-camera-secrets.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";

/** The table as a map: what a store would hold, readable by the test. */
class MemoryRows implements CredentialRows {
  readonly rows = new Map<string, CredentialRow>();
  async get(cameraId: string) {
    return this.rows.get(cameraId) ?? null;
  }
  async put(cameraId: string, row: CredentialRow) {
    this.rows.set(cameraId, { ...row });
  }
  async remove(cameraId: string) {
    this.rows.delete(cameraId);
  }
}

const A = "cam-0f6b7c1e-1111-4222-8333-944445555666";
const B = "cam-0f6b7c1e-2222-4222-8333-944445555666";

describe("camera credentials sealed at rest", () => {
  it("stores neither the user name nor the password in the clear, and gives them back", async () => {
    const rows = new MemoryRows();
    const secrets = new SealedCameraSecrets(rows, randomBytes(32));
    await secrets.putCredentials(A, { username: "admin", password: "Tr0ng-Bí-mật" });
    const stored = rows.rows.get(A)!;
    expect(isSealed(stored.username) && isSealed(stored.password)).toBe(true);
    expect(JSON.stringify(stored)).not.toMatch(/admin|Tr0ng/);
    expect(await secrets.getCredentials(A)).toEqual({ username: "admin", password: "Tr0ng-Bí-mật" });
    await secrets.putCredentials(A, null);
    expect(await secrets.getCredentials(A)).toBeNull();
  });

  it("refuses a value altered, moved to another camera, or sealed under another key", async () => {
    const rows = new MemoryRows();
    const key = randomBytes(32);
    const secrets = new SealedCameraSecrets(rows, key);
    await secrets.putCredentials(A, { username: "admin", password: "one" });
    const sealed = rows.rows.get(A)!;
    rows.rows.set(B, { ...sealed });
    await expect(secrets.getCredentials(B)).rejects.toThrow(/does not open/);
    await expect(new SealedCameraSecrets(rows, randomBytes(32)).getCredentials(A)).rejects.toThrow(/does not open/);
    const bytes = Buffer.from(sealed.password.slice("sealed:v1:".length), "base64");
    bytes[bytes.length - 1] ^= 1;
    rows.rows.set(A, { ...sealed, password: `sealed:v1:${bytes.toString("base64")}` });
    await expect(secrets.getCredentials(A)).rejects.toThrow(/does not open/);
  });

  it("reads a row written before sealing and seals it in place", async () => {
    const rows = new MemoryRows();
    rows.rows.set(A, { username: "admin", password: "plain" });
    const secrets = new SealedCameraSecrets(rows, randomBytes(32));
    expect(await secrets.getCredentials(A)).toEqual({ username: "admin", password: "plain" });
    expect(isSealed(rows.rows.get(A)!.password)).toBe(true);
    expect(await secrets.getCredentials(A)).toEqual({ username: "admin", password: "plain" });
  });

  it("leaves nothing readable in the SQLite file itself", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ioc-sealed-")), "store.db");
    const store = openSqliteStore({ filename: file, auditKey: randomBytes(32) });
    await store.cameraSecrets.putCredentials(A, { username: "operator-x", password: "rtsp-pass-123" });
    await store.close();
    const db = new Database(file, { readonly: true });
    const row = db.prepare("SELECT username, password FROM camera_credentials WHERE camera_id = ?").get(A) as CredentialRow;
    db.close();
    expect(isSealed(row.username) && isSealed(row.password)).toBe(true);
    expect(JSON.stringify(row)).not.toMatch(/operator-x|rtsp-pass/);
  });
});
