import { describe, expect, it } from "vitest";
import { applyDirectiveCommand } from "../../shared/commands/directive-commands.js";
import type { Operator } from "../../shared/domain/operator.js";
import { roleRefusal } from "../../backend/province/role-commands.js";
import { DirectiveReportSchema } from "../../shared/protocol/province.js";
import { applyReport, pendingReport, receivedDirective, withReported } from "../../backend/province/directive-steps.js";

const op = { id: "op-01", name: "Nguyễn Văn A", role: "operator" } as Operator;
const viewer = { id: "view-01", name: "Xem", role: "viewer" } as Operator;
const T = "2026-12-04T08:00:00.000Z";
const target = { kind: "directive" as const, id: "dir-0123456789" };
const send = { type: "directive_send" as const, target, cityId: "uong-bi", text: "Phong toả", priority: "high" as const, wardCode: null, location: null, dueAt: null, escalationId: null };

function sent() {
  const result = applyDirectiveCommand(null, send, op, T);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("directive rules (pure)", () => {
  it("is sent once, acknowledged before done, and a viewer can do neither", () => {
    const directive = sent();
    expect(directive).toMatchObject({ state: "sent", sentByName: op.name, reportedState: null });
    expect(applyDirectiveCommand(directive, send, op, T)).toEqual({ ok: true, value: directive });
    expect(applyDirectiveCommand(directive, { type: "directive_done", target, note: "xong" }, op, T)).toMatchObject({ ok: false, error: { kind: "conflict" } });
    expect(applyDirectiveCommand(directive, { type: "directive_acknowledge", target }, viewer, T)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    const acknowledged = applyDirectiveCommand(directive, { type: "directive_acknowledge", target }, op, T);
    expect(acknowledged).toMatchObject({ ok: true, value: { state: "acknowledged", acknowledgedByName: op.name } });
  });

  it("steps reported up only move forward, and a confirmed step is not reported again", () => {
    const atCity = receivedDirective(sent(), T);
    const report = pendingReport(atCity);
    expect(report?.state).toBe("delivered");
    const confirmed = withReported(atCity, "delivered");
    expect(pendingReport(confirmed)).toBeNull();
    const atProvince = applyReport(sent(), report!);
    expect(atProvince.state).toBe("delivered");
    expect(applyReport(atProvince, report!)).toBe(atProvince);
  });

  it("a report carries who and when of each step up to its own: a city's every report passes, a bare \"done\" is refused", () => {
    const delivered = receivedDirective(sent(), T);
    const acknowledged = applyDirectiveCommand(delivered, { type: "directive_acknowledge", target }, op, T);
    if (!acknowledged.ok) throw new Error(acknowledged.error.message);
    const done = applyDirectiveCommand(acknowledged.value, { type: "directive_done", target, note: "xong" }, op, T);
    if (!done.ok) throw new Error(done.error.message);
    for (const step of [delivered, acknowledged.value, done.value]) expect(DirectiveReportSchema.safeParse(pendingReport(step)).success).toBe(true);
    const bare = { id: target.id, state: "done", deliveredAt: T, acknowledgedByName: null, acknowledgedAt: null, doneByName: null, doneAt: null, doneNote: null };
    const refused = DirectiveReportSchema.safeParse(bare);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path[0])).toEqual(["acknowledgedAt", "doneAt"]);
    expect(DirectiveReportSchema.safeParse({ ...bare, state: "acknowledged", acknowledgedAt: T, acknowledgedByName: "Lan" }).success).toBe(true);
  });
});

describe("which centre takes which command", () => {
  const cities = new Set(["uong-bi"]);
  it("the province sends directives (to its own cities) and acknowledges escalations; the city acknowledges and completes directives", () => {
    expect(roleRefusal("province", send, cities)).toBeNull();
    expect(roleRefusal("province", { ...send, cityId: "ha-long" }, cities)?.kind).toBe("invalid_request");
    expect(roleRefusal("city", send, cities)?.kind).toBe("forbidden");
    expect(roleRefusal("city", { type: "escalation_acknowledge", target: { kind: "escalation", id: "uong-bi~a~0" } }, cities)?.kind).toBe("forbidden");
    expect(roleRefusal("province", { type: "directive_acknowledge", target }, cities)?.kind).toBe("forbidden");
    expect(roleRefusal("city", { type: "directive_done", target, note: "xong" }, cities)).toBeNull();
    expect(roleRefusal("city", { type: "acknowledge", target: { kind: "alarm", id: "a" } }, cities)).toBeNull();
  });
});
