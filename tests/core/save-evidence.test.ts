import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { saveEvidence, type EvidenceSource } from "../../electron/core/evidence/save-evidence.js";
import type { SignedEvidenceManifest } from "../../shared/protocol/recordings.js";
import { err, ok } from "../../shared/result.js";

const clip = Buffer.from("the stored segments, remuxed");
const signed: SignedEvidenceManifest = {
  manifest: {
    format: "ioc-evidence/1",
    exportId: "Ab3dEf6hIj9kLm2n",
    createdAt: "2026-12-04T02:30:00.000Z",
    operatorId: "sup-01",
    operatorName: "Phạm Quốc Huy",
    reason: "Công an phường yêu cầu",
    from: "2026-12-04T02:14:00.000Z",
    to: "2026-12-04T02:14:10.000Z",
    files: [{ cameraId: "cam-07", file: "cam-07.mp4", sha256: createHash("sha256").update(clip).digest("hex"), bytes: clip.length, segments: 10, startMs: 0, endMs: 10_000, gaps: [] }],
  },
  signature: { algorithm: "HMAC-SHA256", keyId: "0123456789abcdef", value: "a".repeat(64) },
};
const request = { cameraIds: ["cam-07"], from: signed.manifest.from, to: signed.manifest.to, reason: signed.manifest.reason };

function source(files: Record<string, Buffer>): EvidenceSource {
  return {
    exportEvidence: () => Promise.resolve(ok(signed)),
    evidenceFile: (_id, file) => Promise.resolve(files[file] === undefined ? err("not_found", `no ${file}`) : ok(files[file])),
  };
}

describe("keeping an evidence export on the console", () => {
  it("keeps the clips and the manifest as the backend wrote them, in a folder named by the export", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-evidence-"));
    const manifestBytes = Buffer.from(JSON.stringify(signed, null, 2));
    const saved = await saveEvidence(source({ "cam-07.mp4": clip, "manifest.json": manifestBytes }), dir, request);
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.folder).toBe(join(dir, signed.manifest.exportId));
    expect(readFileSync(join(saved.value.folder, "cam-07.mp4"))).toEqual(clip);
    expect(readFileSync(join(saved.value.folder, "manifest.json"))).toEqual(manifestBytes);
  });

  it("refuses a clip that does not match its manifest, and keeps nothing of the export", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-evidence-"));
    const changed = Buffer.from("the stored segments, remuxeD");
    const saved = await saveEvidence(source({ "cam-07.mp4": changed, "manifest.json": Buffer.from("{}") }), dir, request);
    expect(!saved.ok && saved.error.kind).toBe("backend_error");
    expect(existsSync(join(dir, signed.manifest.exportId))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("passes on the backend's refusal (a role that may not export) and keeps nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-evidence-"));
    const refusing: EvidenceSource = { exportEvidence: () => Promise.resolve(err("forbidden", "Only supervisors may export evidence.")), evidenceFile: () => Promise.resolve(err("not_found", "-")) };
    const saved = await saveEvidence(refusing, dir, request);
    expect(!saved.ok && saved.error.kind).toBe("forbidden");
    expect(readdirSync(dir)).toEqual([]);
  });
});
