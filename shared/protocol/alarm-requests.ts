import { z } from "zod";
import { IdSchema, NameTextSchema, NoteTextSchema } from "../limits.js";
import { AlarmSchema } from "../domain/alarm.js";
import { AppErrorSchema } from "../result.js";
import { ESCALATION_TARGETS, MAX_SHELVE_MINUTES, type OperatorAction } from "./backend.js";

/**
 * The alarm queue's part of the console API, beyond acknowledge and comment.
 * console-api.ts lists these requests in its union. Each becomes one operator action
 * (see `alarmRequestAction`) that goes through the outbox like an acknowledgement.
 */

const AlarmId = IdSchema;
const Note = NoteTextSchema;

/** Most alarms one bulk acknowledgement may name: the whole active queue in a flood. */
export const MAX_BULK_ALARMS = 10_000;

export const ALARM_REQUESTS = [
  z.object({ type: z.literal("alarm.acknowledgeMany"), alarmIds: z.array(AlarmId).min(1).max(MAX_BULK_ALARMS) }),
  z.object({
    type: z.literal("alarm.assign"),
    alarmId: AlarmId,
    assigneeId: IdSchema.nullable(),
    assigneeName: NameTextSchema.nullable(),
  }),
  z.object({ type: z.literal("alarm.escalate"), alarmId: AlarmId, to: z.enum(ESCALATION_TARGETS).default("province_ioc"), reason: Note }),
  z.object({ type: z.literal("alarm.shelve"), alarmId: AlarmId, reason: Note, minutes: z.number().int().min(1).max(MAX_SHELVE_MINUTES) }),
  z.object({ type: z.literal("alarm.unshelve"), alarmId: AlarmId }),
  z.object({ type: z.literal("alarm.resolve"), alarmId: AlarmId, note: Note }),
  z.object({ type: z.literal("alarm.sop"), alarmId: AlarmId, stepId: IdSchema, done: z.boolean() }),
] as const;

export type AlarmRequest = z.infer<(typeof ALARM_REQUESTS)[number]>;
export type SingleAlarmRequest = Exclude<AlarmRequest, { type: "alarm.acknowledgeMany" }>;

export const BulkAcknowledgeResultSchema = z.object({
  /** Shown acknowledged at once and queued for the backend, one action per alarm. */
  acknowledged: z.array(z.string()),
  /** Not acknowledged, each with why (already acknowledged, not in this console...). */
  refused: z.array(z.object({ alarmId: z.string(), error: AppErrorSchema })),
});
export type BulkAcknowledgeResult = z.infer<typeof BulkAcknowledgeResultSchema>;

export const ALARM_RESPONSE_SCHEMAS = {
  "alarm.acknowledgeMany": BulkAcknowledgeResultSchema,
  "alarm.assign": AlarmSchema,
  "alarm.escalate": AlarmSchema,
  "alarm.shelve": AlarmSchema,
  "alarm.unshelve": AlarmSchema,
  "alarm.resolve": AlarmSchema,
  "alarm.sop": AlarmSchema,
} as const;

/** Pure: the operator action a single-alarm request stands for. */
export function alarmRequestAction(request: SingleAlarmRequest): OperatorAction {
  switch (request.type) {
    case "alarm.assign":
      return { type: "assign", alarmId: request.alarmId, assigneeId: request.assigneeId, assigneeName: request.assigneeName };
    case "alarm.escalate":
      return { type: "escalate", alarmId: request.alarmId, to: request.to, reason: request.reason };
    case "alarm.shelve":
      return { type: "shelve", alarmId: request.alarmId, reason: request.reason, minutes: request.minutes };
    case "alarm.unshelve":
      return { type: "unshelve", alarmId: request.alarmId };
    case "alarm.resolve":
      return { type: "resolve", alarmId: request.alarmId, note: request.note };
    case "alarm.sop":
      return { type: "sop_step", alarmId: request.alarmId, stepId: request.stepId, done: request.done };
    default: {
      const never: never = request;
      throw new Error(`Unhandled alarm request ${JSON.stringify(never)}`);
    }
  }
}
