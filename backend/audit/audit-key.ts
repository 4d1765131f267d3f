import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The HMAC key of the audit trail: at least 256 bits. */
export const AUDIT_KEY_BYTES = 32;

export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuditKeyError";
  }
}

export interface AuditKeySource {
  /** IOC_AUDIT_KEY: hex (64+ digits) or base64 of at least 32 bytes. */
  env?: string | undefined;
  /** --audit-key-file: a file holding the key (hex or base64); created if missing. */
  file?: string | undefined;
  /** Without either: <dataDir>/keys/audit.key, created on first start. */
  dataDir: string;
  /** Make the key file when it does not exist (the backend does; the verifier never does). */
  create: boolean;
}

export interface LoadedAuditKey {
  key: Buffer;
  /** Where it came from, for the log (never the key itself). */
  source: string;
  created: boolean;
}

function decode(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]+$/.test(trimmed) && trimmed.length % 2 === 0 ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length < AUDIT_KEY_BYTES) throw new AuditKeyError(`The audit key in ${where} is too short: it needs at least ${AUDIT_KEY_BYTES} bytes (64 hex digits).`);
  return key;
}

/**
 * The audit key lives outside the database, so whoever can edit the database cannot re-seal an
 * edited trail. From the environment, a given file, or a file made once (mode 0600) beside the
 * store; a real city keeps it elsewhere (see README, "Security model").
 */
export function loadAuditKey(source: AuditKeySource): LoadedAuditKey {
  if (source.env !== undefined && source.env !== "") return { key: decode(source.env, "IOC_AUDIT_KEY"), source: "IOC_AUDIT_KEY", created: false };
  const file = source.file ?? join(source.dataDir, "keys", "audit.key");
  if (existsSync(file)) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new AuditKeyError(`Cannot read the audit key file ${file}: ${error instanceof Error ? error.message : String(error)}.`);
    }
    if ((statSync(file).mode & 0o077) !== 0 && process.platform !== "win32") {
      throw new AuditKeyError(`The audit key file ${file} can be read by other users: chmod 600 it.`);
    }
    return { key: decode(text, file), source: file, created: false };
  }
  if (!source.create) throw new AuditKeyError(`No audit key at ${file}: pass --audit-key-file or set IOC_AUDIT_KEY as the backend has them.`);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(AUDIT_KEY_BYTES);
  writeFileSync(file, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return { key, source: file, created: true };
}
