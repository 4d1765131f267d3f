import type { AlarmState } from "./domain/alarm.js";

/**
 * Events that move an alarm through the ISA-18.2 lifecycle. Process events
 * (activate, clear) come from the field; the rest are operator or engineering actions.
 */
export type AlarmEvent =
  | "activate"
  | "clear"
  | "acknowledge"
  | "resolve"
  | "shelve"
  | "unshelve"
  | "suppress"
  | "unsuppress"
  | "remove_from_service"
  | "return_to_service";

export const ALARM_EVENTS: readonly AlarmEvent[] = [
  "activate",
  "clear",
  "acknowledge",
  "resolve",
  "shelve",
  "unshelve",
  "suppress",
  "unsuppress",
  "remove_from_service",
  "return_to_service",
];

type Table = Record<AlarmState, Partial<Record<AlarmEvent, AlarmState>>>;

const ANNUNCIATED_ESCAPES: Partial<Record<AlarmEvent, AlarmState>> = {
  shelve: "shelved",
  suppress: "suppressed",
  remove_from_service: "out_of_service",
};

/** The whole lifecycle. Anything not listed is forbidden. */
export const ALARM_TRANSITIONS: Table = {
  normal: { activate: "unacknowledged", remove_from_service: "out_of_service", suppress: "suppressed" },
  unacknowledged: { acknowledge: "acknowledged", clear: "rtn_unacknowledged", ...ANNUNCIATED_ESCAPES },
  acknowledged: { clear: "normal", resolve: "normal", ...ANNUNCIATED_ESCAPES },
  rtn_unacknowledged: { acknowledge: "normal", activate: "unacknowledged", ...ANNUNCIATED_ESCAPES },
  // A shelved alarm comes back demanding attention: the operator must see it again.
  shelved: { unshelve: "unacknowledged", remove_from_service: "out_of_service" },
  suppressed: { unsuppress: "unacknowledged" },
  out_of_service: { return_to_service: "normal" },
};

export type TransitionResult = { ok: true; state: AlarmState } | { ok: false; reason: string };

/** Pure: where `event` takes an alarm in `state`, or why it cannot. */
export function transition(state: AlarmState, event: AlarmEvent): TransitionResult {
  const next = ALARM_TRANSITIONS[state][event];
  if (next === undefined) return { ok: false, reason: `cannot ${event} an alarm that is ${state}` };
  return { ok: true, state: next };
}

/** States in which the alarm still asks for an operator's attention. */
export function needsAttention(state: AlarmState): boolean {
  return state === "unacknowledged" || state === "rtn_unacknowledged";
}

/** States shown in the active queue (everything except back-to-normal). */
export function isActiveInQueue(state: AlarmState): boolean {
  return state !== "normal" && state !== "out_of_service" && state !== "suppressed";
}
