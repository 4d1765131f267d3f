import { describe, expect, it } from "vitest";
import { applyToTarget } from "../../shared/commands/apply-command.js";
import { CommandSchema, commandParameters, ConfirmedSchema } from "../../shared/commands/command.js";
import { TARGET_KINDS } from "../../shared/commands/target.js";
import { LAN, makeAlarm } from "./fixtures.js";

const INCIDENT = "inc-0b7f1c2e-1111-4222-8333-944455556666";

describe("one command contract", () => {
  it("every command's type fixes the kind of its target", () => {
    expect(CommandSchema.safeParse({ type: "sop_step", target: { kind: "alarm", id: "alm-1" }, stepId: "call_114", done: true }).success).toBe(true);
    expect(CommandSchema.safeParse({ type: "sop_step", target: { kind: "incident", id: INCIDENT }, stepId: "call_114", done: true }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: "incident_note", target: { kind: "alarm", id: "alm-1" }, text: "x" }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: "incident_note", target: { kind: "incident", id: INCIDENT }, text: "x" }).success).toBe(true);
  });

  it("every kind of target has commands and an answer shape", () => {
    for (const kind of TARGET_KINDS) {
      const types = CommandSchema.options.filter((option) => option.shape.target.shape.kind.value === kind);
      expect(types.length, kind).toBeGreaterThan(0);
      expect(ConfirmedSchema.options.some((option) => option.shape.kind.value === kind), kind).toBe(true);
    }
  });

  it("a command's parameters are what it carries beyond its type and target (what the audit keeps)", () => {
    expect(commandParameters({ type: "shelve", target: { kind: "alarm", id: "alm-1" }, reason: "Bảo trì", minutes: 30 })).toEqual({ reason: "Bảo trì", minutes: 30 });
    expect(commandParameters({ type: "acknowledge", target: { kind: "alarm", id: "alm-1" } })).toEqual({});
  });

  it("applies any command to its target with the rules of its kind", () => {
    const alarm = makeAlarm({ id: "alm-1" });
    const actor = { operator: LAN, at: "2026-11-25T10:05:00.000Z", idempotencyKey: "key-00000001" };
    const acknowledged = applyToTarget({ type: "acknowledge", target: { kind: "alarm", id: "alm-1" } }, alarm, actor, () => []);
    expect(acknowledged).toMatchObject({ ok: true, value: { kind: "alarm", entity: { state: "acknowledged", acknowledgedBy: LAN.id } } });
    const created = applyToTarget({ type: "incident_create", target: { kind: "incident", id: INCIDENT }, alarmIds: ["alm-1"], title: null, assignedUnit: null }, null, actor, (ids) => (ids.includes("alm-1") ? [alarm] : []));
    expect(created).toMatchObject({ ok: true, value: { kind: "incident", entity: { id: INCIDENT, alarmIds: ["alm-1"], createdBy: LAN.id } } });
    expect(applyToTarget({ type: "acknowledge", target: { kind: "alarm", id: "alm-9" } }, null, actor, () => [])).toMatchObject({ ok: false, error: { kind: "not_found" } });
  });
});
