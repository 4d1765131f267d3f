import { describe, expect, it } from "vitest";
import { applyAlarmCommand } from "../../shared/alarm-actions.js";
import { HA_VIEWER, LAN, makeAlarm, MINH } from "./fixtures.js";

const AT = "2026-11-25T10:05:00.000Z";

describe("applyAlarmCommand", () => {
  it("acknowledges an unacknowledged alarm, recording who and when", () => {
    const r = applyAlarmCommand(makeAlarm(), { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } }, LAN, AT, "k1");
    expect(r.ok && r.value).toMatchObject({ state: "acknowledged", acknowledgedBy: "op-01", acknowledgedByName: "Nguyễn Thị Lan", acknowledgedAt: AT });
  });

  it("refuses a second acknowledgement as a conflict naming the first operator", () => {
    const first = applyAlarmCommand(makeAlarm(), { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } }, LAN, AT, "k1");
    if (!first.ok) throw new Error("first ack failed");
    const second = applyAlarmCommand(first.value, { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } }, MINH, AT, "k2");
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.kind).toBe("conflict");
      expect(second.error.message).toContain("Nguyễn Thị Lan");
      expect(second.error.detail).toMatchObject({ acknowledgedBy: "op-01", acknowledgedAt: AT });
    }
  });

  it("acknowledging a returned-to-normal alarm brings it to normal", () => {
    const r = applyAlarmCommand(makeAlarm({ state: "rtn_unacknowledged" }), { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } }, LAN, AT, "k1");
    expect(r.ok && r.value.state).toBe("normal");
  });

  it("forbids viewers", () => {
    const r = applyAlarmCommand(makeAlarm(), { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } }, HA_VIEWER, AT, "k1");
    expect(!r.ok && r.error.kind).toBe("forbidden");
  });

  it("keeps every comment, in time order, and applies a repeated comment id once", () => {
    let alarm = makeAlarm();
    const later = applyAlarmCommand(alarm, { type: "comment", target: { kind: "alarm", id: "alm-1" }, text: "Đã cử đội PCCC" }, LAN, "2026-11-25T10:07:00.000Z", "c2");
    if (!later.ok) throw new Error();
    alarm = later.value;
    const earlier = applyAlarmCommand(alarm, { type: "comment", target: { kind: "alarm", id: "alm-1" }, text: "Đang xác minh" }, MINH, "2026-11-25T10:06:00.000Z", "c1");
    if (!earlier.ok) throw new Error();
    const replay = applyAlarmCommand(earlier.value, { type: "comment", target: { kind: "alarm", id: "alm-1" }, text: "Đang xác minh" }, MINH, "2026-11-25T10:06:00.000Z", "c1");
    expect(replay.ok && replay.value.comments.map((c) => c.id)).toEqual(["c1", "c2"]);
  });
});
