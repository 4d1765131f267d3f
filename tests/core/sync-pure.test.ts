import { describe, expect, it } from "vitest";
import { BACKEND_RECONNECT_BACKOFF, backoffDelayMs } from "../../shared/backoff.js";
import { overlayCommands } from "../../shared/commands/apply-command.js";
import { validateChanges } from "../../electron/core/sync/validate-changes.js";
import { LAN, makeAlarm, MINH } from "../shared/fixtures.js";

describe("backoffDelay", () => {
  it("reconnects to the backend exponentially, with half the delay either way as jitter, capped", () => {
    expect(backoffDelayMs(0, BACKEND_RECONNECT_BACKOFF, 0)).toBe(250);
    expect(backoffDelayMs(0, BACKEND_RECONNECT_BACKOFF, 1)).toBe(750);
    expect(backoffDelayMs(3, BACKEND_RECONNECT_BACKOFF, 0)).toBe(2000);
    expect(backoffDelayMs(50, BACKEND_RECONNECT_BACKOFF, 1)).toBe(15_000);
  });
});

describe("validateChanges", () => {
  it("keeps the highest sequence number seen even when that change is malformed", () => {
    const batch = validateChanges([{ seq: 7, entity: "alarm", op: "upsert", id: "x", at: "2026-11-25T10:00:00.000Z", data: 3 }]);
    expect(batch.maxSeq).toBe(7);
    expect(batch.quarantined[0]!.seq).toBe(7);
  });

  it("accepts deletes without data", () => {
    const batch = validateChanges([{ seq: 1, entity: "camera", op: "delete", id: "cam-1", at: "2026-11-25T10:00:00.000Z", data: null }]);
    expect(batch.valid).toEqual([{ seq: 1, entity: "camera", op: "delete", id: "cam-1", data: null }]);
  });
});

describe("overlayCommands on alarms", () => {
  const operators = { "op-01": LAN, "op-02": MINH } as const;
  const operatorOf = (id: string) => operators[id as keyof typeof operators];

  it("lays pending actions over the confirmed alarm in order, skipping ones that no longer apply", () => {
    const alarm = makeAlarm();
    const result = overlayCommands(
      "alarm",
      alarm,
      [
        { idempotencyKey: "k-00000001", operatorId: "op-01", at: "2026-11-25T10:01:00.000Z", command: { type: "acknowledge", target: { kind: "alarm", id: alarm.id } } },
        { idempotencyKey: "k-00000002", operatorId: "op-02", at: "2026-11-25T10:02:00.000Z", command: { type: "acknowledge", target: { kind: "alarm", id: alarm.id } } },
        { idempotencyKey: "k-00000003", operatorId: "op-02", at: "2026-11-25T10:03:00.000Z", command: { type: "comment", target: { kind: "alarm", id: alarm.id }, text: "ok" } },
      ],
      operatorOf,
      () => [],
    );
    expect(result?.acknowledgedBy).toBe("op-01");
    expect(result?.comments).toHaveLength(1);
    expect(alarm.state).toBe("unacknowledged");
  });
});
