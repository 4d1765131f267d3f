import { describe, expect, it } from "vitest";
import { applyCameraCommand, type CameraCommand } from "../../shared/commands/camera-commands.js";
import { commandParameters, CommandSchema } from "../../shared/commands/command.js";
import { cameraUrlProblem, CameraUrlSchema, redactUrlCredentials, sameServer, urlWithCredentials } from "../../shared/domain/camera-setup.js";
import type { Camera } from "../../shared/domain/camera.js";
import type { Operator } from "../../shared/domain/operator.js";

const lan: Operator = { id: "op-01", name: "Nguyễn Thị Lan", role: "operator" };
const huy: Operator = { id: "sup-01", name: "Phạm Quốc Huy", role: "supervisor" };
const target = { kind: "camera" as const, id: "cam-0f6b7c1e-1111-4222-8333-944445555666" };
const settings = { url: "rtsp://10.0.0.7:554/stream1", subStreamUrl: "rtsp://10.0.0.7:554/stream2", credentials: { username: "admin", password: "pw-123" }, recording: true, retentionDays: 30 };
const addCommand: CameraCommand = { type: "camera_add", target, name: "Cầu Uông Bí", wardCode: "22261", location: [106.78, 21.04], settings };

function added(): Camera {
  const r = applyCameraCommand(null, addCommand, huy);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("camera addresses", () => {
  it("accepts rtsp, rtsps, http and https with a host, nothing else", () => {
    for (const url of ["rtsp://10.0.0.7:554/s1", "rtsps://cam.local/s", "http://10.0.0.8/live.m3u8", "https://cdn.example/cam/index.m3u8"]) expect(cameraUrlProblem(url), url).toBeNull();
    expect(cameraUrlProblem("file:///etc/passwd")).toMatch(/Only rtsp, rtsps, http and https/);
    expect(cameraUrlProblem("javascript:alert(1)")).toMatch(/Only rtsp/);
    expect(cameraUrlProblem("10.0.0.7:554")).not.toBeNull();
    expect(cameraUrlProblem("rtsp://admin:pw@10.0.0.7/s")).toMatch(/own fields/);
    expect(CameraUrlSchema.safeParse(`rtsp://h/${"a".repeat(1000)}`).success).toBe(false);
    expect(CameraUrlSchema.safeParse("").success).toBe(false);
  });

  it("writes credentials in for ffmpeg, encoded, and takes them out of any text", () => {
    const url = urlWithCredentials("rtsp://10.0.0.7:554/s1", { username: "ad min", password: "p@ss:w/rd" });
    expect(url).toBe("rtsp://ad%20min:p%40ss%3Aw%2Frd@10.0.0.7:554/s1");
    expect(redactUrlCredentials(`[rtsp @ 0x1] method DESCRIBE failed: 401 Unauthorized ${url}`)).toBe("[rtsp @ 0x1] method DESCRIBE failed: 401 Unauthorized rtsp://***@10.0.0.7:554/s1");
    expect(urlWithCredentials("rtsp://10.0.0.7/s", null)).toBe("rtsp://10.0.0.7/s");
  });
});

describe("camera rules", () => {
  it("adds an offline camera whose record carries no secret", () => {
    const camera = added();
    expect(camera).toMatchObject({ id: target.id, name: "Cầu Uông Bí", source: "rtsp", status: "offline", setup: { hasCredentials: true, enabled: true, recording: true, retentionDays: 30 } });
    expect(JSON.stringify(camera)).not.toContain("pw-123");
    expect(applyCameraCommand(null, { ...addCommand, settings: { ...settings, url: "https://cdn.example/x.m3u8" } }, huy)).toMatchObject({ ok: true, value: { source: "hls" } });
  });

  it("lets only supervisors add, edit, disable and enable", () => {
    expect(applyCameraCommand(null, addCommand, lan)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(applyCameraCommand(added(), { type: "camera_disable", target }, lan)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
  });

  it("edits keeping credentials unless told, disables and enables, and refuses what does not apply", () => {
    const camera = added();
    const { credentials: _kept, ...withoutCredentials } = settings;
    const edit: CameraCommand = { type: "camera_edit", target, name: "Cầu Uông Bí 2", wardCode: "22261", location: [106.79, 21.05], settings: { ...withoutCredentials, recording: false } };
    const edited = applyCameraCommand(camera, edit, huy);
    expect(edited).toMatchObject({ ok: true, value: { name: "Cầu Uông Bí 2", setup: { hasCredentials: true, recording: false } } });
    expect(applyCameraCommand(camera, { ...edit, settings: { ...edit.settings, credentials: null } }, huy)).toMatchObject({ ok: true, value: { setup: { hasCredentials: false } } });
    const disabled = applyCameraCommand(camera, { type: "camera_disable", target }, huy);
    expect(disabled).toMatchObject({ ok: true, value: { status: "offline", setup: { enabled: false } } });
    if (!disabled.ok) return;
    expect(applyCameraCommand(disabled.value, { type: "camera_disable", target }, huy)).toEqual({ ok: true, value: disabled.value });
    expect(applyCameraCommand(disabled.value, { type: "camera_enable", target }, huy)).toMatchObject({ ok: true, value: { setup: { enabled: true } } });
    expect(applyCameraCommand(camera, addCommand, huy)).toMatchObject({ ok: false, error: { kind: "conflict" } });
    expect(applyCameraCommand(null, { type: "camera_enable", target }, huy)).toMatchObject({ ok: false, error: { kind: "not_found" } });
    const catalogue: Camera = { ...camera, setup: undefined };
    expect(applyCameraCommand(catalogue, { type: "camera_disable", target }, huy)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
  });

  it("sends kept credentials only to the server they were given for", () => {
    const camera = added();
    const { credentials: _kept, ...withoutCredentials } = settings;
    const edit = (url: string, credentials?: null | { username: string; password: string }): CameraCommand => ({
      type: "camera_edit",
      target,
      name: "Cầu",
      wardCode: "22261",
      location: [106.78, 21.04],
      settings: { ...withoutCredentials, url, subStreamUrl: null, ...(credentials === undefined ? {} : { credentials }) },
    });
    expect(applyCameraCommand(camera, edit("rtsp://10.0.0.7:554/other-path"), huy)).toMatchObject({ ok: true });
    expect(applyCameraCommand(camera, edit("rtsp://evil.example:554/s1"), huy)).toMatchObject({ ok: false, error: { kind: "invalid_request" } });
    expect(applyCameraCommand(camera, edit("rtsp://10.0.0.7:8554/s1"), huy)).toMatchObject({ ok: false, error: { kind: "invalid_request" } });
    expect(applyCameraCommand(camera, edit("rtsp://evil.example:554/s1", { username: "u", password: "p" }), huy)).toMatchObject({ ok: true });
    expect(applyCameraCommand(camera, edit("rtsp://evil.example:554/s1", null), huy)).toMatchObject({ ok: true, value: { setup: { hasCredentials: false } } });
    expect(sameServer("rtsp://CAM.local:554/a", "rtsp://cam.local:554/b")).toBe(true);
    expect(sameServer("rtsp://cam.local/a", "rtsps://cam.local/a")).toBe(false);
  });

  it("keeps credentials out of what the audit records of a command", () => {
    expect(commandParameters(addCommand)).toMatchObject({ settings: { credentials: "set", url: settings.url } });
    expect(JSON.stringify(commandParameters(addCommand))).not.toContain("pw-123");
    expect(commandParameters({ ...addCommand, settings: { ...settings, credentials: null } })).toMatchObject({ settings: { credentials: "none" } });
  });

  it("is part of the one command schema, and refuses an id not made as added cameras' are", () => {
    expect(CommandSchema.safeParse(addCommand).success).toBe(true);
    expect(CommandSchema.safeParse({ ...addCommand, target: { kind: "camera", id: "cam-01" } }).success).toBe(false);
    expect(CommandSchema.safeParse({ ...addCommand, settings: { ...settings, url: "file:///x" } }).success).toBe(false);
  });
});
