import { describe, expect, it } from "vitest";
import { applyAlarmCommand } from "../../shared/alarm-actions.js";
import { AlarmCommandSchema } from "../../shared/commands/alarm-commands.js";
import { AlarmEscalationSchema } from "../../shared/domain/alarm.js";
import { ProvinceEscalationSchema } from "../../shared/domain/province.js";
import { MAX_SHARED_CAMERAS, SHARE_WINDOW_MS, defaultSharedCameras, withinShareWindow } from "../../shared/domain/shared-cameras.js";
import { UplinkEscalationSchema } from "../../shared/protocol/province.js";
import { camerasToOffer, incidentDefaultCameras, toggleSharedCamera } from "../../renderer/src/features/escalation/model/shared-camera-choice.js";
import { LAN, makeAlarm } from "./fixtures.js";

const AT = "2026-11-25T10:05:00.000Z";
const target = { kind: "alarm", id: "alm-1" } as const;

describe("cameras shared with an escalation", () => {
  it("default to the alarm's own camera, or none", () => {
    const withCamera = applyAlarmCommand(makeAlarm({ cameraId: "cam-03" }), { type: "escalate", target, to: "province_ioc", reason: "r" }, LAN, AT, "k1");
    expect(withCamera.ok && withCamera.value.escalations[0]?.cameraIds).toEqual(["cam-03"]);
    const without = applyAlarmCommand(makeAlarm({ cameraId: null }), { type: "escalate", target, to: "province_ioc", reason: "r" }, LAN, AT, "k1");
    expect(without.ok && without.value.escalations[0]?.cameraIds).toEqual([]);
    expect(defaultSharedCameras("../etc")).toEqual([]);
  });

  it("are the operator's choice when given, none included", () => {
    const r = applyAlarmCommand(makeAlarm({ cameraId: "cam-03" }), { type: "escalate", target, to: "province_ioc", reason: "r", cameraIds: [] }, LAN, AT, "k1");
    expect(r.ok && r.value.escalations[0]?.cameraIds).toEqual([]);
  });

  it("are bounded in count and shaped as path segments", () => {
    const base = { type: "escalate", target, to: "province_ioc", reason: "r" };
    expect(AlarmCommandSchema.safeParse({ ...base, cameraIds: ["cam-1", "cam-2", "cam-3", "cam-4"] }).success).toBe(true);
    expect(AlarmCommandSchema.safeParse({ ...base, cameraIds: ["a", "b", "c", "d", "e"] }).success).toBe(false);
    expect(AlarmCommandSchema.safeParse({ ...base, cameraIds: ["../x"] }).success).toBe(false);
    expect(AlarmCommandSchema.safeParse({ ...base, cameraIds: ["cam/1"] }).success).toBe(false);
  });

  it("are absent from older records and messages, which still parse", () => {
    const old = { at: AT, operatorId: "op-01", operatorName: "Lan", to: "province_ioc", reason: "r" };
    expect(AlarmEscalationSchema.parse(old).cameraIds).toEqual([]);
    const item = UplinkEscalationSchema.parse({
      key: "uong-bi~alm-1~0",
      alarm: { id: "alm-1", type: "fire", priority: "high", place: "p", wardCode: "w", location: [106.8, 21.0], raisedAt: AT, cameraId: null },
      index: 0,
      reason: "r",
      escalatedByName: "Lan",
      escalatedAt: AT,
    });
    expect(item.cameraIds).toEqual([]);
    const stored = ProvinceEscalationSchema.parse({
      ...item,
      id: item.key,
      cityId: "uong-bi",
      cityName: "Uông Bí",
      receivedAt: AT,
      state: "open",
      acknowledgedBy: null,
      acknowledgedByName: null,
      acknowledgedAt: null,
    });
    expect(stored.cameraIds).toEqual([]);
  });

  it("stay shared for the share window only", () => {
    const now = Date.parse(AT);
    expect(withinShareWindow(AT, now + SHARE_WINDOW_MS - 1)).toBe(true);
    expect(withinShareWindow(AT, now + SHARE_WINDOW_MS)).toBe(false);
    expect(withinShareWindow("not a time", now)).toBe(false);
  });

  it("are picked up to the limit in the console", () => {
    let chosen: string[] = [];
    for (const id of ["a", "b", "c", "d", "e"]) chosen = toggleSharedCamera(chosen, id);
    expect(chosen).toHaveLength(MAX_SHARED_CAMERAS);
    expect(toggleSharedCamera(chosen, "b")).toEqual(["a", "c", "d"]);
    expect(camerasToOffer([{ id: "a" }, { id: "x" }], ["a"])).toEqual([{ id: "x" }]);
    expect(camerasToOffer([{ id: "x" }], chosen)).toEqual([]);
  });

  it("default, for an incident, to its alarms' cameras, each once, up to the limit", () => {
    const cameraOf = (id: string) => ({ a: "cam-01", b: null, c: "cam-01", d: "cam-02", e: "cam-03", f: "cam-04", g: "cam-05" })[id];
    expect(incidentDefaultCameras(["a", "b", "c", "d"], cameraOf)).toEqual(["cam-01", "cam-02"]);
    expect(incidentDefaultCameras(["a", "d", "e", "f", "g", "x"], cameraOf)).toHaveLength(MAX_SHARED_CAMERAS);
  });
});
