import { describe, expect, it } from "vitest";
import { ALARM_EVENTS, transition, type AlarmEvent } from "../../shared/alarm-lifecycle.js";
import { AlarmStateSchema, type AlarmState } from "../../shared/domain/alarm.js";

/** Every (state, event) pair: the allowed ones with their target, everything else forbidden. */
const ALLOWED: Record<AlarmState, Partial<Record<AlarmEvent, AlarmState>>> = {
  normal: { activate: "unacknowledged", remove_from_service: "out_of_service", suppress: "suppressed" },
  unacknowledged: { acknowledge: "acknowledged", clear: "rtn_unacknowledged", shelve: "shelved", suppress: "suppressed", remove_from_service: "out_of_service" },
  acknowledged: { clear: "normal", resolve: "normal", shelve: "shelved", suppress: "suppressed", remove_from_service: "out_of_service" },
  rtn_unacknowledged: { acknowledge: "normal", activate: "unacknowledged", shelve: "shelved", suppress: "suppressed", remove_from_service: "out_of_service" },
  shelved: { unshelve: "unacknowledged", remove_from_service: "out_of_service" },
  suppressed: { unsuppress: "unacknowledged" },
  out_of_service: { return_to_service: "normal" },
};

describe("ISA-18.2 alarm lifecycle", () => {
  const cases = AlarmStateSchema.options.flatMap((state) => ALARM_EVENTS.map((event) => [state, event, ALLOWED[state][event] ?? null] as const));
  it.each(cases)("%s --%s--> %s", (state, event, expected) => {
    const result = transition(state, event);
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(event);
    } else {
      expect(result).toEqual({ ok: true, state: expected });
    }
  });
});
