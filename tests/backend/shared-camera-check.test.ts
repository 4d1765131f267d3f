import { describe, expect, it } from "vitest";
import { namedSharedCameras, sharedCameraRefusal } from "../../backend/province/shared-camera-check.js";
import type { StoredEntity } from "../../backend/store/backend-store.js";

const store = (ids: string[]) => ({ getEntity: async (kind: string, id: string): Promise<StoredEntity | null> => (kind === "camera" && ids.includes(id) ? { data: {}, seq: 1 } : null) });
const alarm = { kind: "alarm" as const, id: "alm-1" };
const incident = { kind: "incident" as const, id: "inc-1" };

describe("the cameras an escalation shares", () => {
  it("are those it names, for an alarm or an incident; none for other commands or an alarm that names none", () => {
    expect(namedSharedCameras({ type: "escalate", target: alarm, to: "province_ioc", reason: "x", cameraIds: ["cam-01", "cam-02"] })).toEqual(["cam-01", "cam-02"]);
    expect(namedSharedCameras({ type: "escalate", target: alarm, to: "province_ioc", reason: "x" })).toEqual([]);
    expect(namedSharedCameras({ type: "incident_escalate", target: incident, to: "province_ioc", reason: "x", cameraIds: ["cam-03"] })).toEqual(["cam-03"]);
    expect(namedSharedCameras({ type: "acknowledge", target: alarm })).toEqual([]);
  });

  it("must each be one of the city's cameras: an unknown one is refused, saying which", async () => {
    const cameras = store(["cam-01", "cam-02"]);
    expect(await sharedCameraRefusal(cameras, { type: "escalate", target: alarm, to: "province_ioc", reason: "x", cameraIds: ["cam-01", "cam-02"] })).toBeNull();
    expect(await sharedCameraRefusal(cameras, { type: "incident_escalate", target: incident, to: "province_ioc", reason: "x", cameraIds: ["cam-01", "cam-99"] })).toMatchObject({
      kind: "invalid_request",
      message: expect.stringContaining("cam-99"),
    });
  });
});
