import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { SignedEvidenceManifestSchema } from "../../shared/protocol/recordings.js";
import { describeZodError } from "../../shared/result.js";
import { AuditKeyError, loadAuditKey } from "../audit/audit-key.js";
import { verifyEvidence } from "./evidence-manifest.js";

/**
 * `npm run evidence:verify -- <export dir>/manifest.json [--data-dir DIR] [--audit-key-file FILE]`:
 * checks an evidence export with the backend's audit key: the manifest's signature, then each clip
 * beside it against its size and SHA-256. Exit code 0 when it is the export as made, 1 when
 * anything was changed, 2 when it cannot be checked.
 */
function main(): Promise<number> | number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "data-dir": { type: "string", default: ".cache/backend" }, "audit-key-file": { type: "string" } },
  });
  const manifestPath = positionals[0];
  if (manifestPath === undefined || positionals.length > 1) {
    console.error("Give one manifest: npm run evidence:verify -- <export folder>/manifest.json [--audit-key-file FILE]");
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(manifestPath, "utf8");
  } catch {
    console.error(`Cannot read ${manifestPath}: give the manifest.json of an export.`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.error(`${manifestPath} is not JSON: it is not an evidence manifest, or it was damaged.`);
    return 1;
  }
  const parsed = SignedEvidenceManifestSchema.safeParse(json);
  if (!parsed.success) {
    console.error(`${manifestPath} is not a valid evidence manifest: ${describeZodError(parsed.error)}`);
    return 1;
  }
  let key: Buffer;
  try {
    key = loadAuditKey({ env: process.env["IOC_AUDIT_KEY"], file: values["audit-key-file"], dataDir: values["data-dir"], create: false }).key;
  } catch (error) {
    if (error instanceof AuditKeyError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  return verifyEvidence(parsed.data, dirname(manifestPath), key).then((verdict) => {
    if (verdict.valid) {
      const m = parsed.data.manifest;
      console.log(`Evidence intact: export ${m.exportId} by ${m.operatorId} (${m.from} to ${m.to}), ${verdict.files} clip(s), signature and SHA-256 match.`);
      return 0;
    }
    console.error(`Evidence NOT intact: ${verdict.message}`);
    return 1;
  });
}

Promise.resolve()
  .then(main)
  .then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Cannot check the evidence: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
