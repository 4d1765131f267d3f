import { z } from "zod";
import { IdSchema, NameTextSchema, NoteTextSchema } from "../limits.js";
import { targetOf } from "./target.js";
import { SharedCameraIdsSchema } from "../domain/shared-cameras.js";

/** Longest an alarm may be shelved: one 8-hour shift (EEMUA 191 wants shelving time-limited). */
export const MAX_SHELVE_MINUTES = 480;

/** Where escalations go; the only one today is the province's operations centre. */
export const ESCALATION_TARGETS = ["province_ioc"] as const;

const Alarm = targetOf("alarm");
const Note = NoteTextSchema;

/** What an operator can do to an alarm. */
export const ALARM_COMMANDS = [
  z.object({ type: z.literal("acknowledge"), target: Alarm }),
  z.object({ type: z.literal("comment"), target: Alarm, text: Note }),
  z.object({
    type: z.literal("assign"),
    target: Alarm,
    /** null: take the assignment away. */
    assigneeId: IdSchema.nullable(),
    assigneeName: NameTextSchema.nullable(),
  }),
  z.object({
    type: z.literal("escalate"),
    target: Alarm,
    to: z.enum(ESCALATION_TARGETS),
    reason: Note,
    /** Cameras shared with the province for this escalation; absent: the alarm's own camera. */
    cameraIds: SharedCameraIdsSchema.optional(),
  }),
  z.object({ type: z.literal("shelve"), target: Alarm, reason: Note, minutes: z.number().int().min(1).max(MAX_SHELVE_MINUTES) }),
  z.object({ type: z.literal("unshelve"), target: Alarm }),
  z.object({ type: z.literal("resolve"), target: Alarm, note: Note }),
  z.object({ type: z.literal("sop_step"), target: Alarm, stepId: IdSchema, done: z.boolean() }),
] as const;

export const AlarmCommandSchema = z.discriminatedUnion("type", ALARM_COMMANDS);
export type AlarmCommand = z.infer<typeof AlarmCommandSchema>;
