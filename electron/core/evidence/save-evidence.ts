import { createHash } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EvidenceExportRequest, SavedEvidence, SignedEvidenceManifest } from "../../../shared/protocol/recordings.js";
import { err, ok, type Result } from "../../../shared/result.js";

/** What saving an export needs of the backend client. */
export interface EvidenceSource {
  exportEvidence(request: EvidenceExportRequest): Promise<Result<SignedEvidenceManifest>>;
  evidenceFile(exportId: string, file: string): Promise<Result<Buffer>>;
}

/** The manifest's file name, as the backend writes it beside the clips. */
const MANIFEST_FILE = "manifest.json";

/**
 * Has the backend make an evidence export, then keeps it on this computer under
 * `<evidenceDir>/<export id>/`: each clip checked against the size and SHA-256 its signed manifest
 * names before it is written, and the manifest as the backend wrote it, so
 * `npm run evidence:verify` checks the folder as it is. Nothing half-fetched is left behind.
 */
export async function saveEvidence(source: EvidenceSource, evidenceDir: string, request: EvidenceExportRequest): Promise<Result<SavedEvidence>> {
  const made = await source.exportEvidence(request);
  if (!made.ok) return made;
  const { manifest } = made.value;
  const folder = join(evidenceDir, manifest.exportId);
  try {
    await mkdir(folder, { recursive: true });
    for (const file of manifest.files) {
      const bytes = await source.evidenceFile(manifest.exportId, file.file);
      if (!bytes.ok) {
        await rm(folder, { recursive: true, force: true });
        return bytes;
      }
      const sha256 = createHash("sha256").update(bytes.value).digest("hex");
      if (bytes.value.length !== file.bytes || sha256 !== file.sha256) {
        await rm(folder, { recursive: true, force: true });
        return err("backend_error", `${file.file} did not arrive as its manifest names it (${bytes.value.length} bytes, SHA-256 ${sha256.slice(0, 12)}…): nothing was kept.`);
      }
      await writeFile(join(folder, file.file), bytes.value);
    }
    const signed = await source.evidenceFile(manifest.exportId, MANIFEST_FILE);
    if (!signed.ok) {
      await rm(folder, { recursive: true, force: true });
      return signed;
    }
    await writeFile(join(folder, MANIFEST_FILE), signed.value);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    const full = (error as NodeJS.ErrnoException).code === "ENOSPC";
    return err(full ? "storage_full" : "internal", `The export could not be kept in ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return ok({ signed: made.value, folder });
}
