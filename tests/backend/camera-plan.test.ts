import { describe, expect, it } from "vitest";
import { servedCamera, sourceChanges, wantedSources } from "../../backend/cameras/camera-plan.js";
import type { Camera } from "../../shared/domain/camera.js";

const setup = { url: "rtsp://10.0.0.7/s1", subStreamUrl: null, recording: true, retentionDays: 7, hasCredentials: false, enabled: true };
const camera = (id: string, over: Partial<Camera["setup"] & object> = {}): Camera => ({
  id,
  name: id,
  wardCode: "22261",
  location: [106.78, 21.04],
  bearing: null,
  status: "offline",
  streamUrl: `http://camera.invalid/hls/${id}/index.m3u8`,
  source: "rtsp",
  setup: { ...setup, ...over },
});

describe("the added cameras' runtime plan", () => {
  it("wants the enabled administered cameras only, with their recording", () => {
    const catalogue: Camera = { ...camera("cam-01"), setup: undefined };
    const wanted = wantedSources([catalogue, camera("cam-a"), camera("cam-b", { enabled: false }), camera("cam-c", { recording: false })], () => "");
    expect(wanted.map((w) => [w.cameraId, w.recording])).toEqual([
      ["cam-a", { retentionDays: 7 }],
      ["cam-c", null],
    ]);
  });

  it("restarts an encoder when its address or credentials change, stops the unwanted, leaves the rest", () => {
    const before = wantedSources([camera("cam-a"), camera("cam-b")], () => "k1");
    const running = new Map(before.map((w) => [w.cameraId, w.key]));
    expect(sourceChanges(running, before)).toEqual({ stop: [], start: [] });
    const after = wantedSources([camera("cam-a", { url: "rtsp://10.0.0.8/s1" }), camera("cam-c")], (id) => (id === "cam-c" ? "k2" : "k1"));
    const changes = sourceChanges(running, after);
    expect(changes.stop.sort()).toEqual(["cam-a", "cam-b"]);
    expect(changes.start.map((w) => w.cameraId)).toEqual(["cam-a", "cam-c"]);
    const newPassword = wantedSources([camera("cam-a")], () => "k3");
    expect(sourceChanges(running, newPassword).start.map((w) => w.cameraId)).toEqual(["cam-a"]);
  });

  it("serves an added camera at this backend's address, online while enabled and video works", () => {
    expect(servedCamera(camera("cam-a"), "https://ioc.local:8420", true)).toMatchObject({ streamUrl: "https://ioc.local:8420/hls/cam-a/index.m3u8", status: "online" });
    expect(servedCamera(camera("cam-a", { enabled: false }), "https://ioc.local:8420", true)).toMatchObject({ status: "offline" });
    expect(servedCamera(camera("cam-a"), "https://ioc.local:8420", false)).toMatchObject({ status: "offline" });
    const served = servedCamera(camera("cam-a"), "https://ioc.local:8420", true);
    expect(served === null ? null : servedCamera(served, "https://ioc.local:8420", true)).toBeNull();
    expect(servedCamera({ ...camera("cam-01"), setup: undefined }, "https://ioc.local:8420", true)).toBeNull();
  });
});
