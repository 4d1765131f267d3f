import { describe, expect, it } from "vitest";
import type { AlarmPriority } from "../../shared/domain/alarm.js";
import { keepsDirective, type Directive } from "../../shared/domain/directive.js";
import { applyEvent, INITIAL_STATE, upsertTarget } from "../../renderer/src/store/live-state.js";
import { countToAcknowledge, isOverdue, nextStep, orderDirectives, toneForNewDirectives } from "../../renderer/src/features/directives/model/directive-queue.js";

const T0 = Date.parse("2026-12-04T08:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function directive(id: string, priority: AlarmPriority, step: "new" | "acknowledged" | "done", extra: Partial<Directive> = {}): Directive {
  return {
    id: `dir-${id}-0000-0000`,
    cityId: "uong-bi",
    text: `Chỉ đạo ${id}`,
    priority,
    wardCode: null,
    location: null,
    dueAt: null,
    escalationId: null,
    sentAt: at(0),
    sentByName: "Trực ban tỉnh",
    state: step === "new" ? "delivered" : step,
    deliveredAt: at(0),
    acknowledgedByName: step === "new" ? null : "Lan",
    acknowledgedAt: step === "new" ? null : at(1),
    doneByName: step === "done" ? "Lan" : null,
    doneAt: step === "done" ? at(2) : null,
    doneNote: step === "done" ? "Đã xử lý" : null,
    reportedState: null,
    ...extra,
  };
}

describe("a city's queue of the province's directives", () => {
  it("puts those to acknowledge first, then those being worked, then the done ones; by priority, due time, age within each", () => {
    const list = [
      directive("done-critical", "critical", "done"),
      directive("worked-critical", "critical", "acknowledged"),
      directive("new-low", "low", "new"),
      directive("new-high-late", "high", "new", { dueAt: at(90) }),
      directive("new-high-soon", "high", "new", { dueAt: at(30) }),
      directive("new-high-older-no-due", "high", "new", { sentAt: at(-5) }),
    ];
    expect(orderDirectives(list).map((d) => d.id.split("-").slice(1, -2).join("-"))).toEqual(["new-high-soon", "new-high-late", "new-high-older-no-due", "new-low", "worked-critical", "done-critical"]);
  });

  it("asks for an acknowledgement, then for done, then nothing", () => {
    expect(nextStep(directive("a", "low", "new"))).toBe("acknowledge");
    expect(nextStep(directive("a", "low", "acknowledged"))).toBe("done");
    expect(nextStep(directive("a", "low", "done"))).toBe("none");
    expect(countToAcknowledge([directive("a", "low", "new"), directive("b", "low", "acknowledged"), directive("c", "high", "new")])).toBe(2);
  });

  it("is overdue past its due time until done", () => {
    expect(isOverdue(directive("a", "low", "acknowledged", { dueAt: at(10) }), T0 + 11 * 60_000)).toBe(true);
    expect(isOverdue(directive("a", "low", "acknowledged", { dueAt: at(10) }), T0 + 9 * 60_000)).toBe(false);
    expect(isOverdue(directive("a", "low", "done", { dueAt: at(1) }), T0 + 60 * 60_000)).toBe(false);
    expect(isOverdue(directive("a", "low", "new"), T0 + 1e9)).toBe(false);
  });

  it("sounds the highest priority of the directives that arrived unacknowledged since the last look, and nothing on the first look", () => {
    const first = new Map([directive("a", "critical", "new")].map((d) => [d.id, d]));
    expect(toneForNewDirectives(null, first)).toBeNull();
    const seen = new Set(first.keys());
    const later = new Map([...first, ...[directive("b", "medium", "new"), directive("c", "high", "new"), directive("d", "critical", "acknowledged")].map((d) => [d.id, d] as const)]);
    expect(toneForNewDirectives(seen, later)).toBe("high");
    expect(toneForNewDirectives(new Set(later.keys()), later)).toBeNull();
  });

  it("stays on the screens until done, then for the time given", () => {
    expect(keepsDirective(directive("a", "low", "acknowledged"), T0 + 1e10, 60_000)).toBe(true);
    expect(keepsDirective(directive("a", "low", "done"), T0 + 2 * 60_000 + 59_000, 60_000)).toBe(true);
    expect(keepsDirective(directive("a", "low", "done"), T0 + 2 * 60_000 + 60_000, 60_000)).toBe(false);
  });

  it("is held by the live state from the snapshot, the change feed and the answers to commands", () => {
    const arrived = directive("a", "high", "new");
    let state = applyEvent(INITIAL_STATE, { type: "changed", directives: [arrived] });
    expect(state.directives.get(arrived.id)?.state).toBe("delivered");
    state = upsertTarget(state, { kind: "directive", entity: { ...arrived, state: "acknowledged", acknowledgedAt: at(1), acknowledgedByName: "Lan" } });
    expect(state.directives.get(arrived.id)?.acknowledgedByName).toBe("Lan");
    state = applyEvent(state, { type: "session", session: { state: "signed_out", operator: null, expiresAt: null, streamToken: null, mustChangePassword: false, demo: false, waiting: [] } });
    expect(state.directives.size).toBe(0);
  });
});
