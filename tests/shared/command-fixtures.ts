import type { Alarm } from "../../shared/domain/alarm.js";
import type { Incident } from "../../shared/domain/incident.js";
import type { TargetState } from "../../shared/commands/command.js";

/** The alarm a command answered with; fails the test when the answer is of another kind. */
export function alarmOf(state: TargetState): Alarm {
  if (state.kind !== "alarm") throw new Error(`Expected an alarm, got a ${state.kind}`);
  return state.entity;
}

/** The incident a command answered with; fails the test when the answer is of another kind. */
export function incidentOf(state: TargetState): Incident {
  if (state.kind !== "incident") throw new Error(`Expected an incident, got a ${state.kind}`);
  return state.entity;
}
