import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { EvidenceManifest, SignedEvidenceManifest } from "../../shared/protocol/recordings.js";

/** JSON with object keys sorted at every level: the bytes a signature covers, however the file was formatted. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

function mac(key: Buffer, manifest: EvidenceManifest): string {
  return createHmac("sha256", key).update(`ioc-evidence/1\n${canonicalJson(manifest)}`).digest("hex");
}

export function signManifest(manifest: EvidenceManifest, key: Buffer): SignedEvidenceManifest {
  return { manifest, signature: { algorithm: "HMAC-SHA256", keyId: keyId(key), value: mac(key, manifest) } };
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export type EvidenceVerdict =
  | { valid: true; files: number }
  | { valid: false; reason: "wrong_key" | "bad_signature" | "missing_file" | "size_mismatch" | "hash_mismatch"; message: string };

/** Checks a manifest's signature under the key, then every clip beside it against its size and SHA-256. */
export async function verifyEvidence(signed: SignedEvidenceManifest, dir: string, key: Buffer): Promise<EvidenceVerdict> {
  if (signed.signature.keyId !== keyId(key)) {
    return { valid: false, reason: "wrong_key", message: `The manifest was signed with key ${signed.signature.keyId}, not with this key (${keyId(key)}).` };
  }
  const expected = Buffer.from(mac(key, signed.manifest), "hex");
  if (!timingSafeEqual(expected, Buffer.from(signed.signature.value, "hex"))) {
    return { valid: false, reason: "bad_signature", message: "The manifest was changed after it was signed." };
  }
  for (const file of signed.manifest.files) {
    const path = join(dir, file.file);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      return { valid: false, reason: "missing_file", message: `${file.file} (camera ${file.cameraId}) is not beside the manifest.` };
    }
    if (size !== file.bytes) return { valid: false, reason: "size_mismatch", message: `${file.file} has ${size} bytes; the manifest says ${file.bytes}.` };
    if ((await sha256OfFile(path)) !== file.sha256) return { valid: false, reason: "hash_mismatch", message: `${file.file} is not the clip that was exported: its SHA-256 differs.` };
  }
  return { valid: true, files: signed.manifest.files.length };
}
