import { describe, expect, it } from "vitest";
import { freshWorkflowFields, type Alarm } from "../../shared/domain/alarm.js";
import type { Operator } from "../../shared/domain/operator.js";
import type { ActionRequest, OperatorAction } from "../../shared/protocol/backend.js";
import { decideAction, effectiveActionTime } from "../../backend/actions/decide-action.js";

const now = new Date("2026-11-25T15:41:09.000Z");
/** When the operator clicked, per the console's clock (two seconds before the backend handled it). */
const clickedAt = "2026-11-25T15:41:07.000Z";
const lan: Operator = { id: "op-01", name: "Nguyễn Thị Lan", role: "operator" };
const minh: Operator = { id: "op-02", name: "Trần Văn Minh", role: "operator" };
const ha: Operator = { id: "view-01", name: "Lê Thu Hà", role: "viewer" };

const alarm: Alarm = {
  id: "alm-1",
  type: "traffic_crash_ql18",
  domain: "traffic",
  priority: "critical",
  state: "unacknowledged",
  source: { kind: "camera", id: "cam-18" },
  cameraId: "cam-18",
  wardCode: "06832",
  location: [106.72, 21.05],
  place: "QL18 - Phương Đông",
  raisedAt: "2026-11-25T15:30:00.000Z",
  updatedAt: "2026-11-25T15:30:00.000Z",
  acknowledgedBy: null,
  acknowledgedByName: null,
  acknowledgedAt: null,
  comments: [],
  ...freshWorkflowFields(),
};

function request(action: OperatorAction, operatorId = "op-01"): ActionRequest {
  return { idempotencyKey: "key-12345678", operatorId, at: clickedAt, action };
}
const acknowledge = { type: "acknowledge", alarmId: "alm-1" } as const;

describe("decideAction", () => {
  it("acknowledges an unacknowledged alarm, recording who and when", () => {
    const decision = decideAction({ request: request(acknowledge), alarm, operator: lan, now });
    expect(decision).toEqual({
      kind: "apply",
      alarm: {
        ...alarm,
        state: "acknowledged",
        acknowledgedBy: "op-01",
        acknowledgedByName: "Nguyễn Thị Lan",
        acknowledgedAt: clickedAt,
        updatedAt: clickedAt,
        history: [{ id: "cmt-op-01-key-12345678", at: clickedAt, operatorId: "op-01", operatorName: "Nguyễn Thị Lan", action: "acknowledge", note: null }],
      },
    });
  });

  it("takes a returned-to-normal alarm to normal on acknowledgement (ISA-18.2)", () => {
    const decision = decideAction({ request: request(acknowledge), alarm: { ...alarm, state: "rtn_unacknowledged" }, operator: lan, now });
    expect(decision.kind === "apply" && decision.alarm.state).toBe("normal");
  });

  it("reports a conflict naming who acknowledged first and when", () => {
    const first = decideAction({ request: request(acknowledge), alarm, operator: lan, now });
    if (first.kind !== "apply") throw new Error("expected apply");
    const second = decideAction({ request: request(acknowledge, "op-02"), alarm: first.alarm, operator: minh, now });
    expect(second).toEqual({
      kind: "reject",
      error: {
        kind: "conflict",
        message: "Alarm alm-1 was already acknowledged by Nguyễn Thị Lan at 25/11/2026, 22:41:07 (Vietnam time).",
        detail: { acknowledgedBy: "op-01", acknowledgedByName: "Nguyễn Thị Lan", acknowledgedAt: clickedAt },
      },
    });
  });

  it("lets the same operator acknowledge again without changing anything", () => {
    const first = decideAction({ request: request(acknowledge), alarm, operator: lan, now });
    if (first.kind !== "apply") throw new Error("expected apply");
    expect(decideAction({ request: request(acknowledge), alarm: first.alarm, operator: lan, now })).toEqual({ kind: "unchanged", alarm: first.alarm });
  });

  it("refuses to acknowledge an alarm in a state that does not allow it", () => {
    const decision = decideAction({ request: request(acknowledge), alarm: { ...alarm, state: "shelved" }, operator: lan, now });
    expect(decision).toMatchObject({ kind: "reject", error: { kind: "conflict", message: expect.stringContaining("shelved") } });
  });

  it("forbids viewers and unknown operators", () => {
    expect(decideAction({ request: request(acknowledge, "view-01"), alarm, operator: ha, now })).toEqual({
      kind: "reject",
      error: { kind: "forbidden", message: "Viewers cannot acknowledge alarms." },
    });
    expect(decideAction({ request: request({ type: "comment", alarmId: "alm-1", text: "x" }, "view-01"), alarm, operator: ha, now })).toMatchObject({
      kind: "reject",
      error: { kind: "forbidden" },
    });
    expect(decideAction({ request: request(acknowledge, "ghost"), alarm, operator: null, now })).toMatchObject({
      kind: "reject",
      error: { kind: "forbidden", message: expect.stringContaining("ghost") },
    });
  });

  it("answers not_found for an unknown alarm", () => {
    expect(decideAction({ request: request(acknowledge), alarm: null, operator: lan, now })).toMatchObject({ kind: "reject", error: { kind: "not_found" } });
  });

  it("appends comments, keeping earlier ones, in any state", () => {
    const earlier = { id: "c0", operatorId: "op-02", operatorName: "Trần Văn Minh", at: "2026-11-25T15:35:00.000Z", text: "Đã gọi CSGT." };
    const decision = decideAction({
      request: request({ type: "comment", alarmId: "alm-1", text: "Xe cứu thương đã tới." }),
      alarm: { ...alarm, state: "acknowledged", comments: [earlier] },
      operator: lan,
      now,
    });
    if (decision.kind !== "apply") throw new Error("expected apply");
    expect(decision.alarm.state).toBe("acknowledged");
    expect(decision.alarm.updatedAt).toBe(clickedAt);
    expect(decision.alarm.comments).toEqual([
      earlier,
      { id: "cmt-op-01-key-12345678", operatorId: "op-01", operatorName: "Nguyễn Thị Lan", at: clickedAt, text: "Xe cứu thương đã tới." },
    ]);
  });

  it("does not add the same comment twice", () => {
    const action = { type: "comment", alarmId: "alm-1", text: "Một lần thôi." } as const;
    const first = decideAction({ request: request(action), alarm, operator: lan, now });
    if (first.kind !== "apply") throw new Error("expected apply");
    expect(decideAction({ request: request(action), alarm: first.alarm, operator: lan, now })).toEqual({ kind: "unchanged", alarm: first.alarm });
  });
});

describe("effectiveActionTime", () => {
  it("keeps the console's time, but never later than the server's", () => {
    expect(effectiveActionTime("2026-11-25T15:00:00.000Z", now)).toBe("2026-11-25T15:00:00.000Z");
    expect(effectiveActionTime("2026-11-25T22:00:00+07:00", now)).toBe("2026-11-25T15:00:00.000Z");
    expect(effectiveActionTime("2026-11-25T16:00:00.000Z", now)).toBe(now.toISOString());
  });
});
