import { describe, expect, it } from "vitest";
import { applyAlarmCommand, expireShelf } from "../../shared/alarm-actions.js";
import { AlarmSchema, type Alarm } from "../../shared/domain/alarm.js";
import type { AlarmCommand } from "../../shared/commands/alarm-commands.js";
import { planBulkAcknowledge } from "../../electron/core/alarms/plan-bulk-acknowledge.js";
import { HA_VIEWER, LAN, makeAlarm, MINH } from "../shared/fixtures.js";

const AT = "2026-11-25T10:05:00.000Z";

function apply(alarm: Alarm, action: AlarmCommand, id = "k1", at = AT): Alarm {
  const r = applyAlarmCommand(alarm, action, LAN, at, id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function refusal(alarm: Alarm, action: AlarmCommand): string {
  const r = applyAlarmCommand(alarm, action, LAN, AT, "k-refused");
  if (r.ok) throw new Error(`expected a refusal of ${action.type}`);
  return r.error.kind;
}

describe("operator actions beyond acknowledge", () => {
  it("assigns to an operator and records who assigned, when", () => {
    const a = apply(makeAlarm(), { type: "assign", target: { kind: "alarm", id: "alm-1" }, assigneeId: "op-02", assigneeName: MINH.name });
    expect(a).toMatchObject({ assignedTo: "op-02", assignedToName: MINH.name, updatedAt: AT });
    expect(a.history).toEqual([{ id: "k1", at: AT, operatorId: "op-01", operatorName: LAN.name, action: "assign", note: MINH.name }]);
  });

  it("escalates to the province centre with the reason, keeping every escalation", () => {
    let a = apply(makeAlarm(), { type: "escalate", target: { kind: "alarm", id: "alm-1" }, to: "province_ioc", reason: "Cháy lan rộng" });
    a = apply(a, { type: "escalate", target: { kind: "alarm", id: "alm-1" }, to: "province_ioc", reason: "Cần thêm xe chữa cháy" }, "k2");
    expect(a.escalations.map((e) => [e.to, e.reason, e.operatorId])).toEqual([
      ["province_ioc", "Cháy lan rộng", "op-01"],
      ["province_ioc", "Cần thêm xe chữa cháy", "op-01"],
    ]);
    expect(refusal(makeAlarm({ state: "normal" }), { type: "escalate", target: { kind: "alarm", id: "alm-1" }, to: "province_ioc", reason: "x" })).toBe("conflict");
  });

  it("shelves with a reason and an expiry, and unshelves back to unacknowledged", () => {
    const shelved = apply(makeAlarm(), { type: "shelve", target: { kind: "alarm", id: "alm-1" }, reason: "Cảm biến đang bảo trì", minutes: 30 });
    expect(shelved).toMatchObject({ state: "shelved", shelvedUntil: "2026-11-25T10:35:00.000Z", shelveReason: "Cảm biến đang bảo trì" });
    const back = apply(shelved, { type: "unshelve", target: { kind: "alarm", id: "alm-1" } }, "k2");
    expect(back).toMatchObject({ state: "unacknowledged", shelvedUntil: null, shelveReason: null });
    expect(refusal(shelved, { type: "shelve", target: { kind: "alarm", id: "alm-1" }, reason: "x", minutes: 5 })).toBe("conflict");
  });

  it("a shelf returns the alarm by itself once its time is over, not before", () => {
    const shelved = apply(makeAlarm(), { type: "shelve", target: { kind: "alarm", id: "alm-1" }, reason: "Bảo trì", minutes: 10 });
    expect(expireShelf(shelved, new Date("2026-11-25T10:14:59.000Z"))).toBeNull();
    const back = expireShelf(shelved, new Date("2026-11-25T10:15:00.000Z"));
    expect(back).toMatchObject({ state: "unacknowledged", shelvedUntil: null });
    expect(back?.history.at(-1)).toMatchObject({ action: "shelf_expired", operatorId: "system", note: "Bảo trì" });
    expect(expireShelf(makeAlarm(), new Date("2030-01-01T00:00:00.000Z"))).toBeNull();
  });

  it("resolves an acknowledged alarm with a note; an unacknowledged one must be acknowledged first", () => {
    const acked = apply(makeAlarm(), { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } });
    const resolved = apply(acked, { type: "resolve", target: { kind: "alarm", id: "alm-1" }, note: "Đã dập tắt" }, "k2");
    expect(resolved.state).toBe("normal");
    expect(resolved.resolution).toEqual({ at: AT, operatorId: "op-01", operatorName: LAN.name, note: "Đã dập tắt" });
    expect(refusal(makeAlarm(), { type: "resolve", target: { kind: "alarm", id: "alm-1" }, note: "x" })).toBe("conflict");
  });

  it("ticks and unticks SOP steps; ticking a ticked step changes nothing", () => {
    const a = apply(makeAlarm(), { type: "sop_step", target: { kind: "alarm", id: "alm-1" }, stepId: "call_114", done: true });
    expect(a.sopDone).toEqual(["call_114"]);
    expect(applyAlarmCommand(a, { type: "sop_step", target: { kind: "alarm", id: "alm-1" }, stepId: "call_114", done: true }, LAN, AT, "k2")).toEqual({ ok: true, value: a });
    expect(apply(a, { type: "sop_step", target: { kind: "alarm", id: "alm-1" }, stepId: "call_114", done: false }, "k3").sopDone).toEqual([]);
  });

  it("applies an action already in the history once (the outbox overlay meets the confirmed copy)", () => {
    const once = apply(makeAlarm(), { type: "escalate", target: { kind: "alarm", id: "alm-1" }, to: "province_ioc", reason: "r" }, "same");
    const again = applyAlarmCommand(once, { type: "escalate", target: { kind: "alarm", id: "alm-1" }, to: "province_ioc", reason: "r" }, LAN, AT, "same");
    expect(again.ok && again.value).toBe(once);
  });

  it("viewers can do none of it", () => {
    const r = applyAlarmCommand(makeAlarm(), { type: "shelve", target: { kind: "alarm", id: "alm-1" }, reason: "x", minutes: 5 }, HA_VIEWER, AT, "k");
    expect(!r.ok && r.error.kind).toBe("forbidden");
  });
});

describe("backward compatibility of cached alarms", () => {
  it("an alarm stored before the workflow fields parses with them defaulted", () => {
    const old: Record<string, unknown> = { ...makeAlarm() };
    for (const key of ["assignedTo", "assignedToName", "escalations", "shelvedUntil", "shelveReason", "resolution", "sopDone", "history"]) delete old[key];
    const parsed = AlarmSchema.parse(old);
    expect(parsed).toMatchObject({ assignedTo: null, escalations: [], shelvedUntil: null, resolution: null, sopDone: [], history: [] });
  });
});

describe("bulk acknowledgement plan", () => {
  it("one request per acknowledgeable alarm, each with its own key; the rest refused with a reason", () => {
    const alarms = new Map<string, Alarm>([
      ["a", makeAlarm({ id: "a" })],
      ["b", makeAlarm({ id: "b", state: "acknowledged", acknowledgedBy: "op-02", acknowledgedByName: MINH.name, acknowledgedAt: AT })],
      ["c", makeAlarm({ id: "c", state: "rtn_unacknowledged" })],
    ]);
    let n = 0;
    const plan = planBulkAcknowledge(["a", "b", "c", "a", "missing"], (id) => alarms.get(id) ?? null, LAN, AT, () => `key-${++n}`);
    expect(plan.result.acknowledged).toEqual(["a", "c"]);
    expect(plan.result.refused.map((r) => [r.alarmId, r.error.kind])).toEqual([
      ["b", "conflict"],
      ["missing", "not_found"],
    ]);
    expect(plan.requests.map((r) => [r.command.target.id, r.idempotencyKey])).toEqual([
      ["a", "key-1"],
      ["c", "key-3"],
    ]);
  });
});
