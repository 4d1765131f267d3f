import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { CameraCredentialsSchema, type CameraCredentials } from "../../shared/domain/camera-setup.js";
import type { CameraSecrets } from "./camera-secrets.js";

/** One row of the camera_credentials table as stored: each field sealed, or plain in a store written before sealing. */
export interface CredentialRow {
  username: string;
  password: string;
}

/** What each store gives the sealing: its camera_credentials table, read and written as stored. */
export interface CredentialRows {
  get(cameraId: string): Promise<CredentialRow | null>;
  put(cameraId: string, row: CredentialRow): Promise<void>;
  remove(cameraId: string): Promise<void>;
}

const SEALED_PREFIX = "sealed:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key that seals camera credentials, derived from the audit key: like it, it lives outside the
 * database, so a copy of the database (a backup, a stolen disk) does not give the cameras away.
 */
export function credentialSealKey(auditKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", auditKey, Buffer.alloc(0), "ioc camera credentials v1", 32));
}

/** AES-256-GCM, bound to its camera and field: a sealed value copied onto another row does not open. */
export function sealField(key: Buffer, cameraId: string, field: keyof CredentialRow, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(`${cameraId}\u0000${field}`, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** The plain value; throws when the value was altered, moved, or sealed under another key. */
export function openField(key: Buffer, cameraId: string, field: keyof CredentialRow, stored: string): string {
  const raw = Buffer.from(stored.slice(SEALED_PREFIX.length), "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error(`The stored ${field} of camera ${cameraId} is not a sealed value.`);
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`${cameraId}\u0000${field}`, "utf8"));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(`The stored ${field} of camera ${cameraId} does not open with this backend's key (altered, or another audit key).`);
  }
}

/**
 * CameraSecrets over either store's table: every value is sealed before it is written. A row
 * written before sealing existed is read as it is and sealed in place on that first read.
 */
export class SealedCameraSecrets implements CameraSecrets {
  private readonly key: Buffer;

  constructor(
    private readonly rows: CredentialRows,
    auditKey: Buffer,
  ) {
    this.key = credentialSealKey(auditKey);
  }

  async getCredentials(cameraId: string): Promise<CameraCredentials | null> {
    const row = await this.rows.get(cameraId);
    if (row === null) return null;
    if (isSealed(row.username) && isSealed(row.password)) {
      return CameraCredentialsSchema.parse({ username: openField(this.key, cameraId, "username", row.username), password: openField(this.key, cameraId, "password", row.password) });
    }
    const plain = CameraCredentialsSchema.parse(row);
    await this.putCredentials(cameraId, plain);
    return plain;
  }

  async putCredentials(cameraId: string, credentials: CameraCredentials | null): Promise<void> {
    if (credentials === null) return this.rows.remove(cameraId);
    await this.rows.put(cameraId, {
      username: sealField(this.key, cameraId, "username", credentials.username),
      password: sealField(this.key, cameraId, "password", credentials.password),
    });
  }
}
