import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAuditKey } from "../../backend/audit/audit-key.js";
import { SegmentFiles } from "../../backend/recordings/segment-files.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";
import { MIGRATIONS } from "../../backend/store/migrations/index.js";
import { STREAM_TOKEN_PARAM } from "../../shared/protocol/session.js";
import { RECORDING_PATHS, RecordingTimelineSchema, SignedEvidenceManifestSchema } from "../../shared/protocol/recordings.js";
import { resultSchema } from "../../shared/result.js";
import { backendFetch, sessionOf } from "../../scripts/lib/backend-session.js";
import { startTestBackend, type TestBackend } from "../backend/backend-harness.js";
import { encodeSegments, storeSegments, testFfmpeg } from "./recording-fixture.js";

const T0 = Date.UTC(2026, 11, 4, 2, 14, 0);
const iso = (ms: number) => new Date(ms).toISOString();
let t: TestBackend;
let dataDir = "";

beforeAll(async () => {
  const ffmpeg = await testFfmpeg();
  const bodies = await encodeSegments(ffmpeg, 6);
  dataDir = mkdtempSync(join(tmpdir(), "ioc-rec-routes-"));
  // What the recorder would have stored: cam-07 at 02:14:00-02:14:06 with 02:14:02-02:14:04 missing.
  const key = loadAuditKey({ dataDir, create: true }).key;
  const store = openSqliteStore({ filename: join(dataDir, "ioc-backend.sqlite"), auditKey: key });
  await storeSegments(store.recordings, new SegmentFiles(join(dataDir, "recordings")), "cam-07", bodies, T0, new Set([2, 3]));
  await store.close();
  expect(MIGRATIONS.length).toBeGreaterThanOrEqual(6);
  t = await startTestBackend({ dataDir, recording: { enabled: true } });
}, 60_000);

afterAll(async () => {
  await t.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function hls(path: string, as: string | null, origin?: string): Promise<Response> {
  const token = as === null ? "" : `${path.includes("?") ? "&" : "?"}${STREAM_TOKEN_PARAM}=${(await sessionOf(t.backend.url, as)).streamToken}`;
  return fetch(`${t.backend.url}${path}${token}`, origin === undefined ? {} : { headers: { origin } });
}

const range = `from=${encodeURIComponent(iso(T0))}&to=${encodeURIComponent(iso(T0 + 10_000))}`;

describe("recorded video routes", () => {
  it("serves any range as a dated VOD playlist, and its segments, to operators with a stream token", async () => {
    const response = await hls(`/hls/cam-07/${RECORDING_PATHS.vodDir}/index.m3u8?${range}`, "op-01");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(`#EXT-X-PROGRAM-DATE-TIME:${iso(T0)}\n#EXTINF:1.000,\n${T0}.ts`);
    expect(text).toContain(`#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:${iso(T0 + 4000)}`);
    expect(text.trimEnd().endsWith("#EXT-X-ENDLIST")).toBe(true);
    const narrow = await (await hls(`/hls/cam-07/rec/index.m3u8?from=${encodeURIComponent(iso(T0 + 4500))}&to=${encodeURIComponent(iso(T0 + 5200))}`, "op-01")).text();
    expect(narrow.match(/\.ts$/gm)).toHaveLength(2);

    const segment = await hls(`/hls/cam-07/rec/${T0 + 1000}.ts`, "op-01");
    expect(segment.status).toBe(200);
    expect(segment.headers.get("content-type")).toBe("video/mp2t");
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it("refuses without a stream token, to a viewer, for bad ranges and for what does not exist", async () => {
    expect((await hls(`/hls/cam-07/rec/index.m3u8?${range}`, null)).status).toBe(401);
    expect((await hls(`/hls/cam-07/rec/index.m3u8?${range}`, "view-01")).status).toBe(403);
    expect((await hls(`/hls/cam-07/rec/${T0}.ts`, "view-01")).status).toBe(403);
    expect((await hls(`/hls/cam-07/rec/index.m3u8?from=${encodeURIComponent(iso(T0))}&to=${encodeURIComponent(iso(T0 + 5 * 60 * 60_000))}`, "op-01")).status).toBe(400);
    expect((await hls(`/hls/cam-07/rec/index.m3u8?from=yesterday&to=today`, "op-01")).status).toBe(400);
    expect((await hls(`/hls/cam-99/rec/index.m3u8?${range}`, "op-01")).status).toBe(404);
    expect((await hls(`/hls/cam-08/rec/index.m3u8?${range}`, "op-01")).status).toBe(404);
    expect((await hls(`/hls/cam-07/rec/..%2Fstore.ts`, "op-01")).status).toBe(400);
    expect((await hls(`/hls/cam-07/rec/${T0 + 2000}.ts`, "op-01")).status).toBe(404);
  });

  it("lets only configured console origins read recorded video from a page", async () => {
    const foreign = await hls(`/hls/cam-07/rec/index.m3u8?${range}`, "op-01", "https://evil.example");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const own = await hls(`/hls/cam-07/rec/index.m3u8?${range}`, "op-01", "app://console");
    expect(own.headers.get("access-control-allow-origin")).toBe("app://console");
  });

  it("draws a camera's timeline: recorded spans and gaps", async () => {
    const response = await t.get(`${RECORDING_PATHS.recordings}/cam-07/timeline?${range}`, "op-01");
    expect(response.status).toBe(200);
    const timeline = resultSchema(RecordingTimelineSchema).parse(response.body);
    if (!timeline.ok) throw new Error(timeline.error.message);
    expect(timeline.value.recorded).toEqual([
      { startMs: T0, endMs: T0 + 2000 },
      { startMs: T0 + 4000, endMs: T0 + 6000 },
    ]);
    expect(timeline.value.gaps).toEqual([{ startMs: T0 + 2000, endMs: T0 + 4000 }]);
    expect((await t.get(`${RECORDING_PATHS.recordings}/cam-07/timeline?${range}`, "view-01")).status).toBe(403);
    expect((await t.get(`${RECORDING_PATHS.recordings}/health`, "op-01")).body).toMatchObject({ ok: true, value: { cameras: expect.arrayContaining([{ cameraId: "cam-07", state: "off", gapSinceMs: null, quota: "ok", bytes: expect.any(Number), oldestMs: T0 }]) } });
  });

  it("exports evidence for supervisors only, audits it, and serves the clip and the signed manifest", async () => {
    const request = { cameraIds: ["cam-07"], from: iso(T0), to: iso(T0 + 6000), reason: "Yêu cầu của công an phường" };
    const refused = await t.post(RECORDING_PATHS.exports, request, "op-01");
    expect(refused.status).toBe(403);
    expect((await t.post(RECORDING_PATHS.exports, { ...request, cameraIds: [] }, "sup-01")).status).toBe(400);
    expect((await t.post(RECORDING_PATHS.exports, { ...request, cameraIds: ["cam-99"] }, "sup-01")).status).toBe(404);

    const exported = await t.post(RECORDING_PATHS.exports, request, "sup-01");
    expect(exported.status).toBe(200);
    const signed = resultSchema(SignedEvidenceManifestSchema).parse(exported.body);
    if (!signed.ok) throw new Error(signed.error.message);
    const { manifest } = signed.value;
    expect(manifest).toMatchObject({ operatorId: "sup-01", reason: request.reason, files: [{ cameraId: "cam-07", segments: 4 }] });

    const clip = await backendFetch(`${t.backend.url}${RECORDING_PATHS.exports}/${manifest.exportId}/cam-07.mp4`, {}, "sup-01");
    expect(clip.status).toBe(200);
    expect(clip.headers.get("content-type")).toBe("video/mp4");
    expect(createHash("sha256").update(Buffer.from(await clip.arrayBuffer())).digest("hex")).toBe(manifest.files[0]?.sha256);
    const written = await backendFetch(`${t.backend.url}${RECORDING_PATHS.exports}/${manifest.exportId}/manifest.json`, {}, "sup-01");
    expect(SignedEvidenceManifestSchema.parse(await written.json())).toEqual(signed.value);
    expect((await t.get(`${RECORDING_PATHS.exports}/${manifest.exportId}/cam-07.mp4`, "op-01")).status).toBe(403);
    expect((await t.get(`${RECORDING_PATHS.exports}/${manifest.exportId}/..%2F..%2Fkeys%2Faudit.key`, "sup-01")).status).toBe(400);

    const reader = openSqliteStore({ filename: join(dataDir, "ioc-backend.sqlite"), auditKey: loadAuditKey({ dataDir, create: false }).key, readonly: true });
    try {
      const entries = (await reader.auditLog(50)).filter((e) => e.action === "evidence.export");
      expect(entries.map((e) => [e.operatorId, e.outcome])).toEqual(expect.arrayContaining([["op-01", "rejected"], ["sup-01", "applied"]]));
      expect(entries.find((e) => e.outcome === "applied")?.detail).toMatchObject({ exportId: manifest.exportId, reason: request.reason, files: [{ file: "cam-07.mp4", sha256: manifest.files[0]?.sha256 }] });
      expect((await reader.verifyAudit()).valid).toBe(true);
    } finally {
      await reader.close();
    }
  });
});
