import { describe, expect, it } from "vitest";
import { freshWorkflowFields, type Alarm } from "../../shared/domain/alarm.js";
import type { Operator } from "../../shared/domain/operator.js";
import type { AlarmCommand } from "../../shared/commands/alarm-commands.js";
import { decideCommand, effectiveActionTime, type CommandContext, type RequestOn } from "../../backend/actions/decide-command.js";

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

function request(command: AlarmCommand, operatorId = "op-01"): RequestOn<"alarm"> {
  return { idempotencyKey: "key-12345678", operatorId, at: clickedAt, command };
}
/** The context of a command on `alarm`: no other alarms are read. */
function decideAlarm(context: { request: RequestOn<"alarm">; alarm: CommandContext<"alarm">["current"]; operator: CommandContext<"alarm">["operator"]; now: Date }) {
  return decideCommand("alarm", { request: context.request, current: context.alarm, operator: context.operator, alarms: [], now: context.now });
}
const acknowledge = { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } } as const;

describe("decideCommand on alarms", () => {
  it("acknowledges an unacknowledged alarm, recording who and when", () => {
    const decision = decideAlarm({ request: request(acknowledge), alarm, operator: lan, now });
    expect(decision).toEqual({
      kind: "apply",
      entity: {
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
    const decision = decideAlarm({ request: request(acknowledge), alarm: { ...alarm, state: "rtn_unacknowledged" }, operator: lan, now });
    expect(decision.kind === "apply" && decision.entity.state).toBe("normal");
  });

  it("reports a conflict naming who acknowledged first and when", () => {
    const first = decideAlarm({ request: request(acknowledge), alarm, operator: lan, now });
    if (first.kind !== "apply") throw new Error("expected apply");
    const second = decideAlarm({ request: request(acknowledge, "op-02"), alarm: first.entity, operator: minh, now });
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
    const first = decideAlarm({ request: request(acknowledge), alarm, operator: lan, now });
    if (first.kind !== "apply") throw new Error("expected apply");
    expect(decideAlarm({ request: request(acknowledge), alarm: first.entity, operator: lan, now })).toEqual({ kind: "unchanged", entity: first.entity });
  });

  it("refuses to acknowledge an alarm in a state that does not allow it", () => {
    const decision = decideAlarm({ request: request(acknowledge), alarm: { ...alarm, state: "shelved" }, operator: lan, now });
    expect(decision).toMatchObject({ kind: "reject", error: { kind: "conflict", message: expect.stringContaining("shelved") } });
  });

  it("forbids viewers and unknown operators", () => {
    expect(decideAlarm({ request: request(acknowledge, "view-01"), alarm, operator: ha, now })).toEqual({
      kind: "reject",
      error: { kind: "forbidden", message: "Viewers cannot acknowledge alarms." },
    });
    expect(decideAlarm({ request: request({ type: "comment", target: { kind: "alarm", id: "alm-1" }, text: "x" }, "view-01"), alarm, operator: ha, now })).toMatchObject({
      kind: "reject",
      error: { kind: "forbidden" },
    });
    expect(decideAlarm({ request: request(acknowledge, "ghost"), alarm, operator: null, now })).toMatchObject({
      kind: "reject",
      error: { kind: "forbidden", message: expect.stringContaining("ghost") },
    });
  });

  it("answers not_found for an unknown alarm", () => {
    expect(decideAlarm({ request: request(acknowledge), alarm: null, operator: lan, now })).toMatchObject({ kind: "reject", error: { kind: "not_found" } });
  });

  it("appends comments, keeping earlier ones, in any state", () => {
    const earlier = { id: "c0", operatorId: "op-02", operatorName: "Trần Văn Minh", at: "2026-11-25T15:35:00.000Z", text: "Đã gọi CSGT." };
    const decision = decideAlarm({
      request: request({ type: "comment", target: { kind: "alarm", id: "alm-1" }, text: "Xe cứu thương đã tới." }),
      alarm: { ...alarm, state: "acknowledged", comments: [earlier] },
      operator: lan,
      now,
    });
    if (decision.kind !== "apply") throw new Error("expected apply");
    expect(decision.entity.state).toBe("acknowledged");
    expect(decision.entity.updatedAt).toBe(clickedAt);
    expect(decision.entity.comments).toEqual([
      earlier,
      { id: "cmt-op-01-key-12345678", operatorId: "op-01", operatorName: "Nguyễn Thị Lan", at: clickedAt, text: "Xe cứu thương đã tới." },
    ]);
  });

  it("does not add the same comment twice", () => {
    const action = { type: "comment", target: { kind: "alarm", id: "alm-1" }, text: "Một lần thôi." } as const;
    const first = decideAlarm({ request: request(action), alarm, operator: lan, now });
    if (first.kind !== "apply") throw new Error("expected apply");
    expect(decideAlarm({ request: request(action), alarm: first.entity, operator: lan, now })).toEqual({ kind: "unchanged", entity: first.entity });
  });
});

describe("effectiveActionTime", () => {
  it("keeps the console's time, but never later than the server's", () => {
    expect(effectiveActionTime("2026-11-25T15:00:00.000Z", now)).toBe("2026-11-25T15:00:00.000Z");
    expect(effectiveActionTime("2026-11-25T22:00:00+07:00", now)).toBe("2026-11-25T15:00:00.000Z");
    expect(effectiveActionTime("2026-11-25T16:00:00.000Z", now)).toBe(now.toISOString());
  });
});
