import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { exportEvidence, MANIFEST_FILE, type EvidenceExporter } from "../../backend/recordings/evidence-export.js";
import { signManifest, verifyEvidence } from "../../backend/recordings/evidence-manifest.js";
import { SegmentFiles } from "../../backend/recordings/segment-files.js";
import type { BackendStore } from "../../backend/store/backend-store.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";
import { SignedEvidenceManifestSchema } from "../../shared/protocol/recordings.js";
import { encodeSegments, nalUnits, frameHashes, storeSegments, testFfmpeg } from "./recording-fixture.js";

const T0 = Date.UTC(2026, 11, 4, 2, 14, 0);
const OPERATOR = { id: "sup-01", name: "Trần Văn Minh" };
let ffmpeg = "";
let bodies: Buffer[] = [];
const stores: BackendStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

beforeAll(async () => {
  ffmpeg = await testFfmpeg();
  bodies = await encodeSegments(ffmpeg, 6);
}, 60_000);

async function exporterWith(missing: ReadonlySet<number> = new Set()): Promise<EvidenceExporter & { store: BackendStore; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "ioc-evidence-"));
  const store = openSqliteStore({ filename: ":memory:", auditKey: randomBytes(32) });
  stores.push(store);
  const files = new SegmentFiles(join(dir, "recordings"));
  await storeSegments(store.recordings, files, "cam-07", bodies, T0, missing);
  return { store, dir, index: store.recordings, files, ffmpegPath: ffmpeg, ffmpegProblem: null, exportsDir: join(dir, "exports"), auditKey: randomBytes(32) };
}

const request = { cameraIds: ["cam-07"], from: new Date(T0).toISOString(), to: new Date(T0 + 6000).toISOString(), reason: "Va chạm tại chợ Uông Bí lúc 02:14" };

describe("evidence export", () => {
  it("remuxes the stored segments into an MP4 whose frames are the stored ones, byte for byte, and verifies it", async () => {
    const exporter = await exporterWith();
    const result = await exportEvidence(exporter, request, OPERATOR, new Date(T0 + 60_000));
    if (!result.ok) throw new Error(result.error.message);
    const { manifest } = result.value;
    const clip = join(exporter.exportsDir, manifest.exportId, "cam-07.mp4");
    const concatenated = join(exporter.dir, "stored.ts");
    writeFileSync(concatenated, Buffer.concat(bodies));

    expect(manifest).toMatchObject({ operatorId: "sup-01", reason: request.reason, files: [{ cameraId: "cam-07", segments: 6, startMs: T0, endMs: T0 + 6000, gaps: [] }] });
    // Not re-encoded: the H.264 bitstream is the stored one, and so is every decoded picture.
    const stored = await nalUnits(ffmpeg, concatenated);
    const exported = await nalUnits(ffmpeg, clip);
    expect(stored.length).toBeGreaterThan(60);
    expect(exported.length).toBe(stored.length);
    expect(exported.every((unit, i) => unit.equals(stored[i] ?? Buffer.alloc(0)))).toBe(true);
    expect(await frameHashes(ffmpeg, clip)).toEqual(await frameHashes(ffmpeg, concatenated));

    const written = SignedEvidenceManifestSchema.parse(JSON.parse(readFileSync(join(exporter.exportsDir, manifest.exportId, MANIFEST_FILE), "utf8")));
    expect(written).toEqual(result.value);
    expect(await verifyEvidence(written, join(exporter.exportsDir, manifest.exportId), exporter.auditKey)).toEqual({ valid: true, files: 1 });
  }, 60_000);

  it("refuses a tampered clip, an edited manifest and another key", async () => {
    const exporter = await exporterWith();
    const result = await exportEvidence(exporter, request, OPERATOR, new Date(T0 + 60_000));
    if (!result.ok) throw new Error(result.error.message);
    const dir = join(exporter.exportsDir, result.value.manifest.exportId);

    const edited = { ...result.value, manifest: { ...result.value.manifest, reason: "something else" } };
    expect(await verifyEvidence(edited, dir, exporter.auditKey)).toMatchObject({ valid: false, reason: "bad_signature" });
    expect(await verifyEvidence(result.value, dir, randomBytes(32))).toMatchObject({ valid: false, reason: "wrong_key" });
    // Re-signed by someone holding another key: still not this backend's export.
    expect(await verifyEvidence(signManifest(edited.manifest, randomBytes(32)), dir, exporter.auditKey)).toMatchObject({ valid: false, reason: "wrong_key" });

    const clip = join(dir, "cam-07.mp4");
    const bytes = readFileSync(clip);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(clip, bytes);
    expect(await verifyEvidence(result.value, dir, exporter.auditKey)).toMatchObject({ valid: false, reason: "hash_mismatch" });
    writeFileSync(clip, bytes.subarray(1));
    expect(await verifyEvidence(result.value, dir, exporter.auditKey)).toMatchObject({ valid: false, reason: "size_mismatch" });
  }, 60_000);

  it("names the gaps inside the range, and refuses a range with nothing recorded", async () => {
    const exporter = await exporterWith(new Set([2, 3]));
    const result = await exportEvidence(exporter, request, OPERATOR, new Date(T0 + 60_000));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.manifest.files[0]).toMatchObject({ segments: 4, gaps: [{ startMs: T0 + 2000, endMs: T0 + 4000 }] });

    const empty = await exportEvidence(exporter, { ...request, from: new Date(T0 - 60_000).toISOString(), to: new Date(T0 - 30_000).toISOString() }, OPERATOR, new Date());
    expect(empty).toMatchObject({ ok: false, error: { kind: "not_found" } });
    const noFfmpeg = await exportEvidence({ ...exporter, ffmpegPath: null, ffmpegProblem: "ffmpeg is missing." }, request, OPERATOR, new Date());
    expect(noFfmpeg).toEqual({ ok: false, error: { kind: "offline", message: "ffmpeg is missing." } });
  }, 60_000);
});

describe("evidence:verify", () => {
  function verifyCli(manifest: string, keyFile: string): { code: number; output: string } {
    try {
      const output = execFileSync(process.execPath, ["--import", "tsx", "backend/recordings/verify-evidence-cli.ts", manifest, "--audit-key-file", keyFile], {
        stdio: "pipe",
        env: { ...process.env, IOC_AUDIT_KEY: "" },
      });
      return { code: 0, output: output.toString() };
    } catch (error) {
      const failed = error as { status: number; stderr: Buffer };
      return { code: failed.status, output: failed.stderr.toString() };
    }
  }

  it("says an intact export is intact and refuses a tampered clip, with exit codes", async () => {
    const exporter = await exporterWith();
    const result = await exportEvidence(exporter, request, OPERATOR, new Date(T0 + 60_000));
    if (!result.ok) throw new Error(result.error.message);
    const dir = join(exporter.exportsDir, result.value.manifest.exportId);
    const keyFile = join(exporter.dir, "audit.key");
    writeFileSync(keyFile, exporter.auditKey.toString("hex"), { mode: 0o600 });

    expect(verifyCli(join(dir, MANIFEST_FILE), keyFile)).toMatchObject({ code: 0, output: expect.stringContaining("Evidence intact") });
    const clip = join(dir, "cam-07.mp4");
    const bytes = readFileSync(clip);
    bytes[500] = (bytes[500] ?? 0) ^ 1;
    writeFileSync(clip, bytes);
    expect(verifyCli(join(dir, MANIFEST_FILE), keyFile)).toEqual({ code: 1, output: "Evidence NOT intact: cam-07.mp4 is not the clip that was exported: its SHA-256 differs.\n" });
    expect(verifyCli(join(dir, "nothing.json"), keyFile)).toMatchObject({ code: 2 });
  }, 60_000);
});
