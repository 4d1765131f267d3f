import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommandResponseSchema, type Command } from "../../shared/commands/command.js";
import { CameraSchema, type Camera } from "../../shared/domain/camera.js";
import { BACKEND_PATHS, ChangeSchema, ChangesPageSchema } from "../../shared/protocol/backend.js";
import { RECORDING_PATHS, RecordingHealthListSchema } from "../../shared/protocol/recordings.js";
import { STREAM_TOKEN_PARAM } from "../../shared/protocol/session.js";
import { sessionOf } from "../../scripts/lib/backend-session.js";
import { startTestBackend, type TestBackend } from "./backend-harness.js";
import { startRtspCamera, type RtspCamera } from "../shared/rtsp-camera.js";
import { until } from "../shared/until.js";
import { resultSchema } from "../../shared/result.js";
import { CAMERA_PATHS } from "../../shared/protocol/cameras.js";

/**
 * A supervisor adds an RTSP camera (a real one on loopback) through the command pipeline: the
 * backend starts repackaging and recording it without a restart, keeps its credentials out of
 * every record, and stops it when it is disabled. Operators cannot add cameras.
 */
const PASSWORD = "s3cret-Camera-PW";
const cameraId = `cam-${randomUUID()}`;
const dataDir = mkdtempSync(join(tmpdir(), "ioc-camera-admin-"));
let rtsp: RtspCamera;
let t: TestBackend;
let streamToken = "";

function request(operatorId: string, command: Command) {
  return { idempotencyKey: `key-${randomUUID()}`, operatorId, at: new Date().toISOString(), command };
}

async function act(operatorId: string, command: Command) {
  const answer = await t.post(BACKEND_PATHS.actions, request(operatorId, command), operatorId);
  return { status: answer.status, response: answer.status === 200 ? CommandResponseSchema.parse(answer.body) : null, body: answer.body };
}

async function storedCamera(): Promise<Camera | null> {
  const page = ChangesPageSchema.parse((await t.get("/api/v1/changes?limit=5000")).body);
  const changes = page.changes.map((c) => ChangeSchema.parse(c)).filter((c) => c.entity === "camera" && c.id === cameraId);
  const last = changes.at(-1);
  return last?.op === "upsert" ? CameraSchema.parse(last.data) : null;
}

async function playlistStatus(rendition = ""): Promise<number> {
  return (await fetch(`${t.backend.url}/hls/${cameraId}/${rendition}index.m3u8?${STREAM_TOKEN_PARAM}=${streamToken}`)).status;
}

const add = (): Command => ({
  type: "camera_add",
  target: { kind: "camera", id: cameraId },
  name: "Cổng chợ Uông Bí (RTSP)",
  wardCode: "22261",
  location: [106.78, 21.04],
  // The same stream as its sub-stream: rtsp-server-perl serves one camera at a time on this machine.
  settings: { url: rtsp.url, subStreamUrl: rtsp.url, credentials: { username: "admin", password: PASSWORD }, recording: true, retentionDays: 7 },
});

beforeAll(async () => {
  rtsp = await startRtspCamera();
  t = await startTestBackend({ dataDir, cameraCount: 1, video: { enabled: true, cacheDir: join(process.cwd(), ".cache", "test-video") }, recording: { enabled: true } });
  streamToken = (await sessionOf(t.backend.url, "op-01")).streamToken;
}, 60_000);

afterAll(async () => {
  await t?.stop();
  rtsp?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("cameras administered by a supervisor", () => {
  it("tests a connection for supervisors only: codec and size of a live camera, a clear sentence for a dead one", async () => {
    const probe = { url: rtsp.url, credentials: { username: "admin", password: PASSWORD }, storedCredentialsOf: null };
    const answered = await t.post(CAMERA_PATHS.probe, probe, "sup-01");
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({ ok: true, value: { answered: true, codec: "h264", width: 320, height: 180, fps: 25 } });
    const refused = await t.post(CAMERA_PATHS.probe, { ...probe, url: "rtsp://127.0.0.1:1/cam1" }, "sup-01");
    expect(refused.body).toMatchObject({ ok: true, value: { answered: false, problem: expect.stringContaining("127.0.0.1:1 refused the connection") } });
    expect((await t.post(CAMERA_PATHS.probe, probe, "op-01")).status).toBe(403);
    expect((await t.post(CAMERA_PATHS.probe, { ...probe, url: "file:///etc/passwd" }, "sup-01")).status).toBe(400);
  }, 30_000);

  it("refuses an operator's camera, and an address of another scheme or with credentials in it", async () => {
    const byOperator = await act("op-01", add());
    expect(byOperator.response).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    for (const url of ["file:///etc/passwd", "rtsp://admin:pw@127.0.0.1:554/x", "ftp://camera/x", `rtsp://h/${"x".repeat(1100)}`]) {
      const command = add();
      if (command.type !== "camera_add") throw new Error("unreachable");
      const bad = await act("sup-01", { ...command, settings: { ...command.settings, url } });
      expect(bad.status, url).toBe(400);
    }
    expect(await storedCamera()).toBeNull();
  });

  it("adds an RTSP camera that streams and records at once, its credentials nowhere but their own table", async () => {
    const added = await act("sup-01", add());
    expect(added.response?.ok).toBe(true);
    if (added.response?.ok !== true || added.response.value.kind !== "camera") throw new Error("no camera answered");
    expect(added.response.value.entity.setup).toMatchObject({ url: rtsp.url, hasCredentials: true, enabled: true, recording: true });
    expect(JSON.stringify(added.body)).not.toContain(PASSWORD);

    await until(async () => (await storedCamera())?.status === "online", "the camera online at the backend's address", 20_000, 200);
    expect((await storedCamera())?.streamUrl).toBe(`${t.backend.url}/hls/${cameraId}/index.m3u8`);
    await until(async () => (await playlistStatus()) === 200, "the added camera's live playlist", 40_000, 300);
    await until(async () => (await playlistStatus("sub/")) === 200, "the added camera's sub-stream playlist", 40_000, 300);
    const sub = await (await fetch(`${t.backend.url}/hls/${cameraId}/sub/index.m3u8?${STREAM_TOKEN_PARAM}=${streamToken}`)).text();
    const segment = sub.split("\n").filter((line) => line.endsWith(".ts")).at(-1) ?? "";
    const ts = await fetch(`${t.backend.url}/hls/${cameraId}/sub/${segment}?${STREAM_TOKEN_PARAM}=${streamToken}`);
    expect(ts.status).toBe(200);
    expect(Buffer.from(await ts.arrayBuffer())[0]).toBe(0x47);
    await until(
      async () => {
        const health = resultSchema(RecordingHealthListSchema).parse((await t.get(`${RECORDING_PATHS.recordings}/health`)).body);
        return health.ok && health.value.cameras.some((h) => h.cameraId === cameraId && h.state === "recording");
      },
      "the added camera recorded",
      40_000,
      500,
    );

    // The stored credentials test the camera's own server, and are never sent to another one.
    const kept = await t.post(CAMERA_PATHS.probe, { url: rtsp.url, credentials: null, storedCredentialsOf: cameraId }, "sup-01");
    expect(kept.body).toMatchObject({ ok: true, value: { answered: true, codec: "h264" } });
    expect((await t.post(CAMERA_PATHS.probe, { url: "rtsp://198.51.100.7:554/x", credentials: null, storedCredentialsOf: cameraId }, "sup-01")).status).toBe(400);

    // Nowhere in the store in the clear: not the change log, the entities, the audit trail, the idempotency answers; sealed in their own table.
    const db = new Database(join(dataDir, "ioc-backend.sqlite"), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      for (const table of tables) expect(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()), table).not.toContain(PASSWORD);
      expect(db.prepare("SELECT password FROM camera_credentials WHERE camera_id = ?").pluck().get(cameraId)).toMatch(/^sealed:v1:/);
      const audit = db.prepare("SELECT detail FROM audit_log WHERE action = 'camera_add' AND outcome = 'applied'").pluck().get() as string;
      expect(JSON.parse(audit)).toMatchObject({ settings: { credentials: "set", url: rtsp.url } });
    } finally {
      db.close();
    }
  }, 120_000);

  it("stops streaming a disabled camera and starts again when enabled", async () => {
    const disabled = await act("sup-01", { type: "camera_disable", target: { kind: "camera", id: cameraId } });
    expect(disabled.response?.ok).toBe(true);
    await until(async () => (await playlistStatus()) !== 200, "the disabled camera's stream stopped", 20_000, 200);
    expect((await storedCamera())?.status).toBe("offline");
    const enabled = await act("sup-01", { type: "camera_enable", target: { kind: "camera", id: cameraId } });
    expect(enabled.response?.ok).toBe(true);
    await until(async () => (await playlistStatus()) === 200, "the enabled camera's stream back", 40_000, 300);
  }, 90_000);
});
