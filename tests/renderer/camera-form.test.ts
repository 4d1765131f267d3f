import { describe, expect, it } from "vitest";
import { cameraFormOf, emptyCameraForm, parseLocation, readCameraForm } from "../../renderer/src/features/cameras/model/camera-form.js";
import type { Camera } from "../../shared/domain/camera.js";

const filled = { ...emptyCameraForm("22261"), name: " Cầu Uông Bí ", location: "106.78, 21.04", url: "rtsp://10.0.0.7:554/s1" };

describe("the camera form", () => {
  it("reads a filled form into what the command carries", () => {
    expect(readCameraForm(filled)).toEqual({
      ok: true,
      value: { name: "Cầu Uông Bí", wardCode: "22261", location: [106.78, 21.04], settings: { url: "rtsp://10.0.0.7:554/s1", subStreamUrl: null, credentials: null, recording: true, retentionDays: 30 } },
    });
    expect(readCameraForm({ ...filled, username: "admin", password: "pw" })).toMatchObject({ ok: true, value: { settings: { credentials: { username: "admin", password: "pw" } } } });
  });

  it("names each field that is wrong, with the schema's sentence for an address", () => {
    const read = readCameraForm({ ...filled, name: "", location: "north of the bridge", url: "file:///etc/passwd", subStreamUrl: "rtsp://a:b@cam/x", username: "admin", retentionDays: "0" });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(Object.keys(read.problems).sort()).toEqual(["credentials", "location", "name", "retentionDays", "subStreamUrl", "url"]);
    expect(read.problems.url?.detail).toMatch(/Only rtsp, rtsps, http and https/);
    expect(read.problems.subStreamUrl?.detail).toMatch(/own fields/);
  });

  it("keeps stored credentials on an edit unless new ones are typed", () => {
    const camera: Camera = {
      id: "cam-0f6b7c1e-1111-4222-8333-944445555666",
      name: "Cầu",
      wardCode: "22261",
      location: [106.78, 21.04],
      bearing: null,
      status: "online",
      streamUrl: "http://127.0.0.1:8420/hls/cam-x/index.m3u8",
      source: "rtsp",
      setup: { url: "rtsp://10.0.0.7/s1", subStreamUrl: null, recording: false, retentionDays: 7, hasCredentials: true, enabled: true },
    };
    const form = cameraFormOf(camera);
    expect(form).toMatchObject({ keepCredentials: true, username: "", password: "", recording: false, retentionDays: "7" });
    const kept = readCameraForm(form);
    expect(kept.ok && kept.value.settings.credentials).toBeUndefined();
    expect(readCameraForm({ ...form, username: "new", password: "pw2" })).toMatchObject({ ok: true, value: { settings: { credentials: { username: "new", password: "pw2" } } } });
  });

  it("reads a typed position as longitude, latitude", () => {
    expect(parseLocation("106.78 21.04")).toEqual([106.78, 21.04]);
    expect(parseLocation("106.78;21.04")).toEqual([106.78, 21.04]);
    expect(parseLocation("200, 21")).toBeNull();
    expect(parseLocation("106.78")).toBeNull();
  });
});
